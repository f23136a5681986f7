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
