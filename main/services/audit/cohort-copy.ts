import { packCohort, unpackCohort, UnreadablePackedCohort, type PackedCohort } from '../../../domain/audit/packed-cohort';
import { cohortRowOf, type AuditPeriod, type AuditRow, type CohortRow } from '../../../domain/audit/types';
import type { UnfilteredView } from '../../../domain/audit/view';
import { rulesKeyOf, todayIso, type AuditStore, type ConferenceJudgements, type CohortAnswer, type CohortSource } from './cohort-service';

/**
 * A copy of a period's cohort as the screen reads it, kept by a store between looks (the team
 * store keeps each manager's, sealed, on the server: audit-cohorts.ts). At a large council the
 * cohort of a year is worked out from two years of conferences (some 40 MB of digests at
 * 200,000 conferences) in over a second; the copy is a few megabytes, and the screen is drawn
 * from it while nothing it was worked out from has changed:
 *
 * - every conference and revision of the period's window is as it was (the store's fingerprint);
 * - the council's local rules are the same;
 * - no minutes deadline has passed since (auditFromFactsUntil: the only thing the date alone changes).
 *
 * Judgements are never kept in it: they are read afresh at every look, as before. A copy that
 * fails any check, or will not open, is ignored and the cohort worked out again (then kept anew).
 * Only what the screen reads is kept — no sentences, no came-back matches — so the drill-down and
 * the exports, which need whole rows, work the cohort out in full first (audit handlers).
 */

export interface CohortCopy {
  period: AuditPeriod;
  /** The store's fingerprint of the window the cohort was worked out from (AuditIndex.window). */
  window: string;
  /** The local rules, as CohortSource.rules. */
  rules: string;
  /** The day it was worked out, and the last day it stays right with no save. */
  workedOutOn: string;
  stableUntil: string;
  unreadable: number;
  message: string | null;
  /** The cohort's conferences, for reading their judgements. */
  conferences: { id: string; historySeq: number | undefined }[];
  rows: PackedCohort;
  /** The filters' choices and the whole cohort's charts, as worked out from these rows. */
  view: UnfilteredView;
}

/** What a store that keeps cohort copies provides (the team store). */
export interface CohortCopyStore {
  /** This member's copy of the period's cohort, if any, and the period's window as the server holds it now. */
  cohortCopy(period: AuditPeriod): Promise<{ copy: CohortCopy | null; window: string }>;
  /** Keeps (replaces) this member's copy of a period's cohort. */
  keepCohortCopy(copy: CohortCopy): Promise<void>;
}

export function hasCohortCopies(store: AuditStore): store is AuditStore & CohortCopyStore {
  return 'cohortCopy' in store && 'keepCohortCopy' in store;
}

/** Whether a copy still shows what working the cohort out now would. */
export function copyStillRight(copy: CohortCopy, period: AuditPeriod, window: string, rules: string, today: string): boolean {
  return (
    copy.period.from === period.from &&
    copy.period.to === period.to &&
    copy.window === window &&
    copy.rules === rules &&
    copy.workedOutOn <= today &&
    today <= copy.stableUntil
  );
}

/** The copy to keep of a cohort just worked out in full; null when the store gave no fingerprint to check it by. */
export function copyOf(period: AuditPeriod, answer: CohortAnswer, source: CohortSource, view: UnfilteredView): CohortCopy | null {
  if (source.window === undefined) return null;
  return {
    period,
    window: source.window,
    rules: source.rules,
    workedOutOn: source.today,
    stableUntil: source.stableUntil,
    unreadable: answer.unreadable,
    message: answer.message,
    conferences: source.conferences,
    rows: packCohort(answer.rows.map((row: AuditRow) => cohortRowOf(row))),
    view,
  };
}

/**
 * The cohort from the store's copy, with its judgements read now; null when there is no copy, or
 * it is out of date or unreadable (the caller then works the cohort out in full).
 */
export async function cohortFromCopy(store: AuditStore & CohortCopyStore, period: AuditPeriod, now: Date): Promise<(Omit<CohortAnswer, 'rows'> & { rows: CohortRow[]; view: UnfilteredView }) | null> {
  const [{ copy, window }, settings] = await Promise.all([store.cohortCopy(period), store.getSettings()]);
  if (copy === null || !copyStillRight(copy, period, window, rulesKeyOf(settings.local), todayIso(now))) return null;
  let rows: CohortRow[];
  try {
    rows = unpackCohort(copy.rows);
  } catch (error) {
    if (error instanceof UnreadablePackedCohort) return null;
    throw error;
  }
  const judged = store.auditJudgements ? await store.auditJudgements(copy.conferences) : new Map<string, ConferenceJudgements>();
  for (const row of rows) {
    const found = judged.get(row.conferenceId);
    if (found === undefined) continue;
    row.judgements = found.views.filter((j) => j.childId === row.childId);
    row.judgementsMissing = found.missing;
  }
  return { rows, total: rows.length, unreadable: copy.unreadable, message: copy.message, view: copy.view };
}
