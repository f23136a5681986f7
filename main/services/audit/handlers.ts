import { cohortKey, cohortRowOf, NO_FILTERS, type AuditPeriod, type AuditRow } from '../../../domain/audit/types';
import type { Handlers } from '../dispatch';
import type { JudgementInput, JudgementView } from '../../../domain/audit/types';
import type { ChairProfile } from '../../../domain/signoff/schemas';
import { exportAudit } from './audit-export';
import { buildCohort, type AuditStore } from './cohort-service';

type AuditOperations = 'audit.cohort' | 'audit.child' | 'audit.judge' | 'audit.judgements' | 'audit.export';

/** What the audit's operations need of a store: the local ConferenceStore has it; the team store is to provide the same. */
export interface AuditOperationsStore extends AuditStore {
  judge(input: JudgementInput): Promise<JudgementView>;
  /** A conference's judgements, each checked, and how many its history records that are gone. */
  judgements(id: string): Promise<{ judgements: JudgementView[]; missing: number }>;
  getProfile(): Promise<ChairProfile | null>;
  /** Called when the store locks: what the audit kept of records goes with the keys. */
  onLock?(listener: () => void): void;
}

/**
 * The audit's operations over a store. The screen gets each child's row without its sentences
 * (CohortRow); the whole rows of the last period looked at are kept here, until the store locks,
 * so the drill-down (audit.child) answers from them at once instead of working out the year again.
 */
export function auditHandlers(store: AuditOperationsStore, now: () => Date = () => new Date()): Pick<Handlers, AuditOperations> {
  let last: { period: string; rows: Map<string, AuditRow> } | null = null;
  store.onLock?.(() => (last = null));
  const wholeRows = async (period: AuditPeriod) => {
    const key = JSON.stringify([period.from, period.to]);
    if (last?.period !== key) {
      const { rows } = await buildCohort(store, period, null, now());
      last = { period: key, rows: new Map(rows.map((row) => [cohortKey(row), row])) };
    }
    return last.rows;
  };
  return {
    'audit.cohort': async ({ period, filters }) => {
      const answer = await buildCohort(store, period, filters ?? null, now());
      // Kept for the drill-down when unfiltered (the screen filters on the page, so it never sends filters).
      if (filters === undefined) last = { period: JSON.stringify([period.from, period.to]), rows: new Map(answer.rows.map((row) => [cohortKey(row), row])) };
      return { ...answer, rows: answer.rows.map(cohortRowOf) };
    },
    'audit.child': async ({ period, conferenceId, childId }) => ({ row: (await wholeRows(period)).get(cohortKey({ conferenceId, childId })) ?? null }),
    'audit.judge': async (input) => {
      const judgement = await store.judge(input);
      // The kept row shows it too (the screen adds it to its own copy the same way).
      const kept = last?.rows.get(cohortKey(judgement));
      if (kept) last?.rows.set(cohortKey(judgement), { ...kept, judgements: [...kept.judgements, judgement] });
      return { judgement };
    },
    'audit.judgements': ({ id }) => store.judgements(id),
    'audit.export': async ({ period, filters, format }) => {
      const applied = filters ?? NO_FILTERS;
      const { rows } = await buildCohort(store, period, applied, now());
      const profile = await store.getProfile();
      return exportAudit(rows, period, applied, format, profile?.name ?? 'the manager on this computer', now());
    },
  };
}
