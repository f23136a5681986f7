import './audit.css';
import { useRef, useState } from 'react';
import { SORT_KEYS, SORT_LABELS, type SortKey } from '../../../domain/audit/filters';
import {
  cohortKey,
  INDICATOR_IDS,
  INDICATOR_LABELS,
  INDICATOR_STATUS_LABELS,
  INDICATOR_STATUSES,
  NO_FILTERS,
  type AuditFilters,
  type AuditPeriod,
  type CohortRow,
  type JudgementView,
} from '../../../domain/audit/types';
import { COHORT_PAGE_ROWS, DEFAULT_SORT, type CohortSort, type CohortView } from '../../../domain/audit/view';
import { errorMessage } from '../api';
import { PageHeading } from '../components/PageHeading';
import { usePageTitle } from '../components/usePageTitle';
import { formatIsoDate } from '../format/dates';
import { formatUkDate, parseUkDate } from '../../../domain/calendar/dates';
import { useSession } from '../session/SessionContext';
import { AuditCharts } from './AuditCharts';
import { ChildDetailLoader } from './ChildDetail';
import { CohortTable } from './CohortTable';
import { download } from '../components/files';

type Answer = CohortView & { total: number; unreadable: number; message: string | null };
type Loaded = { period: AuditPeriod; answer: Answer };
type State = { kind: 'idle' } | { kind: 'loading' } | { kind: 'failed'; message: string } | { kind: 'loaded'; data: Loaded };
type ViewOf = { filters: AuditFilters; sort: CohortSort; limit: number };

function isoDay(date: Date): string {
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
}

/** The last twelve months, to today: the period most councils audit first (as typed, dd/mm/yyyy). */
function defaultPeriod(): { from: string; to: string } {
  const today = new Date();
  const from = new Date(today.getFullYear() - 1, today.getMonth(), today.getDate() + 1);
  return { from: formatUkDate(isoDay(from)), to: formatUkDate(isoDay(today)) };
}

const CAME_BACK_CHOICES: { value: AuditFilters['cameBack']; label: string }[] = [
  { value: '', label: 'Any' },
  { value: 'came-back', label: 'Came back (case number)' },
  { value: 'possible-match', label: 'Possible match to confirm' },
  { value: 'any-match', label: 'Came back or possible match' },
  { value: 'not-back', label: 'Did not come back' },
];

/**
 * The manager's audit of the children who left an initial conference (or were new to
 * conference at a review) without a child protection plan: a period, filters, the cohort,
 * each child's indicators and the manager's judgement, charts with their tables, and exports.
 * "Show the cohort" works the period out afresh; a filter, a sort or "Show more" asks for another
 * view of that same cohort, which the app keeps whole (audit.cohort, fromLastLook), so only the
 * rows drawn and the charts' figures come to the page.
 */
export function AuditScreen() {
  usePageTitle('Audit of non-plan outcomes');
  const { client } = useSession();
  // Typed as dd/mm/yyyy (a browser's date box shows the browser's own order, often American).
  const [period, setPeriod] = useState(defaultPeriod);
  const [periodErrors, setPeriodErrors] = useState<{ field: 'audit-from' | 'audit-to'; message: string }[]>([]);
  const [state, setState] = useState<State>({ kind: 'idle' });
  const [filters, setFilters] = useState<AuditFilters>(NO_FILTERS);
  const [sort, setSort] = useState<CohortSort>(DEFAULT_SORT);
  const [limit, setLimit] = useState(COHORT_PAGE_ROWS);
  // The child whose detail is open, kept as chosen: a filter that hides their row leaves it open.
  const [selected, setSelected] = useState<{ key: string; row: CohortRow } | null>(null);
  const [viewFailed, setViewFailed] = useState<string | null>(null);
  const [exportMessage, setExportMessage] = useState<{ text: string; error: boolean } | null>(null);
  // Answers can overtake one another (two quick filter changes): only the newest question's is shown.
  const asked = useRef(0);

  async function ask(chosen: AuditPeriod, view: ViewOf, fromLastLook: boolean): Promise<Answer | null> {
    const n = ++asked.current;
    try {
      const answer = await client['audit.cohort']({ period: chosen, ...view, fromLastLook });
      return n === asked.current ? answer : null;
    } catch (error) {
      // A refusal of an overtaken question is not news: the newer one's answer is coming.
      if (n !== asked.current) return null;
      throw error;
    }
  }

  async function load(event?: { preventDefault: () => void }) {
    event?.preventDefault();
    const from = parseUkDate(period.from);
    const to = parseUkDate(period.to);
    const problems = [
      ...(from.ok ? [] : [{ field: 'audit-from' as const, message: `Start of the period: ${from.message}` }]),
      ...(to.ok ? [] : [{ field: 'audit-to' as const, message: `End of the period: ${to.message}` }]),
    ];
    setPeriodErrors(problems);
    if (!from.ok || !to.ok) {
      // One message at a time: an earlier refusal is replaced by this one; a cohort on screen stays.
      setState((current) => (current.kind === 'failed' ? { kind: 'idle' } : current));
      return;
    }
    const chosen = { from: from.date, to: to.date };
    setState({ kind: 'loading' });
    setSelected(null);
    setViewFailed(null);
    setLimit(COHORT_PAGE_ROWS);
    try {
      const answer = await ask(chosen, { filters, sort, limit: COHORT_PAGE_ROWS }, false);
      if (answer) setState({ kind: 'loaded', data: { period: chosen, answer } });
    } catch (error) {
      setState({ kind: 'failed', message: errorMessage(error) });
    }
  }

  /** Another view of the cohort on screen; if it cannot be had, the one shown stays and says so. */
  async function review(view: ViewOf) {
    if (state.kind !== 'loaded') return;
    const { period: chosen } = state.data;
    try {
      const answer = await ask(chosen, view, true);
      if (!answer) return;
      setViewFailed(null);
      setState({ kind: 'loaded', data: { period: chosen, answer } });
    } catch (error) {
      setViewFailed(`The table was not updated. ${errorMessage(error)}`);
    }
  }

  function change(next: Partial<ViewOf>) {
    const view = { filters, sort, limit: COHORT_PAGE_ROWS, ...next };
    setFilters(view.filters);
    setSort(view.sort);
    setLimit(view.limit);
    void review(view);
  }

  function onJudged(judgement: JudgementView) {
    // The app's kept cohort has it already; the table and the progress are asked for again.
    setSelected((current) =>
      current && cohortKey(current.row) === cohortKey(judgement) ? { ...current, row: { ...current.row, judgements: [...current.row.judgements, judgement] } } : current,
    );
    void review({ filters, sort, limit });
  }

  async function exportAs(format: 'csv' | 'pdf') {
    if (state.kind !== 'loaded') return;
    setExportMessage(null);
    try {
      const file = await client['audit.export']({ period: state.data.period, filters, format });
      download(file.fileName, file.mimeType, file.base64);
      setExportMessage({ text: `Downloaded “${file.fileName}”.`, error: false });
    } catch (error) {
      setExportMessage({ text: `The file was not made. ${errorMessage(error)}`, error: true });
    }
  }

  const set = <K extends keyof AuditFilters>(key: K, value: AuditFilters[K]) => change({ filters: { ...filters, [key]: value } });
  const answer = state.kind === 'loaded' ? state.data.answer : null;
  const choices = answer?.choices ?? { chairs: [], outcomes: [], concerns: [], primaryConcerns: [] };

  return (
    <>
      <PageHeading caption="Quality assurance">Audit of non-plan outcomes</PageHeading>
      <p className="body lead">
        Every child considered for a plan for the first time — at an initial or pre-birth conference, or new to conference at a review — who did not become subject to a
        child protection plan. Each indicator is worked out from the record and says why.
      </p>

      <form className="audit-period" onSubmit={(event) => void load(event)} aria-label="Period">
        <div className="form-group">
          <label className="label" htmlFor="audit-from">
            Conferences from
          </label>
          <p className="hint" id="audit-from-hint">
            For example 01/04/2025
          </p>
          <input
            className="input input--medium"
            type="text"
            inputMode="numeric"
            id="audit-from"
            aria-describedby="audit-from-hint"
            aria-invalid={periodErrors.some((e) => e.field === 'audit-from') || undefined}
            value={period.from}
            onChange={(e) => setPeriod({ ...period, from: e.target.value })}
          />
        </div>
        <div className="form-group">
          <label className="label" htmlFor="audit-to">
            to
          </label>
          <p className="hint" id="audit-to-hint">
            For example 31/03/2026
          </p>
          <input
            className="input input--medium"
            type="text"
            inputMode="numeric"
            id="audit-to"
            aria-describedby="audit-to-hint"
            aria-invalid={periodErrors.some((e) => e.field === 'audit-to') || undefined}
            value={period.to}
            onChange={(e) => setPeriod({ ...period, to: e.target.value })}
          />
        </div>
        <button type="submit" className="button">
          Show the cohort
        </button>
      </form>

      <div role="status" aria-live="polite">
        {state.kind === 'loading' && <p className="body">Working out the cohort…</p>}
        {state.kind === 'loaded' && (
          <p className="body">
            {state.data.answer.total === 1 ? '1 child' : `${state.data.answer.total} children`} from {formatIsoDate(state.data.period.from)} to {formatIsoDate(state.data.period.to)};{' '}
            {state.data.answer.shown} shown. Judged so far: {state.data.answer.progress.judged} of {state.data.answer.progress.total}.
          </p>
        )}
      </div>
      {periodErrors.length > 0 && (
        <div className="error-summary" role="alert" aria-labelledby="audit-period-error-title">
          <h2 className="error-summary__title" id="audit-period-error-title">
            Check the period
          </h2>
          <ul className="error-summary__list">
            {periodErrors.map((e) => (
              <li key={e.field}>
                <a href={`#${e.field}`}>{e.message}</a>
              </li>
            ))}
          </ul>
        </div>
      )}
      {state.kind === 'failed' && (
        <div className="error-summary" role="alert" aria-labelledby="audit-error-title">
          <h2 className="error-summary__title" id="audit-error-title">
            The cohort could not be shown
          </h2>
          <p className="body">{state.message}</p>
        </div>
      )}
      {state.kind === 'loaded' && state.data.answer.unreadable > 0 && (
        <div className="warning-panel" role="region" aria-labelledby="audit-unreadable">
          <h2 className="heading-s" id="audit-unreadable">
            Some conferences could not be read
          </h2>
          <p className="body">
            {state.data.answer.unreadable === 1 ? '1 conference' : `${state.data.answer.unreadable} conferences`} in this period could not be read and are left out. The conference list names them.
          </p>
        </div>
      )}
      {state.kind === 'loaded' && state.data.answer.message && (
        <div className="empty-state">
          <h2 className="heading-m">Nothing to audit in this period</h2>
          <p className="body">{state.data.answer.message}</p>
        </div>
      )}

      {answer !== null && answer.total > 0 && (
        <>
          <section aria-labelledby="audit-filters-title">
            <h2 className="heading-m" id="audit-filters-title">
              Filter and sort
            </h2>
            <div className="audit-filters">
              <Select id="f-chair" label="Chair" value={filters.chair} onChange={(v) => set('chair', v)} options={[{ value: '', label: 'Any' }, ...choices.chairs.map((c) => ({ value: c, label: c }))]} />
              <Select id="f-outcome" label="Outcome" value={filters.outcome} onChange={(v) => set('outcome', v)} options={[{ value: '', label: 'Any' }, ...choices.outcomes]} />
              <Select
                id="f-primary-concern"
                label="Primary concern"
                value={filters.primaryConcern}
                onChange={(v) => set('primaryConcern', v)}
                options={[{ value: '', label: 'Any' }, ...choices.primaryConcerns.map((c) => ({ value: c, label: c }))]}
              />
              <Select id="f-concern" label="Where the harm comes from" value={filters.concern} onChange={(v) => set('concern', v)} options={[{ value: '', label: 'Any' }, ...choices.concerns.map((c) => ({ value: c, label: c }))]} />
              <Select
                id="f-indicator"
                label="Indicator"
                value={filters.indicator}
                onChange={(v) => set('indicator', v as AuditFilters['indicator'])}
                options={[{ value: '', label: 'Any' }, ...INDICATOR_IDS.map((i) => ({ value: i, label: INDICATOR_LABELS[i] }))]}
              />
              <Select
                id="f-indicator-status"
                label="Indicator is"
                value={filters.indicatorStatus}
                onChange={(v) => set('indicatorStatus', v as AuditFilters['indicatorStatus'])}
                options={[{ value: '', label: 'Any result' }, ...INDICATOR_STATUSES.map((s) => ({ value: s, label: INDICATOR_STATUS_LABELS[s] }))]}
              />
              <Select id="f-came-back" label="Came back within 12 months" value={filters.cameBack} onChange={(v) => set('cameBack', v as AuditFilters['cameBack'])} options={CAME_BACK_CHOICES} />
              <Select
                id="f-judged"
                label="Judgement"
                value={filters.judged}
                onChange={(v) => set('judged', v as AuditFilters['judged'])}
                options={[
                  { value: '', label: 'Any' },
                  { value: 'judged', label: 'Judged' },
                  { value: 'not-judged', label: 'Not judged yet' },
                ]}
              />
              <div className="checkbox">
                <input className="checkbox__input" type="checkbox" id="f-departs" checked={filters.departsFromMajority} onChange={(e) => set('departsFromMajority', e.target.checked)} />
                <label className="checkbox__label" htmlFor="f-departs">
                  Departs from the majority of agencies
                </label>
              </div>
              <Select id="f-sort" label="Sort by" value={sort.key} onChange={(v) => change({ sort: { ...sort, key: v as SortKey } })} options={SORT_KEYS.map((k) => ({ value: k, label: SORT_LABELS[k] }))} />
              <Select
                id="f-direction"
                label="Order"
                value={sort.direction}
                onChange={(v) => change({ sort: { ...sort, direction: v as 'ascending' | 'descending' } })}
                options={[
                  { value: 'ascending', label: 'Ascending' },
                  { value: 'descending', label: 'Descending' },
                ]}
              />
            </div>
            <button type="button" className="button button--secondary" onClick={() => change({ filters: NO_FILTERS })}>
              Clear filters
            </button>
          </section>

          <div className="audit-actions">
            <button type="button" className="button button--secondary" onClick={() => void exportAs('csv')}>
              Download the cohort as CSV
            </button>
            <button type="button" className="button button--secondary" onClick={() => void exportAs('pdf')}>
              Download the audit summary (PDF)
            </button>
          </div>
          <div role="status" aria-live="polite">
            {exportMessage && <p className={exportMessage.error ? 'body error-text' : 'body'}>{exportMessage.text}</p>}
          </div>

          <div role="alert">{viewFailed && <p className="body error-text">{viewFailed}</p>}</div>
          {answer.shown === 0 ? (
            <p className="body">No child in this period matches these filters. Clear or change a filter to see more.</p>
          ) : (
            <CohortTable
              rows={answer.rows}
              count={answer.shown}
              selected={selected?.key ?? null}
              onSelect={(key) => setSelected(key === null ? null : (answer.rows.flatMap((row) => (cohortKey(row) === key ? [{ key, row }] : []))[0] ?? null))}
              onShowMore={() => change({ limit: limit + COHORT_PAGE_ROWS })}
            />
          )}
          {selected && state.kind === 'loaded' && (
            <ChildDetailLoader key={selected.key} period={state.data.period} chosen={selected.row} onJudged={onJudged} onClose={() => setSelected(null)} />
          )}
          <AuditCharts figures={answer.figures} />
        </>
      )}
    </>
  );
}

function Select({ id, label, value, onChange, options }: { id: string; label: string; value: string; onChange: (value: string) => void; options: readonly { value: string; label: string }[] }) {
  return (
    <div className="form-group">
      <label className="label" htmlFor={id}>
        {label}
      </label>
      <select className="select" id={id} value={value} onChange={(event) => onChange(event.target.value)}>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}
