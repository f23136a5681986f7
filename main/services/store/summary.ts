import { cohortChildIds } from '../../../domain/audit/cohort';
import { AUDIT_FACTS_VERSION, type IndexedAuditFacts, type JudgementFacts } from '../../../domain/audit/facts';
import { recordAuditFacts } from '../../../domain/audit/indicators';
import { localRulesKey, summarise as summariseWith, type ConferenceSummary } from '../../../domain/record/summary';
import { DEFAULT_LOCAL_SETTINGS, type LocalSettings } from '../../../domain/rules/local-settings';
import type { SignedBlock } from '../signing/signed-block';
import type { ConferenceRecord } from '../../../domain/record/conference';
import { templateForRecord } from '../../../templates/conference-templates';
import { reviewDueDates } from '../../../domain/review/circulation';
import type { ReviewBlock } from '../review/review-block';

/**
 * The index entry for a record, read through the template it was written under and counted
 * under the council's local rules (the defaults when none are given). The domain's
 * summarise takes the template as an argument (domain/ must not import templates/); this binds it.
 */
export function summarise(record: ConferenceRecord, local?: LocalSettings, signed?: SignedBlock, review?: ReviewBlock): ConferenceSummary {
  // The latest signed version names the conference as signed in the list; the exports' footers name the same one.
  const latest = signed?.versions.at(-1)?.statement;
  return summariseWith(record, templateForRecord(record), local, latest ? { version: latest.version, signedAt: latest.signedAt } : undefined, reviewDue(review));
}

/** What the list needs of the accuracy review: its due dates, counting only copies of the latest approved draft. */
export function reviewDue(review: ReviewBlock | undefined): ConferenceSummary['review'] {
  if (review === undefined) return undefined;
  return reviewDueDates(review.recipients, review.returns, review.drafts.length);
}

/** Everything a conference's index entry is built from. */
export interface ConferenceIndexInput {
  record: ConferenceRecord;
  /** The council's local rules, for the readiness count (the defaults when not given). */
  local?: LocalSettings;
  /** The signed versions, if the minutes are signed. */
  signed?: SignedBlock;
  /** The agencies' accuracy review, for the list's overdue lines (the local store; the team store keeps it in its own rows). */
  review?: ReviewBlock;
  /** Whether the signed versions verified when this entry was made (true for versions this app has just signed). */
  signaturesIntact?: boolean;
  /** The local store's judgements as checked against the history; the team store reads its own (absent). */
  judgements?: JudgementFacts;
  /** The team store: this revision's own history entry (see IndexedAuditFacts.historySeq). */
  historySeq?: number;
}

/**
 * A conference's index entry: the list's summary and the manager's audit facts, worked out
 * together from the record. The one function that builds them, for both stores and for any
 * bulk loader (a benchmark's seeding, an import), so that an entry made any other way cannot
 * disagree with what a save would have kept.
 */
export function summariseConference(input: ConferenceIndexInput): { summary: ConferenceSummary; audit: IndexedAuditFacts } {
  const { record, signed } = input;
  const template = templateForRecord(record);
  return {
    summary: summarise(record, input.local, signed, input.review),
    audit: {
      version: AUDIT_FACTS_VERSION,
      revision: record.revision,
      record: recordAuditFacts(record, cohortChildIds(record), template, input.local ?? DEFAULT_LOCAL_SETTINGS),
      signOff: { signedAt: signed?.versions[0]?.statement.signedAt ?? null, intact: input.signaturesIntact ?? true },
      ...(input.judgements ? { judgements: input.judgements } : {}),
      ...(input.historySeq !== undefined ? { historySeq: input.historySeq } : {}),
    },
  };
}

/**
 * The list entry as shown: a readiness count made under other local rules than the council's
 * current ones is left out (the list says "Open to check") rather than shown as current.
 */
const DEFAULT_RULES_KEY = localRulesKey(DEFAULT_LOCAL_SETTINGS);

export function withCurrentReadiness(summary: ConferenceSummary, local: LocalSettings): ConferenceSummary {
  // Entries from before the key was kept were counted under the default rules.
  if ((summary.readiness?.rules ?? DEFAULT_RULES_KEY) === localRulesKey(local)) return summary;
  const { readiness: _stale, ...rest } = summary;
  return rest;
}
