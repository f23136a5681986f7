import type { Settings } from '../../../domain/api/contract';
import { ApiFailure } from '../../../domain/api/result';
import { appearancesFrom, CameBackIndex, type Appearance } from '../../../domain/audit/came-back';
import { checkPeriod, cohortCandidates, cohortChildIds, type AuditSummary } from '../../../domain/audit/cohort';
import { usableFacts, type IndexedAuditFacts } from '../../../domain/audit/facts';
import { applyFilters, cohortOrder } from '../../../domain/audit/filters';
import { auditChildren, auditFromFactsUntil, type ChildAudit } from '../../../domain/audit/indicators';
import type { AuditFilters, AuditPeriod, AuditRow, JudgementView } from '../../../domain/audit/types';
import { formatUkDate } from '../../../domain/calendar/dates';
import { TEMPLATE_VERSION, templateForRecord } from '../../../templates/conference-templates';
import type { AuditSource } from '../store/store';

/**
 * The cohort for a period, built from a store's index alone: each conference's summary
 * chooses the cohort (date, type, each child's outcome and status) and answers "came back" for
 * every child at once, and the audit facts kept beside it at its last save
 * (summariseConference, main/services/store/summary.ts) give each child's row, so no
 * conference is opened or decrypted. The indicators that depend on today or on the council's
 * rules are worked out here from the dates and answers kept (auditFromFacts).
 *
 * A conference whose entry holds no facts of this version and revision (saved by an older
 * version of the app) is opened and read as before, so older stores work unchanged; its rows
 * are then kept while the store is open.
 */

export interface AuditIndex {
  /** Full summaries (the local store) or only their audit part (the team store's digests). */
  conferences: readonly AuditSummary[];
  /** The audit facts kept with a conference's entry, if any. */
  facts(id: string): IndexedAuditFacts | undefined;
  /**
   * The team store: every conference and revision this index was read from, as one fingerprint,
   * for a copy of the cohort kept to be checked against (cohort-copy.ts). What the index holds
   * is of those revisions or later ones, never earlier.
   */
  window?: string;
}

/** A conference's judgements, each checked, and how many its history names that are gone. */
export interface ConferenceJudgements {
  views: JudgementView[];
  missing: number;
}

export interface AuditStore {
  /**
   * The index the cohort is chosen from. Given the period, a store may leave out conferences
   * that cannot matter to it (held before it, or more than twelve months after it: the team
   * store, which would otherwise open ten years of sealed summaries); it must keep every
   * conference whose date it cannot tell without opening it. It may always return more.
   */
  auditIndex(period?: AuditPeriod): Promise<AuditIndex>;
  /**
   * The judgements of conferences whose facts do not carry them (the team store, where a
   * manager's judgement does not rewrite the conference's summary): one read for them all.
   */
  auditJudgements?(conferences: readonly { id: string; historySeq: number | undefined }[]): Promise<Map<string, ConferenceJudgements>>;
  auditSource(id: string): Promise<AuditSource>;
  getSettings(): Promise<Settings>;
  /** Optional: a map the store empties when it locks and for a conference when it is judged. */
  auditMemo?(): Promise<Map<string, unknown>>;
}

/** A conference's children as last worked out, and what they were worked out from. */
interface Memo {
  key: string;
  children: ChildAudit[];
  /** The last day the rows stay as they are with no save (auditFromFactsUntil); null for ever. */
  stableUntil: string | null;
  /** Read with the conference when it had to be opened; otherwise from the facts or the store. */
  judgements: ConferenceJudgements | null;
}

/** One conference opened and audited; null when it cannot be read (counted, never guessed at). */
async function openConference(store: AuditStore, id: string, settings: Settings, today: string): Promise<Omit<Memo, 'key'> | null> {
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
  return {
    children: auditChildren(record, cohortChildIds(record), { template, settings: settings.local, signOff: source.signOff, today }),
    judgements: { views: source.judgements, missing: source.judgementsMissing },
    // Read from the record itself, its deadlines not kept apart: a kept copy of the cohort holds for today only.
    stableUntil: today,
  };
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

/** The council's local rules as one key: rows worked out under other rules are not reused. */
export const rulesKeyOf = (local: Settings['local'] | undefined): string => JSON.stringify(local);

const NO_JUDGEMENTS: ConferenceJudgements = { views: [], missing: 0 };

/** The memo's entry naming the local rules its rows were worked out under (not a conference id). */
const MEMO_RULES = 'local-rules';

/** What a cohort was worked out from: enough to keep a copy of it and to know when the copy is out of date (cohort-copy.ts). */
export interface CohortSource {
  /** The index's fingerprint of the conferences read (AuditIndex.window); undefined when the store keeps none. */
  window: string | undefined;
  /** Each conference with a child in the cohort, with what its judgements are read after (auditJudgements). */
  conferences: { id: string; historySeq: number | undefined }[];
  today: string;
  /** The council's local rules the rows were worked out under (as the memo's key, below). */
  rules: string;
  /** The last day the rows stay as they are with no save (auditFromFactsUntil); today when that cannot be told. */
  stableUntil: string;
}

export async function buildCohort(store: AuditStore, period: AuditPeriod, filters: AuditFilters | null, now: Date = new Date()): Promise<CohortAnswer> {
  const { answer } = await workOutCohort(store, period, now);
  return filters ? { ...answer, rows: applyFilters(answer.rows, filters) } : answer;
}

/** Refuses a period the audit does not cover (impossible, backwards, too long), in the manager's words, before anything is read. */
export function requireAuditablePeriod(period: AuditPeriod): void {
  const check = checkPeriod(period);
  if (!check.ok) throw new ApiFailure('INVALID_INPUT', check.message);
}

/** The whole cohort of a period (every row, whole), and what it was worked out from. */
export async function workOutCohort(store: AuditStore, period: AuditPeriod, now: Date = new Date()): Promise<{ answer: CohortAnswer; source: CohortSource }> {
  requireAuditablePeriod(period);
  const [index, settings] = await Promise.all([store.auditIndex(period), store.getSettings()]);
  const { conferences } = index;
  const today = todayIso(now);
  const cameBack = new CameBackIndex(appearancesFrom(conferences));
  const memo = store.auditMemo ? await store.auditMemo() : null;
  // Rows worked out under other local rules are of no use: the memo is emptied when the rules
  // change, rather than the rules' JSON being written into each of thousands of keys.
  const rules = rulesKeyOf(settings.local);
  if (memo !== null && memo.get(MEMO_RULES) !== rules) {
    memo.clear();
    memo.set(MEMO_RULES, rules);
  }
  const byId = new Map(conferences.map((c) => [c.id, c]));
  let unreadable = 0;
  let stableUntil: string | null = null;
  const stableTo = (day: string | null) => {
    if (day !== null && (stableUntil === null || day < stableUntil)) stableUntil = day;
  };

  const chosen: { summary: AuditSummary; children: ChildAudit[]; judgements: ConferenceJudgements | null }[] = [];
  for (const id of cohortCandidates(conferences, period)) {
    const summary = byId.get(id)!;
    // Same revision, same day, same local rules (and no judgement since, which empties it): same rows.
    const key = `${summary.revision}|${today}`;
    const kept = memo?.get(id) as Memo | undefined;
    if (kept?.key === key) {
      chosen.push({ summary, children: kept.children, judgements: kept.judgements });
      stableTo(kept.stableUntil);
      continue;
    }
    const facts = index.facts(id);
    let worked: Omit<Memo, 'key'> | null;
    if (usableFacts(facts, summary.revision) && (facts.record.children[0]?.child.templateVersion ?? 1) <= TEMPLATE_VERSION) {
      const { children, stableUntil: until } = auditFromFactsUntil(facts.record, { settings: settings.local, signOff: facts.signOff, today });
      worked = { children, judgements: facts.judgements ?? null, stableUntil: until };
    } else {
      worked = await openConference(store, id, settings, today);
    }
    stableTo(worked === null ? today : worked.stableUntil);
    if (worked === null) {
      unreadable += 1;
      continue;
    }
    // A store that reads judgements apart (the team's: other managers judge while this one looks)
    // keeps only rows without them; a conference it had to open whole is read again next time.
    if (worked.judgements === null || !store.auditJudgements) memo?.set(id, { key, ...worked } satisfies Memo);
    chosen.push({ summary, ...worked });
  }

  // The team store's judgements, for every conference at once (its facts cannot carry them).
  const toRead = chosen
    .filter((c) => c.judgements === null && c.children.length > 0)
    .map((c) => ({ id: c.summary.id, historySeq: index.facts(c.summary.id)?.historySeq }));
  const read = toRead.length > 0 && store.auditJudgements ? await store.auditJudgements(toRead) : new Map<string, ConferenceJudgements>();

  const rows: AuditRow[] = [];
  for (const { summary, children, judgements } of chosen) {
    const { views, missing } = judgements ?? read.get(summary.id) ?? NO_JUDGEMENTS;
    for (const child of children) {
      const indexed = summary.children.find((c) => c.id === child.childId);
      const identity: Appearance = {
        conferenceId: summary.id,
        childId: child.childId,
        type: child.conferenceType,
        date: child.conferenceDate,
        name: child.childName,
        caseNumber: child.caseNumber,
        dateOfBirth: indexed?.dateOfBirth ?? '',
        outcome: child.outcome,
        planStatus: indexed?.planStatus ?? '',
      };
      // Coming back depends on every other conference, so it is always worked out afresh from the index.
      rows.push({ ...child, judgements: views.filter((j) => j.childId === child.childId), judgementsMissing: missing, cameBack: cameBack.cameBack(identity) });
    }
  }
  rows.sort(cohortOrder);
  const message =
    rows.length === 0
      ? `No child left an initial conference (or was new to conference at a review) without a child protection plan between ${formatUkDate(period.from)} and ${formatUkDate(period.to)}.${unreadable > 0 ? '' : ' Choose another period to audit.'}`
      : null;
  const source: CohortSource = {
    window: index.window,
    conferences: chosen.filter((c) => c.children.length > 0).map((c) => ({ id: c.summary.id, historySeq: index.facts(c.summary.id)?.historySeq })),
    today,
    rules,
    stableUntil: stableUntil ?? '9999-12-31',
  };
  return { answer: { rows, total: rows.length, unreadable, message }, source };
}
