import { cohortFigures, judgementProgress } from '../../domain/audit/charts';
import { indicatorsMet } from '../../domain/audit/filters';
import { INDICATOR_IDS, JUDGEMENT_RATING_LABELS, type AuditPeriod, type AuditRow } from '../../domain/audit/types';
import { formatUkDate } from '../../domain/calendar/dates';
import type { Block, Cell, DocumentModel } from '../../domain/documents/model';
import { cell, heading, plain, text } from '../../domain/documents/model';

/**
 * The manager's audit summary, in the same document model as the minutes: the figures a
 * performance report needs (each chart drawn as bars and given as a table, so the PDF reads
 * aloud and prints in black and white), then the cohort child by child. It names children,
 * so it is marked OFFICIAL-SENSITIVE like the minutes.
 */

export interface AuditSummaryInput {
  rows: readonly AuditRow[];
  period: AuditPeriod;
  /** The filters applied, in words ("Departs from the majority"); empty for the whole cohort. */
  filtersApplied: string[];
  /** When the summary was made (ISO date-time). */
  madeAt: string;
  madeBy: string;
}

const pct = (value: number | null) => (value === null ? '—' : `${value}%`);

export function auditSummary(input: AuditSummaryInput): DocumentModel {
  const { rows, period } = input;
  const range = `${formatUkDate(period.from)} to ${formatUkDate(period.to)}`;
  const progress = judgementProgress(rows);
  const blocks: Block[] = [
    { kind: 'paragraph', style: 'title', runs: [text('Audit of children who left a conference without a child protection plan')] },
    plain(`Conferences held from ${range}. ${rows.length === 1 ? '1 child' : `${rows.length} children`} in the cohort${input.filtersApplied.length > 0 ? ` shown with these filters: ${input.filtersApplied.join('; ')}` : ''}. Judged so far: ${progress.judged} of ${progress.total}.`),
    plain(`Made on ${formatUkDate(input.madeAt.slice(0, 10))} by ${input.madeBy}. Each figure is worked out by the app from the records; “not applicable” is left out of the rates, never counted as met.`, 'small'),
  ];
  if (rows.length === 0) {
    blocks.push(plain('No child in this period left a conference without a child protection plan, so there is nothing to audit.'));
    return model(blocks, range);
  }

  blocks.push(heading(1, 'Quality indicators met'));
  // One pass over the rows for every chart.
  const figures = cohortFigures(rows);
  const rates = figures.rates;
  blocks.push({
    kind: 'chart',
    title: 'Per cent met, of the children each indicator applies to',
    scaleDefinition: '0 = met for none of those children; 100 = met for all of them.',
    max: 100,
    bars: rates.map((rate) => ({ label: rate.label, score: rate.percent })),
  });
  blocks.push({
    kind: 'table',
    caption: 'Quality indicators met (the chart as a table)',
    header: ['Indicator', 'Met', 'Applies to', 'Per cent met'],
    rows: rates.map((r) => [cell(r.label), cell(String(r.met)), cell(String(r.applicable)), cell(pct(r.percent))]),
    widths: [5, 1, 1, 1],
  });

  const byChair = figures.chairs;
  blocks.push(heading(2, 'By chair'));
  blocks.push({
    kind: 'chart',
    title: 'Indicators met per chair (per cent)',
    scaleDefinition: 'indicators met out of those that applied, over all the chair’s children in the cohort.',
    max: 100,
    bars: [...byChair.chairs, byChair.overall].map((r) => ({ label: r.chair, score: r.percent })),
  });
  blocks.push({
    kind: 'table',
    caption: 'Indicators met per chair (the chart as a table)',
    header: ['Chair', 'Children', 'Indicators met', 'Applied', 'Per cent'],
    rows: [...byChair.chairs, byChair.overall].map((r) => [cell(r.chair), cell(String(r.children)), cell(String(r.met)), cell(String(r.applicable)), cell(pct(r.percent))]),
    widths: [4, 1, 1, 1, 1],
  });

  blocks.push(heading(1, 'Outcomes by month'));
  const months = figures.months;
  blocks.push({
    kind: 'table',
    caption: 'Children in the cohort by month of the conference and outcome',
    header: ['Month', ...months.outcomes, 'All'],
    rows: months.months.map((m) => [cell(m.label), ...months.outcomes.map((o) => cell(String(m.byOutcome[o] ?? 0))), cell(String(m.total))]),
  });

  blocks.push(heading(1, 'Came back within 12 months'));
  const back = figures.back;
  blocks.push({
    kind: 'chart',
    title: 'Came back within 12 months, by outcome (per cent, matched by case number)',
    scaleDefinition: 'children back at a new initial conference or on a plan within 12 months, out of the children given that outcome.',
    max: 100,
    bars: back.map((r) => ({ label: r.outcome, score: r.percent })),
  });
  blocks.push({
    kind: 'table',
    caption: 'Came back by outcome (the chart as a table); possible matches by name and date of birth are for the manager to confirm',
    header: ['Outcome', 'Children', 'Came back', 'Possible match', 'Per cent came back'],
    rows: back.map((r) => [cell(r.outcome), cell(String(r.children)), cell(String(r.cameBack)), cell(String(r.possible)), cell(pct(r.percent))]),
    widths: [4, 1, 1, 1, 1],
  });

  blocks.push({ kind: 'pageBreak' });
  blocks.push(heading(1, 'The cohort, child by child'));
  // Seven columns fit a portrait page without breaking words; chair and dissent follow as lists.
  const cohort: Cell[][] = rows.map((row) => {
    const judgement = row.judgements.at(-1);
    return [
      cell(`${row.childName}${row.caseNumber ? ` (${row.caseNumber})` : ''}`),
      cell(formatUkDate(row.conferenceDate)),
      cell(row.outcomeLabel || row.outcome),
      cell(`${indicatorsMet(row)} of ${row.indicators.filter((i) => i.status !== 'not-applicable').length}`),
      cell(row.departsFromMajority.departs ? 'Yes' : 'No'),
      cell(row.cameBack.status === 'came-back' ? 'Yes' : row.cameBack.status === 'possible-match' ? 'Possible match' : 'No'),
      cell(judgement ? `${JUDGEMENT_RATING_LABELS[judgement.rating]}${judgement.signed ? '' : ' (not signed)'}` : 'Not judged'),
    ];
  });
  blocks.push({
    kind: 'table',
    caption: `Every child in the cohort (${INDICATOR_IDS.length} indicators each; those not applicable are not counted)`,
    header: ['Child', 'Conference', 'Outcome', 'Indicators met', 'Departs from majority', 'Came back', 'Judgement'],
    rows: cohort,
    widths: [4, 4, 4, 3, 3, 3, 4],
  });
  blocks.push(heading(2, 'Chair and dissent'));
  blocks.push({
    kind: 'table',
    caption: 'Who chaired each conference, and any agency’s dissent with its escalation',
    header: ['Child', 'Chair', 'Dissent'],
    rows: rows.map((row) => [cell(row.childName), cell(row.chair || 'Not recorded'), cell(row.dissent.map((d) => d.label).join('; ') || 'None')]),
    widths: [3, 4, 6],
  });
  return model(blocks, range);
}

function model(blocks: Block[], range: string): DocumentModel {
  return {
    metadata: {
      title: 'Audit of non-plan outcomes',
      author: 'Conference Recorder',
      subject: `Children who left a conference without a child protection plan, ${range}`,
      language: 'en-GB',
    },
    draft: false,
    header: `Audit of non-plan outcomes · ${range} · OFFICIAL-SENSITIVE`,
    footer: 'Audit summary made by Conference Recorder',
    blocks,
  };
}
