import { AUDIT_FACTS_VERSION } from '../../../domain/audit/facts';
import type { HistoryEntry } from '../../../domain/api/contract';
import type { ConferenceRecord } from '../../../domain/record/conference';
import type { LocalSettings } from '../../../domain/rules/local-settings';
import type { SignedBlock } from '../signing/signed-block';
import type { ConferenceFiles, StoredConference } from './conference-file';
import type { IndexEntry, SummaryResult } from './conference-index';
import type { ConferenceContext } from './conferences';
import { readHistory } from './history';
import { judgementHashesIn, localJudgementFacts } from './judgement-schema';
import type { DataKey } from './key';
import type { StorePaths } from './paths';
import { verify } from './sign-off';
import { summariseConference } from './summary';

/**
 * The local store's index entry for a conference, with the manager's audit facts beside its
 * summary (summariseConference). Two ways in:
 *
 * - after this app writes a conference (indexEntryAfterWrite): what the history says of its
 *   judgements and whether its signed versions verified are carried on from the entry before
 *   (a save changes neither), or given by the caller that has just made them; only an entry
 *   from before the facts were kept sends it to read the history once.
 * - from a file read at unlock (entryFromFile: a conference the index distrusts, a rebuild):
 *   the history is read and everything checked, so a file changed behind the app's back —
 *   a judgement deleted from the end, a signed version altered — is indexed as it now is.
 */

export interface WrittenConference {
  record: ConferenceRecord;
  stored: { signed?: SignedBlock | undefined; judgements?: StoredConference['judgements']; review?: StoredConference['review'] };
  /** The history head just written (the document's entry hash). */
  head: string;
  stamp: Pick<IndexEntry, 'bytes' | 'ino' | 'ctimeMs'>;
  /** The history's judgement hashes, where the caller has just read or extended them. */
  recorded?: readonly string[];
  /** Whether the signed versions verify, where the caller has just made or checked them. */
  signaturesIntact?: boolean;
}

export async function indexEntryAfterWrite(c: Pick<ConferenceContext, 'index' | 'paths' | 'key' | 'localSettings'>, id: string, written: WrittenConference): Promise<IndexEntry> {
  const before = c.index.get(id)?.audit;
  const carried = before?.version === AUDIT_FACTS_VERSION ? before : undefined;
  let recorded = written.recorded ?? carried?.judgements?.recorded;
  let intact = written.signaturesIntact ?? (written.stored.signed === undefined ? true : carried?.signOff.intact);
  if (recorded === undefined || intact === undefined) {
    const { entries } = await readHistory(c.paths.history(id), c.key.get(), id);
    recorded ??= judgementHashesIn(entries);
    intact ??= signaturesVerify(id, written.record, written.stored.signed, entries);
  }
  const { summary, audit } = summariseConference({
    record: written.record,
    local: c.localSettings(),
    ...(written.stored.signed ? { signed: written.stored.signed } : {}),
    ...(written.stored.review ? { review: written.stored.review } : {}),
    signaturesIntact: intact,
    judgements: localJudgementFacts(id, written.stored.judgements ?? [], recorded),
  });
  return { summary, audit, head: written.head, ...written.stamp };
}

/** A conference file read for the index at unlock, with its history, everything checked. */
export async function entryFromFile(files: ConferenceFiles, paths: StorePaths, key: DataKey, id: string, local: LocalSettings): Promise<SummaryResult> {
  const result = await files.load(id);
  if (result.kind !== 'ok') return { kind: result.kind };
  const { record, stored } = result.conference;
  const { entries } = await readHistory(paths.history(id), key.get(), id);
  const { summary, audit } = summariseConference({
    record,
    local,
    ...(stored.signed ? { signed: stored.signed } : {}),
    ...(stored.review ? { review: stored.review } : {}),
    signaturesIntact: signaturesVerify(id, record, stored.signed, entries),
    judgements: localJudgementFacts(id, stored.judgements ?? [], judgementHashesIn(entries), entries.length > 0),
  });
  return { kind: 'ok', entry: { summary, audit, head: stored.entry.hash, ...files.stamp(id) } };
}

function signaturesVerify(id: string, record: ConferenceRecord, signed: SignedBlock | undefined, entries: readonly HistoryEntry[]): boolean {
  if (signed === undefined) return true;
  return verify(id, { record, stored: { signed } }, new Set(entries.flatMap((entry) => (entry.signedVersionHash ? [entry.signedVersionHash] : [])))).intact;
}
