import type { CohortView } from '../../domain/audit/view';

/** An audit.cohort answer as the screen gets it. */
export type CohortAnswer = CohortView & { total: number; unreadable: number; message: string | null };

/**
 * What the audit screen draws of an answer — the table's rows and the charts with their tables —
 * rendered to HTML by React as the packaged app runs it (production build). Loaded only when
 * called, so the setting holds; tsx compiles the renderer's JSX in the classic form, which
 * looks React up globally.
 */
export async function auditScreenRenderer(): Promise<(answer: CohortAnswer) => number> {
  process.env['NODE_ENV'] = 'production';
  const React = await import('react');
  const { renderToString } = await import('react-dom/server');
  // Paths in variables: the Node type-check (no JSX there) does not follow them; tsx does at run time.
  const tablePath = '../../renderer/src/audit/CohortTable';
  const chartsPath = '../../renderer/src/audit/AuditCharts';
  type TableProps = { rows: CohortView['rows']; count: number; selected: string | null; onSelect: (key: string | null) => void; onShowMore: () => void };
  const { CohortTable } = (await import(tablePath)) as { CohortTable: React.FC<TableProps> };
  const { AuditCharts } = (await import(chartsPath)) as { AuditCharts: React.FC<{ figures: CohortView['figures'] }> };
  Object.assign(globalThis, { React });
  return (answer) =>
    renderToString(
      React.createElement(
        React.Fragment,
        null,
        React.createElement(CohortTable, { rows: answer.rows, count: answer.shown, selected: null, onSelect: () => undefined, onShowMore: () => undefined }),
        React.createElement(AuditCharts, { figures: answer.figures }),
      ),
    ).length;
}
