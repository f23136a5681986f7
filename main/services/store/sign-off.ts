import { ApiFailure } from '../../../domain/api/result';
import type { LocalSettings } from '../../../domain/rules/local-settings';
import { assessReadiness } from '../../../domain/rules/readiness';
import { ConferenceRecordSchema, type ConferenceRecord } from '../../../domain/record/conference';
import { indexEntryAfterWrite } from './index-entry';
import type { Addendum, SignedVersionView, Signatures } from '../../../domain/signoff/schemas';
import { purgeRemovedChildren } from '../../../domain/signoff/purge';
import { templateForRecord } from '../../../templates/conference-templates';
import type { ChairProfileStore } from '../signing/chair-profile-store';
import type { SignedBlock } from '../signing/signed-block';
import {
  checkChain,
  checkSignature,
  signStatement,
  verificationCode,
  versionHash,
  type SignedStatement,
  type SignedVersion,
} from '../signing/signed-version';
import { canonicalHash, canonicalJson } from './canonical';
import type { LoadedConference } from './conference-file';
import { isSigned, signedFailure, type ConferenceContext, type Conferences } from './conferences';
import { nextEntry, recordHash } from './history';

/**
 * Sign-off and addenda. Both are ordinary commits of the conference document (conferences.ts
 * write order: intent → document → history → index), because the signed versions live INSIDE
 * the document, beside the record and its history entry. So the crash argument is the save's:
 * before the document's rename nothing is signed; after it, the record, its signed versions and
 * the 'signed' (or 'addendum') entry are on disk together, and the history line that may be
 * missing is completed from the document exactly as for a save. A separate signatures file
 * would need its own recovery rule for a signature without its record (or the reverse); this
 * needs none. The list only grows: each new document carries every earlier version unchanged,
 * each version names the previous one's hash (checkChain), and the history entry of each
 * records that version's hash — so a version removed or replaced, even by someone holding the
 * data key, no longer matches the history and is reported by `signatures`.
 */

export interface SignOffContext extends ConferenceContext {
  conferences: Conferences;
  profile: ChairProfileStore;
  localSettings: () => LocalSettings;
}

/** What an addendum version's `recordHash` commits to: the locked record and the addendum's words. */
export function addendumHash(lockedRecordHash: string, addendum: Addendum): string {
  return canonicalHash({ recordHash: lockedRecordHash, addendum });
}

const PROBLEMS: Record<string, string> = {
  'bad-signature': 'Its signature does not match what it says: the signed details have been altered.',
  'key-mismatch': 'It names a different key from the one it was signed with.',
  malformed: 'It is not in the form a signed version takes.',
  'other-conference': 'It belongs to another conference.',
  'out-of-order': 'It is out of order: a signed version has been removed or moved.',
  'broken-link': 'It does not follow on from the version before it: an earlier version has been removed or replaced.',
  'record-changed': 'The minutes stored now are not the minutes that were signed.',
  'addendum-changed': 'The addendum stored now is not the one that was signed.',
  'not-in-history': 'The conference’s history has no record of this signature.',
};

export class SignOff {
  constructor(private readonly c: SignOffContext) {}

  async sign(id: string, baseRevision: number): Promise<{ signed: SignedVersionView; revision: number }> {
    const loaded = await this.c.conferences.loadForChange(id, { allowSigned: true });
    const { record, stored } = loaded;
    if (isSigned(stored)) throw signedFailure(stored);
    if (baseRevision !== record.revision) {
      throw new ApiFailure('CONFLICT', 'This conference was changed elsewhere since you opened it. Reload it and check it before signing; nothing has been signed.');
    }
    // The same check, with the council's settings, as the readiness panel the chair sees.
    const report = assessReadiness(templateForRecord(record), record, undefined, this.c.localSettings());
    const blocking = report.findings.filter((finding) => finding.severity === 'blocking').length;
    if (!report.ready) {
      throw new ApiFailure(
        'NOT_READY',
        `The minutes cannot be signed yet: ${blocking === 1 ? '1 item still needs' : `${blocking} items still need`} finishing (see “Ready to sign?”). Nothing has been signed.`,
      );
    }
    const { signer, privateKey } = this.c.profile.signer();
    const at = this.c.now().toISOString();
    const purged = purgeRemovedChildren(record);
    const next: ConferenceRecord = ConferenceRecordSchema.parse({ ...purged, revision: record.revision + 1, updatedAt: at });
    const hash = recordHash(next);
    const statement: SignedStatement = {
      format: 1,
      conferenceId: id,
      version: 1,
      kind: 'minutes',
      revision: next.revision,
      recordHash: hash,
      previousHash: null,
      signer,
      signedAt: at,
    };
    const version = signStatement(statement, privateKey);
    const entry = nextEntry(id, stored.entry, {
      at,
      actor: `${signer.name} (${this.c.actor})`,
      action: 'signed',
      sections: changedSections(record, next),
      revision: next.revision,
      recordHash: hash,
      signedVersionHash: versionHash(version),
    });
    await this.#commit(id, loaded, next, entry, { versions: [version], addenda: [] });
    return { signed: view(version, null, true, null), revision: next.revision };
  }

  async addendum(id: string, reason: string, text: string): Promise<{ signed: SignedVersionView }> {
    const loaded = await this.c.conferences.loadForChange(id, { allowSigned: true });
    const { record, stored } = loaded;
    const block = stored.signed;
    if (block === undefined || block.versions.length === 0) {
      throw new ApiFailure(
        'NOT_READY',
        'Addenda are for signed minutes. This conference is not signed yet, so correct the minutes themselves. Nothing has been added.',
      );
    }
    const current = await this.signatures(id);
    if (!current.intact) {
      throw new ApiFailure(
        'TAMPERED',
        `Conference ${id}: its signed versions do not verify, so no addendum can be signed onto them. Nothing has been added; report this to your information governance lead.`,
      );
    }
    const { signer, privateKey } = this.c.profile.signer();
    const at = this.c.now().toISOString();
    const previous = block.versions.at(-1) as SignedVersion;
    const number = block.versions.length + 1;
    const addendum: Addendum = { version: number, reason, text, author: signer.name, at };
    const locked = recordHash(record);
    const version = signStatement(
      {
        format: 1,
        conferenceId: id,
        version: number,
        kind: 'addendum',
        revision: record.revision,
        recordHash: addendumHash(locked, addendum),
        previousHash: versionHash(previous),
        signer,
        signedAt: at,
      },
      privateKey,
    );
    const entry = nextEntry(id, stored.entry, {
      at,
      actor: `${signer.name} (${this.c.actor})`,
      action: 'addendum',
      sections: [],
      revision: record.revision,
      recordHash: locked,
      signedVersionHash: versionHash(version),
    });
    // The record itself is not touched: same revision, same hash.
    await this.#commit(id, loaded, record, entry, { versions: [...block.versions, version], addenda: [...block.addenda, addendum] });
    return { signed: view(version, addendum, true, null) };
  }

  /** Every signed version with a verdict on each: signature, chain, content, and the history's word. */
  async signatures(id: string): Promise<Signatures> {
    const { loaded, history } = await this.c.conferences.load(id);
    return verify(id, loaded, new Set(history.entries.flatMap((entry) => (entry.signedVersionHash ? [entry.signedVersionHash] : []))));
  }

  async #commit(id: string, loaded: LoadedConference, record: ConferenceRecord, entry: ReturnType<typeof nextEntry>, signed: SignedBlock): Promise<void> {
    await this.c.index.noteIntent(id);
    const stamp = await this.c.files.commit(id, loaded.db, loaded.adapter, loaded.stored.entry, { record, entry, signed });
    // Versions this app has just signed (after checking those before them) verify.
    await this.c.index.record(await indexEntryAfterWrite(this.c, id, { record, stored: { signed, judgements: loaded.stored.judgements, review: loaded.stored.review }, head: entry.hash, stamp, signaturesIntact: true }));
  }
}

/** Exported for the team store (../team/pg-store.ts), which keeps signed versions in rows of their own. */
export function verify(id: string, loaded: { record: ConferenceRecord; stored: { signed?: SignedBlock | undefined } }, inHistory: ReadonlySet<string>): Signatures {
  const block = loaded.stored.signed;
  if (block === undefined) return { versions: [], intact: true };
  const chain = checkChain(id, block.versions);
  const locked = recordHash(loaded.record);
  const versions = block.versions.map((version, index): SignedVersionView => {
    const number = index + 1;
    const addendum = block.addenda.find((a) => a.version === version.statement.version) ?? null;
    let problem: string | null = null;
    const signature = checkSignature(version);
    if (!signature.ok) problem = signature.reason;
    else if (!chain.ok && chain.version <= number) problem = chain.reason;
    else if (version.statement.kind === 'minutes' && version.statement.recordHash !== locked) problem = 'record-changed';
    else if (version.statement.kind === 'addendum' && (addendum === null || version.statement.recordHash !== addendumHash(locked, addendum))) problem = 'addendum-changed';
    else if (!inHistory.has(versionHash(version))) problem = 'not-in-history';
    return view(version, addendum, problem === null, problem === null ? null : (PROBLEMS[problem] ?? 'It does not verify.'));
  });
  return { versions, intact: chain.ok && versions.every((v) => v.valid) };
}

export function view(version: SignedVersion, addendum: Addendum | null, valid: boolean, problem: string | null): SignedVersionView {
  const { statement } = version;
  return {
    version: statement.version,
    kind: statement.kind,
    signer: { name: statement.signer.name, role: statement.signer.role, council: statement.signer.council, keyId: statement.signer.keyId },
    signedAt: statement.signedAt,
    revision: statement.revision,
    verificationCode: verificationCode(versionHash(version)),
    valid,
    problem,
    addendum,
  };
}

function changedSections(before: ConferenceRecord, after: ConferenceRecord): string[] {
  return Object.keys(after.sections)
    .filter((key) => canonicalJson(before.sections[key]) !== canonicalJson(after.sections[key]))
    .sort();
}
