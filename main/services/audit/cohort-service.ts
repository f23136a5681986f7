import type { Settings } from '../../../domain/api/contract';
import { ApiFailure } from '../../../domain/api/result';
import { appearancesFrom, CameBackIndex, type Appearance } from '../../../domain/audit/came-back';
import { checkPeriod, cohortCandidates, cohortChildIds } from '../../../domain/audit/cohort';
import { applyFilters } from '../../../domain/audit/filters';
import { auditChildren } from '../../../domain/audit/indicators';
import type { AuditFilters, AuditPeriod, AuditRow } from '../../../domain/audit/types';
import { formatUkDate } from '../../../domain/calendar/dates';
import { childrenOf, textOf } from '../../../domain/record/access';
import type { ConferenceSummary } from '../../../domain/record/summary';
import { templateForRecord } from '../../../templates/conference-templates';
import type { AuditSource } from '../store/store';

/**
 * The cohort for a period, built only from a store's list (the index) and a read of each
 * conference in the cohort, so it runs the same over the local store and the team store. The
 * index chooses the conferences (date, type, each child's outcome and status) and answers the
 * "came back" question for every child at once (case number, name, date of birth), so only the
 * cohort's own conferences are opened — a year of a large council's records opens a few
 * hundred, not twenty thousand.
 */

export interface AuditStore {
  list(): Promise<{ conferences: ConferenceSummary[] }>;
  auditSource(id: string): Promise<AuditSource>;
  getSettings(): Promise<Settings>;
  /** Optional: a map the store empties when it locks and for a conference when it is judged. */
  auditMemo?(): Promise<Map<string, unknown>>;
}

/** A child's row without "came back", and who they are for matching. */
interface ChildEntry {
  row: Omit<AuditRow, 'cameBack'>;
  identity: Appearance;
}

/** A conference's children as last worked out, and what they were worked out from. */
interface Memo {
  key: string;
  children: ChildEntry[];
}

/** One conference read and audited; null when it cannot be read (counted, never guessed at). */
async function readConference(store: AuditStore, id: string, settings: Settings, today: string): Promise<ChildEntry[] | null> {
  let source: AuditSource;
  try {
    source = await store.auditSource(id);
  } catch (error) {
    // A damaged conference is reported by the store itself (by id); here it is only counted.
    if (error instanceof ApiFailure && (error.code === 'CORRUPT' || error.code === 'NOT_FOUND' || error.code === 'TAMPERED')) return null;
    throw error;
  }
  const { record } = source;
  let template;
  try {
    template = templateForRecord(record);
  } catch {
    return null; // written by a newer app: not read with the wrong questions
  }
  return auditChildren(record, cohortChildIds(record), { template, settings: settings.local, signOff: source.signOff, today }).map((child) => {
    const values = childrenOf(record).find((c) => c.id === child.childId)?.values ?? {};
    return {
      row: { ...child, judgements: source.judgements.filter((j) => j.childId === child.childId) },
      identity: {
        conferenceId: id,
        childId: child.childId,
        type: record.type,
        date: child.conferenceDate,
        name: child.childName,
        caseNumber: child.caseNumber,
        dateOfBirth: textOf(values['dateOfBirth']),
        outcome: child.outcome,
        planStatus: textOf(values['planStatus']),
      },
    };
  });
}

export interface CohortAnswer {
  rows: AuditRow[];
  /** Children in the period before filters. */
  total: number;
  /** Conferences the index chose that could not be read (damaged, missing): reported by count. */
  unreadable: number;
  /** A sentence for an empty period; null otherwise. */
  message: string | null;
}

export function todayIso(now: Date): string {
  // The council's day, not UTC's: a deadline runs to midnight in England.
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

export async function buildCohort(store: AuditStore, period: AuditPeriod, filters: AuditFilters | null, now: Date = new Date()): Promise<CohortAnswer> {
  const check = checkPeriod(period);
  if (!check.ok) throw new ApiFailure('INVALID_INPUT', check.message);
  const [{ conferences }, settings] = await Promise.all([store.list(), store.getSettings()]);
  const today = todayIso(now);
  const cameBack = new CameBackIndex(appearancesFrom(conferences));
  const rows: AuditRow[] = [];
  let unreadable = 0;
  const memo = store.auditMemo ? await store.auditMemo() : null;
  const settingsKey = JSON.stringify(settings.local);
  const revisions = new Map(conferences.map((c) => [c.id, c.revision]));
  for (const id of cohortCandidates(conferences, period)) {
    // Same revision, same day, same local rules (and no judgement since, which empties it): same rows.
    const key = `${revisions.get(id)}|${today}|${settingsKey}`;
    let children = (memo?.get(id) as Memo | undefined)?.key === key ? (memo?.get(id) as Memo).children : null;
    if (children === null) {
      const read = await readConference(store, id, settings, today);
      if (read === null) {
        unreadable += 1;
        continue;
      }
      children = read;
      memo?.set(id, { key, children } satisfies Memo);
    }
    // Coming back depends on every other conference, so it is always worked out afresh from the index.
    for (const { row, identity } of children) rows.push({ ...row, cameBack: cameBack.cameBack(identity) });
  }
  rows.sort((a, b) => a.conferenceDate.localeCompare(b.conferenceDate) || a.childName.localeCompare(b.childName));
  const message =
    rows.length === 0
      ? `No child left an initial conference (or was new to conference at a review) without a child protection plan between ${formatUkDate(period.from)} and ${formatUkDate(period.to)}.${unreadable > 0 ? '' : ' Choose another period to audit.'}`
      : null;
  return { rows: filters ? applyFilters(rows, filters) : rows, total: rows.length, unreadable, message };
}
