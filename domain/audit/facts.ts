import type { ConferenceFacts } from '../rules/timescales';
import type { QuorumFacts } from '../rules/quorum';
import type { AuditRow, Indicator, JudgementView } from './types';

/**
 * What the store keeps about each conference for the manager's audit, so that the cohort of a
 * large council's year is worked out from the index alone (decrypted once, at unlock) instead of
 * opening every conference in it. Worked out at each save by recordAuditFacts (indicators.ts)
 * and by the store's summariseConference (main/services/store/summary.ts), which is the one
 * function that builds a conference's index entry for either store.
 *
 * Nothing kept here depends on today or on the council's local rules: the quorum and timescale
 * indicators are kept as the answers and dates they are worked out from, so a change of rules or
 * a deadline passing since the save is still seen.
 */

/** Raised whenever what is kept, or how an indicator is worked out from it, changes: older facts are then not used. */
export const AUDIT_FACTS_VERSION = 1;

/** One cohort child's row as read off the record, with the indicators that depend on the record alone. */
export interface ChildFacts {
  child: Omit<AuditRow, 'cameBack' | 'judgements' | 'judgementsMissing' | 'indicators'>;
  /** Rationale engages, harm coherent, non-plan fields, voice, dissent: in that order. */
  fixed: Indicator[];
}

/** What the conference-wide indicators are worked out from when the cohort is built. */
export interface ConferenceAuditFacts {
  attendanceRecorded: boolean;
  quorum: QuorumFacts;
  timescales: ConferenceFacts;
  /** The reason recorded for a late conference ('' when none). */
  lateReason: string;
  /** How many recipients the distribution list holds. */
  distribution: number;
  /**
   * The two deadlines the timescale indicator reads, as worked out at the save under the rules
   * named by `rules` (localRulesKey). Used only while the council's rules are still those;
   * otherwise worked out again from `timescales`. Today's date is never in it: whether the
   * minutes' deadline has passed is decided when the cohort is built.
   */
  decided?: { rules: string; conferenceLate: boolean | null; minutesDue: string | null };
}

export interface RecordAuditFacts {
  /** Only the children in the cohort (initial, or new at a review, without a plan). */
  children: ChildFacts[];
  /** Null when no child is in the cohort (nothing to work out). */
  conference: ConferenceAuditFacts | null;
}

/** A conference's judgements as the index keeps them: the views, and how many the history names that are not there. */
export interface JudgementFacts {
  views: JudgementView[];
  /** Judgements the history records that the stored copy no longer holds. */
  missing: number;
  /** The judgement hashes the history names, so a later save can carry them on without reading it again. */
  recorded: string[];
}

/** The index's audit entry for one conference. */
export interface IndexedAuditFacts {
  version: number;
  /** The revision these were worked out from: facts of another revision are not used. */
  revision: number;
  record: RecordAuditFacts;
  /** When version 1 of the minutes was signed, and whether the signed versions verified then. */
  signOff: { signedAt: string | null; intact: boolean };
  /** Absent on the team store, which reads a conference's judgements in one query instead. */
  judgements?: JudgementFacts;
  /**
   * The team store: the sequence number of this revision's own history entry. Only addenda and
   * judgements follow it, so the cohort reads just the entries after it to learn which
   * judgements the history records, instead of every entry of every conference.
   */
  historySeq?: number;
}

/** Facts usable for this summary's revision, by this version of the app. */
export function usableFacts(facts: IndexedAuditFacts | undefined, revision: number): facts is IndexedAuditFacts {
  return facts !== undefined && facts.version === AUDIT_FACTS_VERSION && facts.revision === revision;
}
