import { cohortCsv } from '../../../domain/audit/csv';
import { describeFilters } from '../../../domain/audit/filters';
import type { AuditFilters, AuditPeriod, AuditRow } from '../../../domain/audit/types';
import { auditSummary } from '../../../templates/layouts/audit-summary';
import { renderPdf } from '../export/pdf';

/** The cohort out of the app: the CSV for a spreadsheet, and the PDF summary for a report. */

export interface AuditFile {
  fileName: string;
  mimeType: string;
  base64: string;
}

export async function exportAudit(
  rows: readonly AuditRow[],
  period: AuditPeriod,
  filters: AuditFilters,
  format: 'csv' | 'pdf',
  madeBy: string,
  now: Date,
): Promise<AuditFile> {
  // No names in the file name: it shows in download lists and recent-files menus.
  const stem = `audit-non-plan-${period.from}-to-${period.to}`;
  if (format === 'csv') {
    return { fileName: `${stem}.csv`, mimeType: 'text/csv; charset=utf-8', base64: Buffer.from(cohortCsv(rows), 'utf8').toString('base64') };
  }
  const model = auditSummary({ rows, period, filtersApplied: describeFilters(filters), madeAt: now.toISOString(), madeBy });
  return { fileName: `${stem}.pdf`, mimeType: 'application/pdf', base64: (await renderPdf(model)).toString('base64') };
}
