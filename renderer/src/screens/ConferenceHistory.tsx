import { useEffect, useState } from 'react';
import type { HistoryEntry, StoreProblem } from '../../../domain/api/contract';
import { CONFERENCE_TYPE_LABELS, type ConferenceRecord } from '../../../domain/record/conference';
import { templateFor } from '../../../templates/conference-templates';
import { errorMessage } from '../api';
import { StoreProblems } from '../components/Banner';
import { PageHeading } from '../components/PageHeading';
import { usePageTitle } from '../components/usePageTitle';
import { formatDateTime } from '../format/dates';
import { useSession } from '../session/SessionContext';
import { routeHref } from '../session/routes';

type HistoryState =
  | { kind: 'loading' }
  | { kind: 'failed'; message: string }
  | {
      kind: 'loaded';
      entries: HistoryEntry[];
      intact: boolean;
      /** Null when the conference itself could not be opened: its history is still worth showing. */
      record: ConferenceRecord | null;
      problems: StoreProblem[];
      openError: string | null;
    };

const ACTIONS: Record<HistoryEntry['action'], string> = {
  created: 'Created',
  saved: 'Saved',
  migrated: 'Updated to a new version of the app',
  signed: 'Signed by the chair',
  addendum: 'Addendum signed',
  // accuracy review
  'draft-approved': 'Draft approved and signed by the chair',
  circulated: 'Draft sent for accuracy review',
  'review-imported': 'Returned copy imported',
  'review-accepted': 'Correction accepted',
  'review-declined': 'Correction declined',
  'no-comments': 'Agency had no comments',
  judgement: 'Audit judgement recorded by a manager',
};

/**
 * Enough of a hash for someone checking the record to compare it with a copy or a report by eye;
 * the full values mean nothing to a reader and only crowd the page.
 */
const FINGERPRINT_LENGTH = 12;

/**
 * Section ids in the template's order (the order of the form), named by their titles. Every
 * conference type shares the same sections, so the titles are right even when the record could
 * not be opened to learn its type; an id the template does not know is shown as it is.
 */
function sectionNames(ids: readonly string[], record: ConferenceRecord | null): string[] {
  const sections = templateFor(record?.type ?? 'initial').sections;
  const position = (id: string) => {
    const index = sections.findIndex((section) => section.id === id);
    return index < 0 ? sections.length : index;
  };
  return [...ids]
    .sort((a, b) => position(a) - position(b) || a.localeCompare(b))
    .map((id) => sections.find((section) => section.id === id)?.title ?? id);
}

function Fingerprint({ entries }: { entries: HistoryEntry[] }) {
  const latest = entries.at(-1);
  if (!latest) return null;
  return (
    <p className="body fingerprint">
      Fingerprint of the latest entry:{' '}
      <code className="fingerprint__value">{latest.hash.slice(0, FINGERPRINT_LENGTH)}</code>
    </p>
  );
}

function Integrity({ state }: { state: Extract<HistoryState, { kind: 'loaded' }> }) {
  if (state.intact) {
    return (
      <div className="integrity integrity--ok">
        <p className="body integrity__statement">The change history is complete and matches the saved record.</p>
        <Fingerprint entries={state.entries} />
      </div>
    );
  }
  return (
    <div className="warning-panel" role="region" aria-labelledby="history-warning-title">
      <h2 className="heading-m" id="history-warning-title">
        The change history does not match the saved record
      </h2>
      <p className="body">
        Part of the history may be missing, or the history or the conference may have been altered outside the app. The
        entries below are shown as they were read, so they cannot be relied on as a full account of the changes.
      </p>
      <p className="body">
        <strong>Report this to your information governance lead.</strong> Do not try to repair or replace the files yourself.
      </p>
      {state.openError && <p className="body">The conference itself could not be opened. {state.openError}</p>}
      <Fingerprint entries={state.entries} />
    </div>
  );
}

function HistoryTable({ entries, record }: { entries: HistoryEntry[]; record: ConferenceRecord | null }) {
  // The store returns the oldest first; a reader checking a record wants the latest first.
  const newestFirst = [...entries].sort((a, b) => b.seq - a.seq);
  return (
    <table className="table history-table">
      <caption className="table__caption">
        {entries.length === 1 ? '1 entry' : `${entries.length} entries`}, newest first
      </caption>
      <thead>
        <tr>
          <th scope="col">Date and time</th>
          <th scope="col">Who</th>
          <th scope="col">What happened</th>
          <th scope="col">Sections changed</th>
          <th scope="col">Revision</th>
        </tr>
      </thead>
      <tbody>
        {newestFirst.map((entry) => {
          const names = sectionNames(entry.sections, record);
          return (
            <tr key={entry.seq}>
              <td className="nowrap">
                <time dateTime={entry.at}>{formatDateTime(entry.at)}</time>
              </td>
              <td dir="auto">{entry.actor}</td>
              <td>
                {ACTIONS[entry.action]}
                {entry.detail ? <div dir="auto">{entry.detail}</div> : null}
              </td>
              <td>
                {names.length === 0 ? (
                  <span className="muted">None</span>
                ) : (
                  <ul className="plain-list">
                    {names.map((name) => (
                      <li key={name}>{name}</li>
                    ))}
                  </ul>
                )}
              </td>
              <td>{entry.revision}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

export function ConferenceHistory({ id }: { id: string }) {
  const { client } = useSession();
  const [state, setState] = useState<HistoryState>({ kind: 'loading' });
  usePageTitle('Change history');

  useEffect(() => {
    let active = true;
    // Both at once: the history of a conference that cannot be opened is still shown, with a warning.
    void Promise.allSettled([client['conferences.history']({ id }), client['conferences.get']({ id })])
      .then(([history, conference]) => {
        if (!active) return;
        if (history.status === 'rejected') {
          setState({ kind: 'failed', message: errorMessage(history.reason) });
          return;
        }
        const opened = conference.status === 'fulfilled' ? conference.value : null;
        setState({
          kind: 'loaded',
          entries: history.value.entries,
          intact: history.value.intact,
          record: opened?.conference ?? null,
          problems: opened?.problems ?? [],
          openError: conference.status === 'rejected' ? errorMessage(conference.reason) : null,
        });
      });
    return () => {
      active = false;
    };
  }, [client, id]);

  const record = state.kind === 'loaded' ? state.record : null;
  return (
    <>
      <a className="back-link" href={routeHref({ name: 'conference', id })}>
        Back to the conference
      </a>
      <PageHeading caption={record ? CONFERENCE_TYPE_LABELS[record.type] : 'Conference'}>Change history</PageHeading>
      {state.kind === 'loading' && (
        <p className="body" role="status">
          Reading the change history…
        </p>
      )}
      {state.kind === 'failed' && (
        <p className="body error-text" role="alert">
          The change history could not be read. {state.message}
        </p>
      )}
      {state.kind === 'loaded' && (
        <>
          <p className="body history-intro">
            Every time this conference is created, saved or updated, the app adds an entry here. It records which sections
            changed, not what was written in them.
          </p>
          <Integrity state={state} />
          <StoreProblems problems={state.problems} />
          {state.entries.length === 0 ? (
            <p className="body">No changes have been recorded for this conference.</p>
          ) : (
            <HistoryTable entries={state.entries} record={state.record} />
          )}
        </>
      )}
    </>
  );
}
