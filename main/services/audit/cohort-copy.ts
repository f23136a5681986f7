import { detailsOf, packCohort, unpackCohort, UnreadablePackedCohort, wholeRow, type PackedCohort, type RowDetails } from '../../../domain/audit/packed-cohort';
import { cohortKey, type AuditPeriod, type AuditRow, type CohortRow } from '../../../domain/audit/types';
import type { UnfilteredView } from '../../../domain/audit/view';
import { requireAuditablePeriod, rulesKeyOf, todayIso, type AuditStore, type ConferenceJudgements, type CohortAnswer, type CohortSource } from './cohort-service';

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
 * Only what the screen reads is in it — no sentences, no came-back matches. Those are kept beside
 * it, one per row, and read only when whole rows are needed (the drill-down, the exports): a few
 * megabytes more to read then, instead of working the cohort out in full.
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

/** Which copy a copy's details belong to: they are used only with the rows they were kept with. */
export type CopyMade = Pick<CohortCopy, 'period' | 'window' | 'workedOutOn'>;

/** What a store that keeps cohort copies provides (the team store). */
export interface CohortCopyStore {
  /** This member's copy of the period's cohort, if any, and the period's window as the server holds it now. */
  cohortCopy(period: AuditPeriod): Promise<{ copy: CohortCopy | null; window: string }>;
  /** The details kept with that copy (one per row, in its order); null when they are not there or belong to another. */
  cohortCopyDetails(made: CopyMade): Promise<RowDetails[] | null>;
  /** Keeps (replaces) this member's copy of a period's cohort, with its rows' details beside it. */
  keepCohortCopy(copy: CohortCopy, details: RowDetails[]): Promise<void>;
}

export function hasCohortCopies(store: AuditStore): store is AuditStore & CohortCopyStore {
  return 'cohortCopy' in store && 'keepCohortCopy' in store && 'cohortCopyDetails' in store;
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

/** The copy to keep of a cohort just worked out in full, and its rows' details; null when the store gave no fingerprint to check it by. */
export function copyOf(period: AuditPeriod, answer: CohortAnswer, source: CohortSource, view: UnfilteredView): { copy: CohortCopy; details: RowDetails[] } | null {
  if (source.window === undefined) return null;
  const copy: CohortCopy = {
    period,
    window: source.window,
    rules: source.rules,
    workedOutOn: source.today,
    stableUntil: source.stableUntil,
    unreadable: answer.unreadable,
    message: answer.message,
    conferences: source.conferences,
    // A whole row is a screen's row with more: packed as it is (the sentences are left out).
    rows: packCohort(answer.rows),
    view,
  };
  return { copy, details: answer.rows.map(detailsOf) };
}

/**
 * The cohort's rows made whole from the copy's details, each keeping what the kept rows have now
 * (their judgements, read at the look and added since); null when the details are not there, not
 * this copy's, or do not fit (the caller then works the cohort out in full).
 */
export async function wholeFromCopy(store: CohortCopyStore, made: CopyMade, order: readonly string[], rows: readonly CohortRow[]): Promise<AuditRow[] | null> {
  const details = await store.cohortCopyDetails(made);
  if (details === null || details.length !== order.length || rows.length !== order.length) return null;
  const at = new Map(order.map((key, index) => [key, index]));
  try {
    return rows.map((row) => {
      const index = at.get(cohortKey(row));
      if (index === undefined) throw new UnreadablePackedCohort('A row is not in the copy it was read from.');
      return wholeRow(row, details[index]);
    });
  } catch (error) {
    if (error instanceof UnreadablePackedCohort) return null;
    throw error;
  }
}

/**
 * The cohort from the store's copy, with its judgements read now; null when there is no copy, or
 * it is out of date or unreadable (the caller then works the cohort out in full).
 */
export async function cohortFromCopy(store: AuditStore & CohortCopyStore, period: AuditPeriod, now: Date): Promise<(Omit<CohortAnswer, 'rows'> & { rows: CohortRow[]; view: UnfilteredView; made: CopyMade; order: string[] }) | null> {
  requireAuditablePeriod(period); // before the server is asked for a ten-year window's fingerprint
  const [{ copy, window }, settings] = await Promise.all([store.cohortCopy(period), store.getSettings()]);
  if (copy === null || !copyStillRight(copy, period, window, rulesKeyOf(settings.local), todayIso(now))) return null;
  let rows: CohortRow[];
  try {
    rows = unpackCohort(copy.rows);
  } catch (error) {
    if (error instanceof UnreadablePackedCohort) return null;
    throw error;
  }
  // The copy's own order, which its details follow (wholeFromCopy).
  const order = rows.map(cohortKey);
  const judged = store.auditJudgements ? await store.auditJudgements(copy.conferences) : new Map<string, ConferenceJudgements>();
  for (const row of rows) {
    const found = judged.get(row.conferenceId);
    if (found === undefined) continue;
    row.judgements = found.views.filter((j) => j.childId === row.childId);
    row.judgementsMissing = found.missing;
  }
  const made: CopyMade = { period: copy.period, window: copy.window, workedOutOn: copy.workedOutOn };
  return { rows, total: rows.length, unreadable: copy.unreadable, message: copy.message, view: copy.view, made, order };
}
