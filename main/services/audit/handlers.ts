import { cohortKey, cohortRowOf, NO_FILTERS, type AuditPeriod, type AuditRow } from '../../../domain/audit/types';
import { cohortView } from '../../../domain/audit/view';
import type { Handlers } from '../dispatch';
import type { JudgementInput, JudgementView } from '../../../domain/audit/types';
import type { ChairProfile } from '../../../domain/signoff/schemas';
import { exportAudit } from './audit-export';
import { buildCohort, type AuditStore, type CohortAnswer } from './cohort-service';

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

/** The cohort of the period last looked at, whole, in the cohort's order (one per store, until it locks). */
interface LastLook {
  period: string;
  answer: Omit<CohortAnswer, 'rows'>;
  rows: AuditRow[];
  /** Each child's place in rows, by cohortKey. */
  at: Map<string, number>;
}

const periodKey = (period: AuditPeriod) => JSON.stringify([period.from, period.to]);

/**
 * The audit's operations over a store. A look at a period builds its cohort and keeps it here,
 * whole, until the store locks or the period is looked at afresh: the screen's filters, sorting
 * and "Show more" (fromLastLook) and the drill-down (audit.child) are answered from it at once,
 * as the screen's own copy once was, and only what the screen shows crosses to it (view.ts).
 */
export function auditHandlers(store: AuditOperationsStore, now: () => Date = () => new Date()): Pick<Handlers, AuditOperations> {
  let last: LastLook | null = null;
  store.onLock?.(() => (last = null));
  const look = async (period: AuditPeriod, reuse: boolean): Promise<LastLook> => {
    const key = periodKey(period);
    if (!reuse || last?.period !== key) {
      const { rows, ...answer } = await buildCohort(store, period, null, now());
      last = { period: key, answer, rows, at: new Map(rows.map((row, index) => [cohortKey(row), index])) };
    }
    return last;
  };
  return {
    'audit.cohort': async ({ period, filters, sort, limit, fromLastLook }) => {
      const { answer, rows } = await look(period, fromLastLook === true);
      return { ...answer, ...cohortView(rows, { filters, sort, limit }, cohortRowOf) };
    },
    'audit.child': async ({ period, conferenceId, childId }) => {
      const { rows, at } = await look(period, true);
      return { row: rows[at.get(cohortKey({ conferenceId, childId })) ?? -1] ?? null };
    },
    'audit.judge': async (input) => {
      const judgement = await store.judge(input);
      // The kept cohort shows it too: the screen's next view has it without building the period again.
      const index = last?.at.get(cohortKey(judgement));
      const kept = index === undefined ? undefined : last?.rows[index];
      if (last && index !== undefined && kept) last.rows[index] = { ...kept, judgements: [...kept.judgements, judgement] };
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
