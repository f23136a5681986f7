import { cohortRowOf, NO_FILTERS, type AuditPeriod, type AuditRow } from '../../../domain/audit/types';
import { KeptCohort } from '../../../domain/audit/view';
import { applyFilters } from '../../../domain/audit/filters';
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

/** The cohort of the period last looked at, whole (one per store, until it locks). */
interface LastLook {
  period: string;
  answer: Omit<CohortAnswer, 'rows'>;
  cohort: KeptCohort<AuditRow>;
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
      last = { period: key, answer, cohort: new KeptCohort(rows) };
    }
    return last;
  };
  return {
    'audit.cohort': async ({ period, filters, sort, limit, fromLastLook }) => {
      const { answer, cohort } = await look(period, fromLastLook === true);
      return { ...answer, ...cohort.view({ filters, sort, limit }, cohortRowOf) };
    },
    'audit.child': async ({ period, conferenceId, childId }) => ({ row: (await look(period, true)).cohort.row({ conferenceId, childId }) ?? null }),
    'audit.judge': async (input) => {
      const judgement = await store.judge(input);
      // The kept cohort shows it too: the screen's next view has it without building the period again.
      const kept = last?.cohort.row(judgement);
      if (kept) last?.cohort.replace({ ...kept, judgements: [...kept.judgements, judgement] });
      return { judgement };
    },
    'audit.judgements': ({ id }) => store.judgements(id),
    'audit.export': async ({ period, filters, format }) => {
      const applied = filters ?? NO_FILTERS;
      // The cohort on the manager's screen, when it is this period's: the file holds what they
      // looked at and filtered (with any judgement made since); otherwise worked out now.
      const rows = applyFilters((await look(period, true)).cohort.rows, applied);
      const profile = await store.getProfile();
      return exportAudit(rows, period, applied, format, profile?.name ?? 'the manager on this computer', now());
    },
  };
}
