import { formatUkDate, isValidIsoDate } from '../calendar/dates';
import { CONFERENCE_TYPE_LABELS } from '../record/conference';
import {
  INDICATOR_IDS,
  INDICATOR_LABELS,
  INDICATOR_STATUS_LABELS,
  JUDGEMENT_RATING_LABELS,
  type AuditRow,
} from './types';

/**
 * The cohort as a CSV that opens cleanly in Excel: UTF-8 with a byte-order mark (without it
 * Excel reads "Daniel’s" as "Danielâ€™s"), CRLF line ends, every field quoted with quotes
 * doubled (RFC 4180). A field a spreadsheet would run as a formula — one starting with
 * = + - @, a tab or a carriage return (OWASP's CSV injection list) — is prefixed with an
 * apostrophe, so "=HYPERLINK(…)" typed into a record is shown as text, never run.
 */

export const BOM = '\uFEFF';
const FORMULA_START = /^[=+\-@\t\r]/;

export function neutralise(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

export function csvField(value: string): string {
  return `"${neutralise(value).replace(/"/g, '""')}"`;
}

export function csvLine(values: readonly string[]): string {
  return values.map(csvField).join(',');
}

const date = (value: string) => (isValidIsoDate(value) ? formatUkDate(value) : value);

export const CSV_HEADINGS = [
  'Case number',
  'Child',
  'Conference date',
  'Conference type',
  'Template version',
  'Chair',
  'Primary concern',
  'Where the harm comes from',
  'Categories',
  'Agencies agreeing',
  'Agencies recommending otherwise',
  'Agencies giving no view',
  'Recommendations',
  'Outcome',
  'Alternative plan',
  'Plan lead',
  'Plan review date',
  'Departs from majority',
  'Dissent',
  ...INDICATOR_IDS.flatMap((id) => [INDICATOR_LABELS[id], `${INDICATOR_LABELS[id]}: why`]),
  'Came back within 12 months',
  'Came back: detail',
  'Judgement',
  'Judgement comment',
  'Action for the chair',
  'Judged by',
  'Judgement signed',
  'Judgements missing from the stored copy',
];

export function csvRow(row: AuditRow): string[] {
  const count = (stance: string) => String(row.recommendations.filter((r) => r.stance === stance).length);
  const judgement = row.judgements.at(-1);
  return [
    row.caseNumber,
    row.childName,
    date(row.conferenceDate),
    CONFERENCE_TYPE_LABELS[row.conferenceType],
    String(row.templateVersion),
    row.chair,
    row.primaryConcern,
    row.concern,
    row.categories.join('; '),
    count('agrees'),
    count('differs'),
    count('no-view'),
    row.recommendations.map((r) => `${r.agency}: ${r.recommendation}`).join('; '),
    row.outcomeLabel || row.outcome,
    row.alternativePlan.name,
    row.alternativePlan.lead,
    date(row.alternativePlan.reviewDate),
    row.departsFromMajority.departs ? 'Yes' : 'No',
    row.dissent.map((d) => d.label).join('; '),
    ...INDICATOR_IDS.flatMap((id) => {
      const indicator = row.indicators.find((i) => i.id === id);
      return indicator ? [INDICATOR_STATUS_LABELS[indicator.status], indicator.explanation] : ['', ''];
    }),
    row.cameBack.status === 'came-back' ? 'Yes' : row.cameBack.status === 'possible-match' ? 'Possible match' : 'No',
    row.cameBack.explanation,
    judgement ? JUDGEMENT_RATING_LABELS[judgement.rating] : '',
    judgement?.comment ?? '',
    judgement?.actionForChair ?? '',
    judgement?.author ?? '',
    judgement ? (judgement.signed ? 'Signed' : 'Recorded with a hash (not signed)') : '',
    String(row.judgementsMissing),
  ];
}

export function cohortCsv(rows: readonly AuditRow[]): string {
  return BOM + [csvLine(CSV_HEADINGS), ...rows.map((row) => csvLine(csvRow(row)))].join('\r\n') + '\r\n';
}
