import { useEffect, useState } from 'react';
import type { StoreProblem } from '../../../domain/api/contract';
import { CONFERENCE_TYPE_LABELS, type ConferenceRecord } from '../../../domain/record/conference';
import { errorMessage } from '../api';
import { StoreProblems } from '../components/Banner';
import { PageHeading } from '../components/PageHeading';
import { usePageTitle } from '../components/usePageTitle';
import { GuidedEditor } from '../guided/GuidedEditor';
import { useSession } from '../session/SessionContext';
import { routeHref } from '../session/routes';

type PageState =
  | { kind: 'loading' }
  | { kind: 'failed'; message: string }
  | { kind: 'loaded'; record: ConferenceRecord; problems: StoreProblem[] };

export function ConferencePage({ id }: { id: string }) {
  const { client } = useSession();
  const [state, setState] = useState<PageState>({ kind: 'loading' });
  usePageTitle('Conference');

  useEffect(() => {
    let active = true;
    client['conferences.get']({ id })
      .then((result) => active && setState({ kind: 'loaded', record: result.conference, problems: result.problems }))
      .catch((error: unknown) => active && setState({ kind: 'failed', message: errorMessage(error) }));
    return () => {
      active = false;
    };
  }, [client, id]);

  return (
    <>
      <div className="page-links">
        <a className="back-link" href={routeHref({ name: 'list' })}>
          Back to conferences
        </a>
        {/* Offered even when the conference cannot be opened: its history is what someone would check. */}
        <a className="page-links__item" href={routeHref({ name: 'history', id })}>
          Change history
        </a>
      </div>
      {state.kind === 'loaded' ? (
        <>
          <PageHeading caption="Conference">{CONFERENCE_TYPE_LABELS[state.record.type]}</PageHeading>
          <StoreProblems problems={state.problems} />
          <GuidedEditor record={state.record} />
        </>
      ) : (
        <>
          <PageHeading>Conference</PageHeading>
          {state.kind === 'loading' && (
            <p className="body" role="status">
              Opening the conference…
            </p>
          )}
          {state.kind === 'failed' && (
            <p className="body error-text" role="alert">
              The conference could not be opened. {state.message}
            </p>
          )}
        </>
      )}
    </>
  );
}
