import type { AgencyView, ChildCollation } from '../../../../domain/collation/collate';
import { AGENCY_ATTENDANCE } from '../../../../templates/sections/agencies';
import { Heading } from '../Heading';
import { joinPhrases } from '../fields/ListField';
import { ScoreChart } from './ScoreChart';

function attendanceLabel(value: string): string {
  return AGENCY_ATTENDANCE.find((a) => a.value === value)?.label ?? 'Not recorded';
}

const SHORT = 280;

/** Long contributions are cut short beside the decision; the full text is one click away. */
function LongText({ text, compact }: { text: string; compact: boolean }) {
  if (!text.trim()) return <span className="g-muted">Not recorded</span>;
  if (!compact || text.length <= SHORT) return <span className="g-prewrap">{text}</span>;
  return (
    <details className="g-more">
      <summary>
        <span className="g-prewrap">{text.slice(0, SHORT - 1)}…</span> <span className="g-more__label">Read all</span>
      </summary>
      <span className="g-prewrap">{text}</span>
    </details>
  );
}

function ScoreCell({ view, hidden }: { view: AgencyView; hidden: boolean }) {
  if (hidden) return <span className="g-muted">Hidden until all have scored</span>;
  if (view.score === null) return <span className="g-muted">No score</span>;
  return <strong>{view.score}</strong>;
}

interface Props {
  collation: ChildCollation;
  headingLevel: number;
  /** Beside the decision: shorter texts and a narrower chart. */
  compact: boolean;
  chartWidth: number;
}

/**
 * Every agency's view of one child side by side, the spread of those views, a chart of the
 * scores and where the decision departs from them: the collation the inspection found missing.
 */
export function CollationView({ collation, headingLevel, compact, chartWidth }: Props) {
  const c = collation;
  const headingId = `collation--${c.childId}${compact ? '--compact' : ''}`;
  return (
    <section className="g-collation" aria-labelledby={headingId}>
      <Heading level={headingLevel} id={headingId} className="g-collation__title">
        What the agencies said about <bdi>{c.childName}</bdi>
      </Heading>
      {c.views.length === 0 ? (
        <p className="g-empty">No agency contributions recorded yet.</p>
      ) : (
        <>
          <div className="g-collation__summary">
            <Spread collation={c} />
            {!c.scoresHidden && <ScoreChart collation={c} width={chartWidth} />}
          </div>
          <AgencyTable collation={c} compact={compact} />
          <Departures collation={c} />
        </>
      )}
    </section>
  );
}

function Spread({ collation: c }: { collation: ChildCollation }) {
  return (
    <dl className="g-spread">
      <div>
        <dt>Decision</dt>
        <dd>{c.outcomeLabel || 'Not decided yet'}</dd>
      </div>
      <div>
        <dt>Recommendations</dt>
        <dd>
          <ul className="g-plain-list">
            {c.recommendations.map((r) => (
              <li key={r.recommendation}>
                {r.label}: <strong>{r.count}</strong> {r.count === 1 ? 'agency' : 'agencies'}
              </li>
            ))}
          </ul>
        </dd>
      </div>
      <div>
        <dt>Safety scale scores</dt>
        <dd>
          {c.scoresHidden ? (
            <>
              Hidden until every agency present has scored (blind scaling). Waiting for: <bdi>{joinPhrases(c.awaitingScores)}</bdi>.
            </>
          ) : c.scores.count === 0 ? (
            'No scores given yet'
          ) : (
            <>
              Lowest <strong>{c.scores.min}</strong>, median <strong>{c.scores.median}</strong>, highest <strong>{c.scores.max}</strong> ({c.scores.count}{' '}
              {c.scores.count === 1 ? 'agency' : 'agencies'} scored)
            </>
          )}
        </dd>
      </div>
      <div>
        <dt>Chair’s score</dt>
        <dd>{c.chairScore ?? 'Not given yet'}</dd>
      </div>
      {c.scaleDefinition && (
        <div className="g-spread__wide">
          <dt>Scale</dt>
          <dd dir="auto">{c.scaleDefinition}</dd>
        </div>
      )}
    </dl>
  );
}

function AgencyTable({ collation: c, compact }: { collation: ChildCollation; compact: boolean }) {
  return (
    <div className="g-table-wrap">
      <table className="g-table">
        <caption className="g-table__caption">
          Each agency’s recommendation, score, worries and strengths for <bdi>{c.childName}</bdi>
          {c.departures.length > 0 && ' (rows marked “Differs” depart from the decision)'}
        </caption>
        <thead>
          <tr>
            <th scope="col">Agency</th>
            <th scope="col">Recommendation</th>
            <th scope="col">Score</th>
            <th scope="col">Main worries</th>
            <th scope="col">Strengths</th>
          </tr>
        </thead>
        <tbody>
          {c.views.map((view) => (
            <tr key={view.agencyId} className={view.departs ? 'g-row--departs' : undefined}>
              <th scope="row" dir="auto">
                <bdi>{view.agency}</bdi>
                <span className="g-cell-note" dir="auto">
                  {view.representative}
                </span>
                <span className="g-cell-note">{attendanceLabel(view.attendance)}</span>
              </th>
              <td dir="auto">
                {view.recommendationLabel}
                {view.departs && <span className="g-tag g-tag--departs">Differs from the decision</span>}
                {view.reasons && (
                  <span className="g-cell-note">
                    <LongText text={view.reasons} compact={compact} />
                  </span>
                )}
              </td>
              <td>
                <ScoreCell view={view} hidden={c.scoresHidden} />
              </td>
              <td dir="auto">
                <LongText text={view.worries} compact={compact} />
              </td>
              <td dir="auto">
                <LongText text={view.strengths} compact={compact} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Departures({ collation: c }: { collation: ChildCollation }) {
  if (!c.outcome) return null;
  if (c.departures.length === 0) {
    return <p className="g-note">No agency’s recommendation differs from the decision.</p>;
  }
  return (
    <div className="g-departures">
      <p className="g-departures__title">
        The decision departs from {c.departures.length === 1 ? 'one agency’s recommendation' : `${c.departures.length} agencies’ recommendations`}:
      </p>
      <ul>
        {c.departures.map((view) => (
          <li key={view.agencyId}>
            <bdi>{view.agency}</bdi> recommended “{view.recommendationLabel}”.{' '}
            {view.dissent ? (
              'Their dissent is recorded.'
            ) : view.weighing ? (
              <>
                Weighed: <q dir="auto">{view.weighing}</q>
              </>
            ) : (
              'Not yet weighed.'
            )}
          </li>
        ))}
      </ul>
      {/* Asked for only while a view is neither weighed nor answered by a dissent: once all are, the request is stale. */}
      {c.departures.some((view) => !view.dissent && !view.weighing) && (
        <p className="g-hint">Record how each of these views was weighed (under “How each differing view was weighed”), or record the agency’s dissent.</p>
      )}
    </div>
  );
}
