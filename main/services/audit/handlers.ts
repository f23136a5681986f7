import { cohortRowOf, NO_FILTERS, type AuditPeriod, type AuditRow, type CohortRow } from '../../../domain/audit/types';
import { KeptCohort } from '../../../domain/audit/view';
import { applyFilters } from '../../../domain/audit/filters';
import type { Handlers } from '../dispatch';
import type { JudgementInput, JudgementView } from '../../../domain/audit/types';
import type { ChairProfile } from '../../../domain/signoff/schemas';
import { exportAudit } from './audit-export';
import { cohortFromCopy, copyOf, hasCohortCopies, wholeFromCopy, type CopyMade } from './cohort-copy';
import { workOutCohort, type AuditStore, type CohortAnswer } from './cohort-service';

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

/** The cohort of the period last looked at (one per store, until it locks). */
type LastLook = { period: string; answer: Omit<CohortAnswer, 'rows'> } & (
  | { whole: true; cohort: KeptCohort<AuditRow> }
  /** From the store's copy (cohort-copy.ts): what the screen reads of each row, without the sentences; `order` is the copy's, which its details follow. */
  | { whole: false; cohort: KeptCohort<CohortRow>; made: CopyMade; order: string[] }
);
type WholeLook = Extract<LastLook, { whole: true }>;

const periodKey = (period: AuditPeriod) => JSON.stringify([period.from, period.to]);

/** A judgement just made, added to the kept cohort's row for the child (if the child is in it). */
function addJudgement<R extends CohortRow>(cohort: KeptCohort<R>, judgement: JudgementView): void {
  const kept = cohort.row(judgement);
  if (kept) cohort.replace({ ...kept, judgements: [...kept.judgements, judgement] });
}

/**
 * The audit's operations over a store. A look at a period builds its cohort and keeps it here,
 * whole, until the store locks or the period is looked at afresh: the screen's filters, sorting
 * and "Show more" (fromLastLook) and the drill-down (audit.child) are answered from it at once,
 * as the screen's own copy once was, and only what the screen shows crosses to it (view.ts).
 *
 * A store that keeps copies of cohorts (the team store) answers a fresh look from its copy
 * while the copy is still right (cohort-copy.ts); the drill-down and the exports, which need
 * each row whole, then read the details kept beside it once (or, if those will not do, work the
 * cohort out in full), and it is kept whole from then on.
 */
export function auditHandlers(store: AuditOperationsStore, now: () => Date = () => new Date()): Pick<Handlers, AuditOperations> {
  let last: LastLook | null = null;
  store.onLock?.(() => (last = null));
  const workOut = async (period: AuditPeriod): Promise<WholeLook> => {
    const { answer, source } = await workOutCohort(store, period, now());
    const { rows, ...rest } = answer;
    const look: WholeLook = { period: periodKey(period), answer: rest, cohort: new KeptCohort(rows), whole: true };
    last = look;
    const kept = hasCohortCopies(store) ? copyOf(period, answer, source, look.cohort.unfiltered()) : null;
    // A cache: a copy that cannot be kept (the server away) only means the next look works it out again.
    if (kept !== null && hasCohortCopies(store)) await store.keepCohortCopy(kept.copy, kept.details).catch(() => undefined);
    return look;
  };
  const look = async (period: AuditPeriod, reuse: boolean): Promise<LastLook> => {
    const key = periodKey(period);
    if (reuse && last?.period === key) return last;
    const copied = hasCohortCopies(store) ? await cohortFromCopy(store, period, now()) : null;
    if (copied === null) return workOut(period);
    const { rows, view, made, order, ...answer } = copied;
    last = { period: key, answer, cohort: new KeptCohort(rows, view), whole: false, made, order };
    return last;
  };
  /** The period's cohort with every row whole (the drill-down, the exports): from the copy's details when it came from a copy. */
  const wholeLook = async (period: AuditPeriod): Promise<WholeLook> => {
    // Not looked at in this session (an export straight after signing in): looked at as the screen would first.
    const kept = await look(period, true);
    if (kept.whole) return kept;
    const rows = hasCohortCopies(store) ? await wholeFromCopy(store, kept.made, kept.order, kept.cohort.rows) : null;
    if (rows === null) return workOut(period);
    const whole: WholeLook = { period: kept.period, answer: kept.answer, cohort: new KeptCohort(rows, kept.cohort.unfiltered()), whole: true };
    last = whole;
    return whole;
  };
  return {
    'audit.cohort': async ({ period, filters, sort, limit, fromLastLook }) => {
      const { answer, cohort } = await look(period, fromLastLook === true);
      return { ...answer, ...cohort.view({ filters, sort, limit }, cohortRowOf) };
    },
    'audit.child': async ({ period, conferenceId, childId }) => ({ row: (await wholeLook(period)).cohort.row({ conferenceId, childId }) ?? null }),
    'audit.judge': async (input) => {
      const judgement = await store.judge(input);
      // The kept cohort shows it too: the screen's next view has it without building the period again.
      if (last !== null) {
        // Two branches for the two kinds of kept row (the type of each cohort is known in its own).
        if (last.whole) addJudgement(last.cohort, judgement);
        else addJudgement(last.cohort, judgement);
      }
      return { judgement };
    },
    'audit.judgements': ({ id }) => store.judgements(id),
    'audit.export': async ({ period, filters, format }) => {
      const applied = filters ?? NO_FILTERS;
      // The cohort on the manager's screen, when it is this period's: the file holds what they
      // looked at and filtered (with any judgement made since); otherwise worked out now.
      const rows = applyFilters((await wholeLook(period)).cohort.rows, applied);
      const profile = await store.getProfile();
      return exportAudit(rows, period, applied, format, profile?.name ?? 'the manager on this computer', now());
    },
  };
}
