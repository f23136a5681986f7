import { copyFile, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { StoreProblem } from '../../../domain/api/contract';
import type { ConferenceRecord } from '../../../domain/record/conference';
import { openJson, sealJson } from '../../../main/services/store/crypto';
import { roles } from '../../../main/services/store/paths';
import { readVaultFile, unwrapDataKey } from '../../../main/services/store/vault-file';
import { ASHDOWN, createConference, expectFailure, flipByte, harness, openStore, PASSPHRASE, tempDir, type Harness } from './helpers';

/**
 * Someone with write access to the data folder but no passphrase puts files back to an earlier
 * state, or removes a conference together with the index lines that name it. The head of the
 * store is anchored outside the folder (here in memory, as the app's keychain or config-folder
 * anchor would hold it), so each of these is reported instead of accepted in silence.
 */

class MemoryAnchor {
  bytes: Buffer | null = null;
  read = (): Promise<Buffer | null> => Promise.resolve(this.bytes === null ? null : Buffer.from(this.bytes));
  write = (bytes: Buffer): Promise<void> => {
    this.bytes = Buffer.from(bytes);
    return Promise.resolve();
  };
}

type Unlocked = { problems: StoreProblem[] };
const NAMES = /Ruby|Tobias|Ashdown|Ottoline|Fairbrother/;
const OTHER = { type: 'review' as const, date: '2025-04-01', children: [{ name: 'Ottoline Fairbrother' }] };

async function anchored(): Promise<{ h: Harness; anchor: MemoryAnchor }> {
  const anchor = new MemoryAnchor();
  return { h: await openStore({ headAnchor: anchor }), anchor };
}

const doc = (h: Harness, id: string) => join(h.dir, 'conferences', `${id}.enc`);
const log = (h: Harness, id: string) => join(h.dir, 'history', `${id}.log`);
const section = (text: string) => ({ risk: { kind: 'single', values: { harm: text } } });

async function unlockProblems(h: Harness): Promise<StoreProblem[]> {
  return (await h.ok<Unlocked>('vault.unlock', { passphrase: PASSPHRASE })).problems;
}

async function saveTwice(h: Harness, record: ConferenceRecord): Promise<void> {
  await h.ok('conferences.save', { id: record.id, baseRevision: 1, sections: section('First worry noted.') });
  await h.ok('conferences.save', { id: record.id, baseRevision: 2, sections: section('Second worry noted.') });
}

describe('a single conference put back to an earlier version (its old file and old history copied back)', () => {
  it('is reported at unlock and on open, by id and date only, and is not saved over', async () => {
    const { h } = await anchored();
    const record = await createConference(h, { ...ASHDOWN, date: '2025-03-07' });
    const aside = await tempDir();
    await copyFile(doc(h, record.id), join(aside, 'old.enc'));
    await copyFile(log(h, record.id), join(aside, 'old.log'));
    await saveTwice(h, record);
    await h.ok('vault.lock');
    await copyFile(join(aside, 'old.enc'), doc(h, record.id));
    await copyFile(join(aside, 'old.log'), log(h, record.id));

    const found = await unlockProblems(h);
    expect(found.map((p) => [p.conferenceId, p.kind])).toEqual([[record.id, 'rolledBack']]);
    expect(found[0]?.message).toContain('07/03/2025');
    expect(found[0]?.message).not.toMatch(NAMES);

    const opened = await h.ok<{ problems: StoreProblem[] }>('conferences.get', { id: record.id });
    expect(opened.problems.map((p) => [p.conferenceId, p.kind])).toEqual([[record.id, 'rolledBack']]);

    // Saving over it would drop the newer history for good: refused, nothing written.
    const before = await readFile(doc(h, record.id));
    await expectFailure(h.call('conferences.save', { id: record.id, baseRevision: 1, sections: section('Typed later.') }), 'TAMPERED');
    expect((await readFile(doc(h, record.id))).equals(before)).toBe(true);

    // Still reported at the next unlock: the index keeps the newer revision.
    await h.ok('vault.lock');
    expect((await unlockProblems(h)).map((p) => p.kind)).toEqual(['rolledBack']);
  });

  it('is reported on open even when only the file changed after unlock', async () => {
    const { h } = await anchored();
    const record = await createConference(h);
    const aside = await tempDir();
    await copyFile(doc(h, record.id), join(aside, 'old.enc'));
    await copyFile(log(h, record.id), join(aside, 'old.log'));
    await saveTwice(h, record);
    await copyFile(join(aside, 'old.enc'), doc(h, record.id));
    await copyFile(join(aside, 'old.log'), log(h, record.id));
    const opened = await h.ok<{ problems: StoreProblem[] }>('conferences.get', { id: record.id });
    expect(opened.problems.map((p) => p.kind)).toEqual(['rolledBack']);
  });
});

describe('a conference removed together with the index journal lines that name it', () => {
  it('is reported when the lines were the last ones (the journal cut back)', async () => {
    const { h } = await anchored();
    await createConference(h);
    await h.ok('vault.lock');
    await unlockProblems(h); // folds the journal: the next conference lives only in journal lines
    const removed = await createConference(h, OTHER);
    await h.ok('vault.lock');
    await rm(doc(h, removed.id));
    await rm(log(h, removed.id));
    const journal = (await readFile(join(h.dir, 'index.journal'), 'latin1')).split('\n');
    expect(journal).toHaveLength(3); // intent, entry, and the empty string after the last newline
    await writeFile(join(h.dir, 'index.journal'), '');

    const found = await unlockProblems(h);
    expect(found.map((p) => [p.conferenceId, p.kind])).toEqual([[null, 'rolledBack']]);
    expect(found[0]?.message).not.toMatch(NAMES);
  });

  it('is reported when the lines were in the middle (the journal chain broken)', async () => {
    const { h } = await anchored();
    await createConference(h);
    await h.ok('vault.lock');
    await unlockProblems(h);
    const removed = await createConference(h, OTHER);
    const kept = await createConference(h, { ...ASHDOWN, date: '2025-02-02' });
    await h.ok('vault.lock');
    await rm(doc(h, removed.id));
    await rm(log(h, removed.id));
    const lines = (await readFile(join(h.dir, 'index.journal'), 'latin1')).split('\n');
    expect(lines).toHaveLength(5);
    await writeFile(join(h.dir, 'index.journal'), lines.slice(2).join('\n'));

    const found = await unlockProblems(h);
    expect(found.length).toBeGreaterThan(0);
    expect(found.every((p) => p.conferenceId === null && !NAMES.test(p.message))).toBe(true);
    const listed = await h.ok<{ conferences: { id: string }[] }>('conferences.list');
    expect(listed.conferences.map((c) => c.id)).toContain(kept.id);
  });
});

describe('an older index snapshot restored', () => {
  async function withOldIndex(keepJournal: boolean): Promise<StoreProblem[]> {
    const { h } = await anchored();
    await createConference(h);
    await h.ok('vault.lock');
    await unlockProblems(h);
    await h.ok('vault.lock');
    const aside = await tempDir();
    await copyFile(join(h.dir, 'index.enc'), join(aside, 'index.enc'));
    await copyFile(join(h.dir, 'index.journal'), join(aside, 'index.journal'));
    await unlockProblems(h);
    const removed = await createConference(h, OTHER);
    await h.ok('vault.lock');
    await unlockProblems(h); // folded into a newer snapshot
    await h.ok('vault.lock');
    await rm(doc(h, removed.id));
    await rm(log(h, removed.id));
    await copyFile(join(aside, 'index.enc'), join(h.dir, 'index.enc'));
    if (keepJournal) await copyFile(join(aside, 'index.journal'), join(h.dir, 'index.journal'));
    else await rm(join(h.dir, 'index.journal'));
    return unlockProblems(h);
  }

  it('is reported (with its journal)', async () => {
    expect((await withOldIndex(true)).map((p) => [p.conferenceId, p.kind])).toEqual([[null, 'rolledBack']]);
  });

  it('is reported (without a journal)', async () => {
    expect((await withOldIndex(false)).map((p) => [p.conferenceId, p.kind])).toEqual([[null, 'rolledBack']]);
  });

  it('is still reported at the next unlock, until someone has looked into it', async () => {
    const { h } = await anchored();
    await createConference(h);
    await h.ok('vault.lock');
    const aside = await tempDir();
    await copyFile(join(h.dir, 'index.enc'), join(aside, 'index.enc'));
    await unlockProblems(h);
    await createConference(h, OTHER);
    await h.ok('vault.lock');
    await unlockProblems(h);
    await h.ok('vault.lock');
    await copyFile(join(aside, 'index.enc'), join(h.dir, 'index.enc'));
    await rm(join(h.dir, 'index.journal'));
    expect((await unlockProblems(h)).map((p) => p.kind)).toEqual(['rolledBack']);
    await h.ok('vault.lock');
    expect((await unlockProblems(h)).map((p) => p.kind)).toEqual(['rolledBack']);
    await h.store.acknowledgeRollback();
    await h.ok('vault.lock');
    expect(await unlockProblems(h)).toEqual([]);
  });
});

describe('an older index snapshot restored when nothing else changed since', () => {
  it('is reported until acknowledged, then the store carries on quietly', async () => {
    const { h } = await anchored();
    await createConference(h);
    await h.ok('vault.lock');
    await unlockProblems(h); // folded: the snapshot now holds the first conference
    await h.ok('vault.lock');
    const aside = await tempDir();
    await copyFile(join(h.dir, 'index.enc'), join(aside, 'index.enc'));
    await unlockProblems(h);
    const removed = await createConference(h, OTHER);
    await h.ok('vault.lock');
    await unlockProblems(h); // a later snapshot
    await h.ok('vault.lock');
    await rm(doc(h, removed.id));
    await rm(log(h, removed.id));
    // The earlier snapshot, consistent with the files left: nothing in the folder needs folding.
    await copyFile(join(aside, 'index.enc'), join(h.dir, 'index.enc'));
    await writeFile(join(h.dir, 'index.journal'), '');
    expect((await unlockProblems(h)).map((p) => p.kind)).toEqual(['rolledBack']);
    await h.store.acknowledgeRollback();
    await h.ok('vault.lock');
    expect(await unlockProblems(h)).toEqual([]);
    await h.ok('vault.lock');
    expect(await unlockProblems(h)).toEqual([]);
  });
});

describe('ordinary use and crashes are not mistaken for a rollback', () => {
  it('says nothing across saves, unlocks and checkpoints', async () => {
    const { h } = await anchored();
    const record = await createConference(h);
    await saveTwice(h, record);
    await h.ok('vault.lock');
    expect(await unlockProblems(h)).toEqual([]);
    await h.ok('conferences.save', { id: record.id, baseRevision: 3, sections: section('Third.') });
    await h.ok('vault.lock');
    expect(await unlockProblems(h)).toEqual([]);
  });

  it('says nothing when the anchor is missing (first run, or a new computer) and records it', async () => {
    const { h, anchor } = await anchored();
    await createConference(h);
    await h.ok('vault.lock');
    anchor.bytes = null;
    expect(await unlockProblems(h)).toEqual([]);
    expect(anchor.bytes).not.toBeNull();
  });

  it('says nothing when the anchor lags one save behind the folder (killed between the two writes)', async () => {
    const { h, anchor } = await anchored();
    const record = await createConference(h);
    const lagging = anchor.bytes;
    await h.ok('conferences.save', { id: record.id, baseRevision: 1, sections: section('Typed just before the kill.') });
    await h.ok('vault.lock');
    anchor.bytes = lagging;
    expect(await unlockProblems(h)).toEqual([]);
  });

  it('says nothing when the anchor lags one checkpoint behind', async () => {
    const { h, anchor } = await anchored();
    await createConference(h);
    await h.ok('vault.lock');
    const lagging = anchor.bytes;
    await unlockProblems(h); // checkpoint: the snapshot counter moves on
    await h.ok('vault.lock');
    anchor.bytes = lagging;
    expect(await unlockProblems(h)).toEqual([]);
  });

  it('treats an anchor it cannot authenticate (another store’s, or damaged) as missing', async () => {
    const { h, anchor } = await anchored();
    await createConference(h);
    await h.ok('vault.lock');
    const other = harness(await tempDir(), { headAnchor: anchor });
    await other.ok('vault.create', { passphrase: PASSPHRASE });
    await other.ok('vault.lock');
    expect(await unlockProblems(h)).toEqual([]);
  });
});

describe('a same-size change inside a conference file', () => {
  it('is found at unlock, not only when that conference is opened', async () => {
    const h = await openStore();
    const damaged = await createConference(h, { ...ASHDOWN, date: '2025-03-07' });
    await createConference(h, OTHER);
    await h.ok('vault.lock');
    await flipByte(doc(h, damaged.id));
    const found = await unlockProblems(h);
    expect(found.map((p) => [p.conferenceId, p.kind])).toEqual([[damaged.id, 'corrupt']]);
    expect(found[0]?.message).not.toMatch(NAMES);
  });
});

describe('what a kill or an older version of the app leaves behind', () => {
  it('a checkpoint killed between its snapshot and its journal reset: the folded lines are recognised, not reported', async () => {
    const { h } = await anchored();
    const record = await createConference(h);
    await h.ok('conferences.save', { id: record.id, baseRevision: 1, sections: section('Noted.') });
    await h.ok('vault.lock');
    const journal = await readFile(join(h.dir, 'index.journal'));
    expect(journal.length).toBeGreaterThan(0);
    await unlockProblems(h); // folds: new snapshot, then an empty journal
    await h.ok('vault.lock');
    await writeFile(join(h.dir, 'index.journal'), journal); // as if killed before the reset
    expect(await unlockProblems(h)).toEqual([]);
    const { conference } = await h.ok<{ conference: ConferenceRecord }>('conferences.get', { id: record.id });
    expect(conference.revision).toBe(2);
  });

  it('a store written before chaining (format-1 index, unchained journal) opens quietly and is protected from then on', async () => {
    const { h, anchor } = await anchored();
    const first = await createConference(h);
    await h.ok('vault.lock');
    await unlockProblems(h); // folded into the snapshot
    await h.ok('vault.lock');
    // Rewrite the index as the previous version of the app wrote it; that version kept no head.
    anchor.bytes = null;
    const vault = await readVaultFile(join(h.dir, 'vault.json'));
    if (vault === null) throw new Error('no vault');
    const key = await unwrapDataKey(vault, PASSPHRASE);
    const snapshot = openJson(key, await readFile(join(h.dir, 'index.enc')), roles.index) as { entries: { summary: unknown; bytes: number }[] };
    const entries = snapshot.entries.map(({ summary, bytes }) => ({ summary, bytes }));
    expect(entries).toHaveLength(1);
    await writeFile(join(h.dir, 'index.enc'), sealJson(key, { format: 1, entries }, roles.index));
    const line = sealJson(key, { t: 'entry', entry: entries[0] }, roles.indexJournal).toString('base64');
    await writeFile(join(h.dir, 'index.journal'), `${line}\n`);
    key.fill(0);

    expect(await unlockProblems(h)).toEqual([]);
    const listed = await h.ok<{ conferences: { id: string }[] }>('conferences.list');
    expect(listed.conferences.map((c) => c.id)).toEqual([first.id]);
    await h.ok('vault.lock');
    expect(await unlockProblems(h)).toEqual([]);

    // From now on a copied-back older version is caught.
    const aside = await tempDir();
    await copyFile(doc(h, first.id), join(aside, 'old.enc'));
    await copyFile(log(h, first.id), join(aside, 'old.log'));
    await saveTwice(h, first);
    await h.ok('vault.lock');
    await copyFile(join(aside, 'old.enc'), doc(h, first.id));
    await copyFile(join(aside, 'old.log'), log(h, first.id));
    expect((await unlockProblems(h)).map((p) => [p.conferenceId, p.kind])).toEqual([[first.id, 'rolledBack']]);
  });
});
