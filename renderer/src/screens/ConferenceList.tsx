import '../review/review.css';
import { useEffect, useState } from 'react';
import { unreadableNotice } from '../../../domain/api/conference-list';
import type { StoreProblem } from '../../../domain/api/contract';
import { outcomeLabel } from '../../../domain/decision/outcomes';
import { countOf } from '../../../domain/template/plural';
import { todayInUk } from '../../../domain/alerts/practice-alerts';
import { overdueLines } from '../../../domain/review/list-overdue';
import { CONFERENCE_TYPE_LABELS } from '../../../domain/record/conference';
import type { ConferenceSummary } from '../../../domain/record/summary';
import { errorMessage } from '../api';
import { StoreProblems } from '../components/Banner';
import { PageHeading } from '../components/PageHeading';
import { usePageTitle } from '../components/usePageTitle';
import { formatDateTime, formatIsoDate } from '../format/dates';
import { useSession } from '../session/SessionContext';
import { canEdit } from '../team/roles';
import { routeHref } from '../session/routes';

type ListState =
  | { kind: 'loading' }
  | { kind: 'failed'; message: string }
  | {
      kind: 'loaded';
      conferences: ConferenceSummary[];
      problems: StoreProblem[];
      unreadable: number;
      /** Where the next page starts; null when every conference is shown. */
      next: string | null;
      more: 'idle' | 'loading' | { failed: string };
    };

/**
 * A page of the list at a time, most recently saved first (domain/record/list-page.ts): a
 * council's team store can hold 200,000 conferences, and the first screen must not wait for
 * every one of them to be opened.
 */
const PAGE = 200;

/** Most recent conference first; undated ones (not yet set) after the dated. */
function byDateDescending(a: ConferenceSummary, b: ConferenceSummary): number {
  const dateA = a.conferenceDate ?? '';
  const dateB = b.conferenceDate ?? '';
  if (dateA !== dateB) return dateA < dateB ? 1 : -1;
  return a.updatedAt < b.updatedAt ? 1 : -1;
}

/** The outcome in the words the decision section uses; an id this version does not know is said so, not shown raw. */
function outcomeText(outcome: string | null): string {
  if (outcome === null) return 'No decision yet';
  return outcomeLabel(outcome) || 'Outcome not recognised';
}

function ChildOutcomes({ children }: { children: ConferenceSummary['children'] }) {
  if (children.length === 0) return <span className="muted">No children recorded</span>;
  return (
    <ul className="plain-list child-outcomes">
      {children.map((child) => (
        <li key={child.id}>
          <bdi className="child-outcomes__name" dir="auto">{child.name || <span className="muted">Name not recorded</span>}</bdi>
          <span className={child.outcome === null ? 'child-outcomes__outcome muted' : 'child-outcomes__outcome'}>{outcomeText(child.outcome)}</span>
        </li>
      ))}
    </ul>
  );
}

/** From the domain's readiness rules, counted when the conference was last saved. */
function Readiness({ readiness, signed }: { readiness: ConferenceSummary['readiness']; signed: ConferenceSummary['signed'] }) {
  // A signed conference is finished: its latest signed version is what every export carries.
  if (signed) return <strong className="tag tag--signed">{`Signed, version ${signed.version}`}</strong>;
  if (readiness === undefined) return <span className="muted">Open to check</span>;
  if (readiness.toFinish === 0) return <strong className="tag tag--ready">Ready to sign</strong>;
  return <span className="tag tag--to-finish">{countOf(readiness.toFinish, 'thing')} to finish</span>;
}

/** The accuracy review's overdue lines (agencies' comments, the draft minutes), compared with today on each showing. */
function Overdue({ conference }: { conference: ConferenceSummary }) {
  const { settings } = useSession();
  const lines = overdueLines(conference, settings.local, todayInUk());
  if (lines.length === 0) return null;
  return (
    <ul className="plain-list list-overdue" data-testid="list-overdue">
      {lines.map((line) => (
        <li key={line}>
          <strong className="tag tag--overdue">{line}</strong>
        </li>
      ))}
    </ul>
  );
}

function ConferenceTable({ conferences, more }: { conferences: ConferenceSummary[]; more: boolean }) {
  const shown = conferences.length === 1 ? '1 conference' : `${conferences.length.toLocaleString('en-GB')} conferences`;
  return (
    <table className="table">
      <caption className="table__caption">
        {more ? `${shown}: the most recently saved. More are listed below the table.` : shown}
      </caption>
      <thead>
        <tr>
          <th scope="col">Conference date</th>
          <th scope="col">Type</th>
          <th scope="col">Children and outcomes</th>
          <th scope="col">Readiness</th>
          <th scope="col">Last saved</th>
          <th scope="col">
            <span className="visually-hidden">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {conferences.map((conference) => {
          const date = formatIsoDate(conference.conferenceDate);
          const names = conference.children.map((child) => child.name).filter(Boolean).join(', ');
          return (
            <tr key={conference.id}>
              <td className="nowrap">{date || <span className="muted">Not set</span>}</td>
              <td>{CONFERENCE_TYPE_LABELS[conference.type]}</td>
              <td>
                <ChildOutcomes children={conference.children} />
              </td>
              <td>
                <Readiness readiness={conference.readiness} signed={conference.signed} />
                <Overdue conference={conference} />
              </td>
              <td className="nowrap">{formatDateTime(conference.updatedAt)}</td>
              <td>
                <a href={routeHref({ name: 'conference', id: conference.id })}>
                  Open<span className="visually-hidden" dir="auto">{` the conference ${date ? `of ${date} ` : ''}for ${names || 'unnamed children'}`}</span>
                </a>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

export function ConferenceList() {
  const { client, unlockProblems, member } = useSession();
  const [state, setState] = useState<ListState>({ kind: 'loading' });
  usePageTitle('Conferences');

  useEffect(() => {
    let active = true;
    client['conferences.list']({ limit: PAGE })
      .then((result) => {
        if (active) setState({
            kind: 'loaded',
            conferences: [...result.conferences].sort(byDateDescending),
            problems: result.problems,
            unreadable: result.unreadable ?? 0,
            next: result.next ?? null,
            more: 'idle',
          });
      })
      .catch((error: unknown) => {
        if (active) setState({ kind: 'failed', message: errorMessage(error) });
      });
    return () => {
      active = false;
    };
  }, [client]);

  const showMore = () => {
    if (state.kind !== 'loaded' || state.next === null || state.more === 'loading') return;
    const after = state.next;
    setState({ ...state, more: 'loading' });
    client['conferences.list']({ limit: PAGE, after })
      .then((result) => {
        setState((before) => {
          if (before.kind !== 'loaded') return before;
          // A conference saved meanwhile moves to the top of the server's order and may come twice: once is enough.
          const seen = new Set(before.conferences.map((c) => c.id));
          return {
            ...before,
            conferences: [...before.conferences, ...result.conferences.filter((c) => !seen.has(c.id))].sort(byDateDescending),
            problems: [...before.problems, ...result.problems],
            unreadable: before.unreadable + (result.unreadable ?? 0),
            next: result.next ?? null,
            more: 'idle',
          };
        });
      })
      .catch((error: unknown) => {
        setState((before) => (before.kind === 'loaded' ? { ...before, more: { failed: errorMessage(error) } } : before));
      });
  };

  const problems = [...unlockProblems, ...(state.kind === 'loaded' ? state.problems : [])];
  const unique = problems.filter(
    (problem, index) => problems.findIndex((p) => p.message === problem.message && p.conferenceId === problem.conferenceId) === index,
  );

  return (
    <>
      <PageHeading>Conferences</PageHeading>
      <StoreProblems problems={unique} />
      {state.kind === 'loaded' && state.unreadable > 0 && (
        <div className="warning-panel" role="region" aria-labelledby="unreadable-entries-title">
          <h2 className="heading-s" id="unreadable-entries-title">
            Some conferences are not listed
          </h2>
          <p className="body">{unreadableNotice(state.unreadable)}</p>
        </div>
      )}
      {/* lease9: managers read and audit; only those who write conferences are offered a new one. */}
      {canEdit(member.role) && (
        <>
          <a className="button" href={routeHref({ name: 'new' })}>
            Create a conference
          </a>{' '}
        </>
      )}
      <a className="button button--secondary" href={routeHref({ name: 'audit' })}>
        Audit non-plan outcomes
      </a>
      {state.kind === 'loading' && (
        <p className="body" role="status">
          Loading conferences…
        </p>
      )}
      {state.kind === 'failed' && (
        <p className="body error-text" role="alert">
          The conferences could not be listed. {state.message}
        </p>
      )}
      {state.kind === 'loaded' && state.conferences.length === 0 && (
        <div className="empty-state">
          <h2 className="heading-m">No conferences yet</h2>
          {canEdit(member.role) ? (
            <p className="body">
              Conferences you record {member.store.kind === 'team' ? 'on the team store' : 'on this computer'} will be listed here. Create one to start: you can fill it in before,
              during and after the meeting, and it saves as you type.
            </p>
          ) : (
            <p className="body">Conferences the team’s chairs record will be listed here for you to read and audit.</p>
          )}
        </div>
      )}
      {state.kind === 'loaded' && state.conferences.length > 0 && <ConferenceTable conferences={state.conferences} more={state.next !== null} />}
      {state.kind === 'loaded' && state.next !== null && (
        <p className="body">
          <button type="button" className="button button--secondary" onClick={showMore} disabled={state.more === 'loading'}>
            {state.more === 'loading' ? 'Loading more conferences…' : `Show ${PAGE} more conferences`}
          </button>
        </p>
      )}
      {state.kind === 'loaded' && typeof state.more === 'object' && (
        <p className="body error-text" role="alert">
          More conferences could not be listed. {state.more.failed} Try “Show more” again.
        </p>
      )}
    </>
  );
}
