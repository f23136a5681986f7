import { readFile, writeFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { apiContract, OPERATION_NAMES, type OperationName } from '../../../domain/api/contract';
import type { ConferenceRecord } from '../../../domain/record/conference';
import type { Signatures } from '../../../domain/signoff/schemas';
import { canonicalHash } from '../../../main/services/store/canonical';
import { openJson, sealJson } from '../../../main/services/store/crypto';
import { roles } from '../../../main/services/store/paths';
import { readVaultFile, unwrapDataKey } from '../../../main/services/store/vault-file';
import { createConference, openStore, PASSPHRASE, type Harness } from '../../unit/store/helpers';
import { CHAIR, enterWhitfield } from './ready';

/**
 * Once signed, a conference is locked by the service: every operation that names a
 * conference is tried against a signed one, with inputs a page (or a hostile caller) might
 * send, and the record's hash and its files on disk must not move. Addenda are the one way to
 * add to it, and they too leave the record itself exactly as signed.
 */

async function snapshot(h: Harness, id: string) {
  const { conference } = await h.ok<{ conference: ConferenceRecord }>('conferences.get', { id });
  return {
    recordHash: canonicalHash(conference),
    document: await readFile(h.store.paths.conference(id)),
    history: await readFile(h.store.paths.history(id)),
  };
}

/** Plausible inputs for each operation that takes a conference id; a new such operation without an entry fails the test. */
function attemptsFor(operation: OperationName, record: ConferenceRecord): unknown[] {
  const id = record.id;
  const decision = record.sections['decision'];
  const risk = { kind: 'single', values: { harm: 'Rewritten after signing.' } };
  switch (operation) {
    case 'conferences.get':
    case 'conferences.history':
    case 'conferences.signatures':
    case 'audit.judgements': // reads only; a judgement (audit.judge) never touches the record either
      return [{ id }];
    case 'conferences.save':
      return [
        { id, baseRevision: record.revision, sections: { risk } },
        { id, baseRevision: record.revision - 1, sections: { risk } },
        { id, baseRevision: record.revision, sections: {} },
        { id, baseRevision: record.revision, sections: decision ? { decision } : {} },
        { id, baseRevision: record.revision + 1, sections: { children: { kind: 'list', items: [] } } },
      ];
    case 'conferences.sign':
      return [{ id, baseRevision: record.revision }, { id, baseRevision: record.revision - 1 }];
    case 'conferences.addendum':
      return [{ id, reason: 'Leo’s date of birth was recorded wrongly.', text: 'Leo was born on 03/04/2024, not 04/03/2024.' }];
    case 'conferences.export':
      return (['full-minutes', 'family-copy', 'decision-letter', 'actions'] as const).map((document) => ({ id, document, format: 'docx' }));
    // Issue 8: each child's letter (none written here: refused, nothing changes), and the desktop app's folder export.
    case 'conferences.exportChildLetter': {
      const children = record.sections['children'];
      const ids = children?.kind === 'list' ? children.items.map((item) => item.id) : [];
      return ids.flatMap((childId) => [{ id, childId, format: 'pdf' }, { id, childId, format: 'docx' }]);
    }
    case 'exports.saveToFolder':
      return [{ id, document: 'full-minutes', format: 'pdf' }, { id, document: 'child-letter', childId: id, format: 'docx' }];
    // accuracy review: after the final signature the review is closed; reading it changes nothing
    case 'review.get':
      return [{ id }];
    case 'review.approveDraft':
      return [{ id, baseRevision: record.revision }];
    case 'review.addRecipient':
      return [{ id, recipient: { name: 'PC Ryan Holt', organisation: 'Police', email: 'ryan.holt@police.example.gov.uk', document: 'full-minutes', sentOn: '2026-01-20' } }];
    case 'review.copy':
    case 'review.letter':
      return [{ id, recipientId: '0b7a4c1e-2f3d-4e5f-8a9b-0c1d2e3f4a5b', format: 'docx' }].map((input) => (operation === 'review.copy' ? { id: input.id, recipientId: input.recipientId } : input));
    case 'review.noComments':
      return [{ id, recipientId: '0b7a4c1e-2f3d-4e5f-8a9b-0c1d2e3f4a5b', on: '2026-01-30' }];
    case 'review.import':
      return [{ id, recipientId: '0b7a4c1e-2f3d-4e5f-8a9b-0c1d2e3f4a5b', base64: Buffer.from('PK').toString('base64') }];
    case 'review.decide':
      return [{ id, returnId: '0b7a4c1e-2f3d-4e5f-8a9b-0c1d2e3f4a5b', itemId: 'c-1', status: 'accepted', reason: '' }];
    // lease9: "being edited by …" holds nothing in the record
    case 'conferences.editLease':
      return (['hold', 'look', 'release'] as const).map((action) => ({ id, action }));
    // offline9: a version kept on this computer that the team server refused (a local store keeps none)
    case 'team.keptChanges':
      return [{ id }];
    case 'team.resolveKept':
      return (['send', 'discard'] as const).map((action) => ({ id, action }));
    default:
      throw new Error(`No attempts written for ${operation}: add some to this test.`);
  }
}

function takesConferenceId(operation: OperationName): boolean {
  const input = apiContract[operation].input as z.ZodType;
  return input instanceof z.ZodObject && 'id' in input.shape;
}

async function signedWhitfield(): Promise<{ h: Harness; record: ConferenceRecord }> {
  const h = await openStore();
  await h.ok('profile.set', CHAIR);
  const entered = await enterWhitfield(h);
  await h.ok('conferences.sign', { id: entered.id, baseRevision: entered.revision });
  const { conference } = await h.ok<{ conference: ConferenceRecord }>('conferences.get', { id: entered.id });
  return { h, record: conference };
}

describe('a signed conference is locked', () => {
  it('no operation that names the conference changes the signed record (addenda add beside it)', async () => {
    const { h, record } = await signedWhitfield();
    const operations = OPERATION_NAMES.filter(takesConferenceId);
    expect(operations).toEqual(expect.arrayContaining(['conferences.save', 'conferences.sign', 'conferences.addendum', 'conferences.export']));
    for (const operation of operations) {
      for (const input of attemptsFor(operation, record)) {
        const before = await snapshot(h, record.id);
        const result = await h.call(operation, input);
        const after = await snapshot(h, record.id);
        expect(after.recordHash, `${operation} ${JSON.stringify(input)}`).toBe(before.recordHash);
        if (operation === 'conferences.addendum') {
          expect(result.ok).toBe(true);
          continue; // its files grow by the addendum, by design; the record above did not move
        }
        expect(after.document.equals(before.document), `${operation} rewrote the document`).toBe(true);
        expect(after.history.equals(before.history), `${operation} appended to the history`).toBe(true);
      }
    }
    const refused = await h.call('conferences.save', { id: record.id, baseRevision: record.revision, sections: { risk: { kind: 'single', values: { harm: 'x' } } } });
    expect(refused).toMatchObject({ ok: false, error: { code: 'SIGNED' } });
    if (!refused.ok) expect(refused.error.message).toContain('Corrections are made as a signed addendum');
  });

  it('signing is refused, with the reason, when the minutes are not ready', async () => {
    const h = await openStore();
    await h.ok('profile.set', CHAIR);
    const bare = await createConference(h);
    const before = await readFile(h.store.paths.conference(bare.id));
    const result = await h.call('conferences.sign', { id: bare.id, baseRevision: bare.revision });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('NOT_READY');
      expect(result.error.message).toMatch(/^The minutes cannot be signed yet: \d+ items still need finishing \(see “Ready to sign\?”\)\. Nothing has been signed\.$/);
    }
    expect((await readFile(h.store.paths.conference(bare.id))).equals(before)).toBe(true);
  });

  it('signing without a chair profile is refused and says where to set it', async () => {
    const h = await openStore();
    const entered = await enterWhitfield(h);
    const result = await h.call('conferences.sign', { id: entered.id, baseRevision: entered.revision });
    expect(result).toMatchObject({ ok: false, error: { code: 'NO_PROFILE' } });
  });

  it('records the signature in the history and verifies each version', async () => {
    const { h, record } = await signedWhitfield();
    await h.ok('conferences.addendum', { id: record.id, reason: 'A wrong date.', text: 'The review is on 09/04/2026.' });
    const history = await h.ok<{ entries: { action: string; actor: string }[]; intact: boolean }>('conferences.history', { id: record.id });
    expect(history.intact).toBe(true);
    expect(history.entries.map((e) => e.action).slice(-2)).toEqual(['signed', 'addendum']);
    expect(history.entries.at(-2)?.actor).toContain(CHAIR.name);
    const signatures = await h.ok<Signatures>('conferences.signatures', { id: record.id });
    expect(signatures.intact).toBe(true);
    expect(signatures.versions.map((v) => [v.version, v.kind, v.valid])).toEqual([
      [1, 'minutes', true],
      [2, 'addendum', true],
    ]);
    expect(signatures.versions[0]?.verificationCode).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
    // Still verifies after locking and unlocking (read back from disk).
    await h.ok('vault.lock');
    await h.ok('vault.unlock', { passphrase: PASSPHRASE });
    expect((await h.ok<Signatures>('conferences.signatures', { id: record.id })).intact).toBe(true);
  });
});

describe('tampered signed versions are reported', () => {
  /** Someone holding the data key rewrites the document: what no outsider can do, and still caught. */
  async function reseal(h: Harness, id: string, change: (doc: { signed: { versions: { statement: Record<string, unknown> }[]; addenda: { text: string }[] } }) => void) {
    const key = await dataKeyOf(h);
    const path = h.store.paths.conference(id);
    const doc = openJson(key, await readFile(path), roles.conference(id)) as Parameters<typeof change>[0];
    change(doc);
    await writeFile(path, sealJson(key, doc, roles.conference(id)));
  }

  it('an altered signer, a removed version or an altered addendum each fail verification, and export refuses', async () => {
    for (const change of [
      (doc: Parameters<Parameters<typeof reseal>[2]>[0]) => {
        doc.signed.versions[0]!.statement['signedAt'] = '2026-01-16T09:00:00.000Z';
      },
      (doc: Parameters<Parameters<typeof reseal>[2]>[0]) => {
        doc.signed.addenda[0]!.text = 'Something the chair never signed.';
      },
      (doc: Parameters<Parameters<typeof reseal>[2]>[0]) => {
        doc.signed.versions.splice(0, 1);
      },
    ]) {
      const { h, record } = await signedWhitfield();
      await h.ok('conferences.addendum', { id: record.id, reason: 'A wrong date.', text: 'The review is on 09/04/2026.' });
      await reseal(h, record.id, change);
      const signatures = await h.ok<Signatures>('conferences.signatures', { id: record.id });
      expect(signatures.intact).toBe(false);
      expect(signatures.versions.some((v) => !v.valid && v.problem !== null)).toBe(true);
      const exported = await h.call('conferences.export', { id: record.id, document: 'family-copy', format: 'docx' });
      expect(exported).toMatchObject({ ok: false, error: { code: 'TAMPERED' } });
    }
  });

  it('a changed byte in the signed document is reported as damaged, not read', async () => {
    const { h, record } = await signedWhitfield();
    const path = h.store.paths.conference(record.id);
    const bytes = await readFile(path);
    bytes[bytes.length - 10] = (bytes[bytes.length - 10] ?? 0) ^ 0x01;
    await writeFile(path, bytes);
    const result = await h.call('conferences.signatures', { id: record.id });
    expect(result).toMatchObject({ ok: false, error: { code: 'CORRUPT' } });
  });
});

/** The data key, unwrapped with the passphrase as the store itself does: what only someone holding both can use. */
async function dataKeyOf(h: Harness): Promise<Buffer> {
  const vault = await readVaultFile(h.store.paths.vault);
  if (vault === null) throw new Error('No vault.');
  return unwrapDataKey(vault, PASSPHRASE);
}
