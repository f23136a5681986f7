import { NO_FILTERS } from '../../../domain/audit/types';
import type { Handlers } from '../dispatch';
import type { JudgementInput, JudgementView } from '../../../domain/audit/types';
import type { ChairProfile } from '../../../domain/signoff/schemas';
import { exportAudit } from './audit-export';
import { buildCohort, type AuditStore } from './cohort-service';

type AuditOperations = 'audit.cohort' | 'audit.judge' | 'audit.judgements' | 'audit.export';

/** What the audit's operations need of a store: the local ConferenceStore has it; the team store is to provide the same. */
export interface AuditOperationsStore extends AuditStore {
  judge(input: JudgementInput): Promise<JudgementView>;
  /** A conference's judgements, each checked, and how many its history records that are gone. */
  judgements(id: string): Promise<{ judgements: JudgementView[]; missing: number }>;
  getProfile(): Promise<ChairProfile | null>;
}

/** The audit's operations over a store. */
export function auditHandlers(store: AuditOperationsStore, now: () => Date = () => new Date()): Pick<Handlers, AuditOperations> {
  return {
    'audit.cohort': ({ period, filters }) => buildCohort(store, period, filters ?? null, now()),
    'audit.judge': async (input) => ({ judgement: await store.judge(input) }),
    'audit.judgements': ({ id }) => store.judgements(id),
    'audit.export': async ({ period, filters, format }) => {
      const applied = filters ?? NO_FILTERS;
      const { rows } = await buildCohort(store, period, applied, now());
      const profile = await store.getProfile();
      return exportAudit(rows, period, applied, format, profile?.name ?? 'the manager on this computer', now());
    },
  };
}
