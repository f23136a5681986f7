import { indicatorsMet } from '../../../domain/audit/filters';
import { JUDGEMENT_RATING_LABELS, type CohortRow } from '../../../domain/audit/types';
import { COHORT_PAGE_ROWS } from '../../../domain/audit/view';
import { formatIsoDate } from '../format/dates';

/**
 * The cohort as a table, one row per child: the rows the app sent of those the filters leave
 * (count), with "Show more" for the next ones. Each child's name is a button that opens their
 * indicators and the judgement form below (aria-expanded says which is open). Pure, so the
 * benchmark renders it exactly as the screen does.
 */
export function CohortTable({
  rows,
  count,
  selected,
  onSelect,
  onShowMore,
}: {
  rows: readonly CohortRow[];
  /** Children the filters leave, of which these rows are the first. */
  count: number;
  selected: string | null;
  onSelect: (key: string | null) => void;
  onShowMore?: () => void;
}) {
  const shown = rows;
  return (
    <div className="audit-table-wrap">
      <table className="table audit-table">
        <caption className="table__caption">
          Children who left a conference without a plan ({shown.length < count ? `${shown.length} of ${count}` : count} shown)
        </caption>
        <thead>
          <tr>
            <th scope="col">Child</th>
            <th scope="col">Conference</th>
            <th scope="col">Chair</th>
            <th scope="col">Primary concern</th>
            <th scope="col">Agencies</th>
            <th scope="col">Outcome and plan</th>
            <th scope="col">Departs from majority</th>
            <th scope="col">Dissent</th>
            <th scope="col">Indicators met</th>
            <th scope="col">Came back</th>
            <th scope="col">Judgement</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((row) => {
            const key = `${row.conferenceId}:${row.childId}`;
            const differing = row.recommendations.filter((r) => r.stance === 'differs');
            const agreeing = row.recommendations.filter((r) => r.stance === 'agrees').length;
            const applicable = row.indicators.filter((i) => i.status !== 'not-applicable').length;
            const judgement = row.judgements.at(-1);
            return (
              <tr key={key}>
                <th scope="row">
                  <button type="button" className="button button--small button--secondary" aria-expanded={selected === key} onClick={() => onSelect(selected === key ? null : key)}>
                    {row.childName}
                  </button>
                  <div className="muted">{row.caseNumber || 'No case number'}</div>
                </th>
                <td className="nowrap">{formatIsoDate(row.conferenceDate)}</td>
                <td>{row.chair || 'Not recorded'}</td>
                <td>{row.primaryConcern}</td>
                <td>
                  {agreeing} agree, {differing.length} otherwise
                  {differing.length > 0 ? ` (${differing.map((d) => d.agency).join(', ')})` : ''}
                </td>
                <td>
                  {row.outcomeLabel}
                  {row.alternativePlan.lead ? `; lead ${row.alternativePlan.lead}` : ''}
                  {row.alternativePlan.reviewDate ? `; review ${formatIsoDate(row.alternativePlan.reviewDate)}` : ''}
                </td>
                <td>{row.departsFromMajority.departs ? 'Yes' : 'No'}</td>
                <td>{row.dissent.length === 0 ? 'None' : row.dissent.map((d) => d.label).join('; ')}</td>
                <td>
                  {indicatorsMet(row)} of {applicable}
                </td>
                <td>{row.cameBack.status === 'came-back' ? 'Yes' : row.cameBack.status === 'possible-match' ? 'Possible match' : 'No'}</td>
                <td>
                  {row.judgementsMissing > 0 && <strong className="error-text">Judgement missing. </strong>}
                  {judgement ? `${JUDGEMENT_RATING_LABELS[judgement.rating]}${judgement.signed ? '' : ' (not signed)'}` : 'Not judged'}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {shown.length < count && onShowMore && (
        <button type="button" className="button button--secondary" onClick={onShowMore}>
          Show {Math.min(COHORT_PAGE_ROWS, count - shown.length)} more
        </button>
      )}
    </div>
  );
}
