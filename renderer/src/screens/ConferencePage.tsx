import { useCallback, useEffect, useState } from 'react';
import type { Signatures, SignedVersionView } from '../../../domain/signoff/schemas';
import { AddendumForm } from '../signoff/AddendumForm';
import { ExportBlock } from '../signoff/ExportBlock';
import { DecisionLetterDue } from '../letters/DecisionLetterDue';
import { SignedBanner } from '../signoff/SignedBanner';
import { SignMinutes } from '../signoff/SignMinutes';
import { signedSentence } from '../signoff/format';
import type { StoreProblem } from '../../../domain/api/contract';
import { CONFERENCE_TYPE_LABELS, type ConferenceRecord } from '../../../domain/record/conference';
import { errorMessage } from '../api';
import { StoreProblems } from '../components/Banner';
import { PageHeading } from '../components/PageHeading';
import { usePageTitle } from '../components/usePageTitle';
import { GuidedEditor } from '../guided/GuidedEditor';
import { useSession } from '../session/SessionContext';
import { routeHref } from '../session/routes';
import { ReviewSummary } from '../review/ReviewSummary';
import { AuditJudgements } from '../audit/AuditJudgements';
import { KeptVersion } from '../team/KeptVersion';
import { EditLeaseBanner } from '../team/EditLeaseBanner';
import { useEditLease } from '../team/useEditLease';
import { canEdit, canSign, readOnlyReason } from '../team/roles';

type PageState =
  | { kind: 'loading' }
  | { kind: 'failed'; message: string }
  | { kind: 'loaded'; record: ConferenceRecord; problems: StoreProblem[]; signatures: Signatures };

export function ConferencePage({ id }: { id: string }) {
  const { client, member } = useSession();
  const [state, setState] = useState<PageState>({ kind: 'loading' });
  const [loads, setLoads] = useState(0);
  const [justSigned, setJustSigned] = useState<string | null>(null);
  usePageTitle('Conference');

  useEffect(() => {
    let active = true;
    Promise.all([client['conferences.get']({ id }), client['conferences.signatures']({ id })])
      .then(([result, signatures]) => active && setState({ kind: 'loaded', record: result.conference, problems: result.problems, signatures }))
      .catch((error: unknown) => active && setState({ kind: 'failed', message: errorMessage(error) }));
    return () => {
      active = false;
    };
  }, [client, id, loads]);

  // After signing or an addendum the page is read again from the store: what it shows is what was signed.
  const onSigned = useCallback((version: SignedVersionView) => {
    setJustSigned(signedSentence(version));
    setLoads((n) => n + 1);
  }, []);
  const onAdded = useCallback(() => setLoads((n) => n + 1), []);
  // lease9: only a chair is offered signing; a minute-taker is told why instead.
  const chair = canSign(member.role);
  const renderSign = useCallback(
    (flush: () => Promise<boolean>) =>
      chair ? (
        <SignMinutes id={id} flush={flush} onSigned={onSigned} />
      ) : (
        <p className="body role-note">Only the chair can sign the minutes. When they open this conference they will see it is ready.</p>
      ),
    [id, onSigned, chair],
  );
  // lease9: "being edited by …": an editable, unsigned conference is held while open; otherwise only looked at.
  const editable = canEdit(member.role);
  const signed = state.kind === 'loaded' && state.signatures.versions.length > 0;
  const others = useEditLease(client, id, state.kind !== 'loaded' ? 'off' : editable && !signed ? 'hold' : 'look');

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
        <a className="page-links__item" href={routeHref({ name: 'review', id })}>
          Accuracy review by agencies
        </a>
      </div>
      <ReviewSummary id={id} />
      {state.kind === 'loaded' ? (
        <>
          <PageHeading caption="Conference">{CONFERENCE_TYPE_LABELS[state.record.type]}</PageHeading>
          <StoreProblems problems={state.problems} />
          {/* offline9: a version kept on this computer that the team server refused on arrival */}
          <KeptVersion id={id} record={state.record} onResolved={onAdded} />
          <EditLeaseBanner others={others} editing={editable && !signed} />
          <AuditJudgements id={id} record={state.record} />
          {state.signatures.versions.length > 0 ? (
            <>
              <SignedBanner signatures={state.signatures} justSigned={justSigned} />
              {/* Keyed by revision so a fresh read replaces the form's state entirely. */}
              <GuidedEditor key={`signed-${state.record.revision}`} record={state.record} readOnly />
              {chair && <AddendumForm id={id} onAdded={onAdded} />}
            </>
          ) : editable ? (
            // Keyed by revision: after a save conflict is settled the page reads the conference again and starts from it.
            <GuidedEditor key={`edit-${state.record.revision}`} record={state.record} renderSign={renderSign} reopen={onAdded} />
          ) : (
            <GuidedEditor key={`read-${state.record.revision}`} record={state.record} readOnly readOnlyNote={readOnlyReason(member.role)} />
          )}
          <ExportBlock id={id} signed={state.signatures.versions.length > 0}>
            <DecisionLetterDue record={state.record} signed={state.signatures.versions.length > 0} />
          </ExportBlock>
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
