import { NO_FILTERS } from '../../../domain/audit/types';
import type { Handlers } from '../dispatch';
import type { ConferenceStore } from '../store/store';
import { exportAudit } from './audit-export';
import { buildCohort } from './cohort-service';

type AuditOperations = 'audit.cohort' | 'audit.judge' | 'audit.judgements' | 'audit.export';

/** The audit's operations over a store; the team store will pass its own store with the same methods. */
export function auditHandlers(store: ConferenceStore, now: () => Date = () => new Date()): Pick<Handlers, AuditOperations> {
  return {
    'audit.cohort': ({ period, filters }) => buildCohort(store, period, filters ?? null, now()),
    'audit.judge': async (input) => ({ judgement: await store.judge(input) }),
    'audit.judgements': async ({ id }) => ({ judgements: await store.judgements(id) }),
    'audit.export': async ({ period, filters, format }) => {
      const applied = filters ?? NO_FILTERS;
      const { rows } = await buildCohort(store, period, applied, now());
      const profile = await store.getProfile();
      return exportAudit(rows, period, applied, format, profile?.name ?? 'the manager on this computer', now());
    },
  };
}
