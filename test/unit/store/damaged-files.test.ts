import { DEFAULT_SETTINGS } from '../../../domain/api/contract';
import { copyFile, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { StoreProblem } from '../../../domain/api/contract';
import type { ConferenceSummary } from '../../../domain/record/summary';
import { ASHDOWN, createConference, expectFailure, flipByte, harness, openStore, PASSPHRASE } from './helpers';

type Listed = { conferences: ConferenceSummary[]; problems: StoreProblem[] };
type Unlocked = { problems: StoreProblem[] };

const NAMES = /Ruby|Tobias|Ashdown|Ottoline|Fairbrother/;

async function twoConferences() {
  const h = await openStore();
  const damaged = await createConference(h, { ...ASHDOWN, date: '2025-03-07' });
  const healthy = await createConference(h, { type: 'review', date: '2025-04-01', children: [{ name: 'Ottoline Fairbrother' }] });
  return { h, damaged, healthy, docPath: join(h.dir, 'conferences', `${damaged.id}.enc`) };
}

describe('a truncated conference file', () => {
  it('is reported at unlock by id and date only, the rest still list, and opening it fails clearly', async () => {
    const { h, damaged, healthy, docPath } = await twoConferences();
    await h.ok('vault.lock');
    const bytes = await readFile(docPath);
    await writeFile(docPath, bytes.subarray(0, Math.floor(bytes.length / 2)));

    const { problems } = await h.ok<Unlocked>('vault.unlock', { passphrase: PASSPHRASE });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ conferenceId: damaged.id, kind: 'corrupt' });
    expect(problems[0]?.message).toContain('07/03/2025');
    expect(problems[0]?.message).not.toMatch(NAMES);

    const listed = await h.ok<Listed>('conferences.list');
    expect(listed.conferences.map((c) => c.id).sort()).toEqual([damaged.id, healthy.id].sort());
    expect(listed.problems.map((p) => p.conferenceId)).toEqual([damaged.id]);
    expect((await h.ok<{ conference: { id: string } }>('conferences.get', { id: healthy.id })).conference.id).toBe(healthy.id);

    const message = await expectFailure(h.call('conferences.get', { id: damaged.id }), 'CORRUPT');
    expect(message).toMatch(/could not be read/);
    expect(message).not.toMatch(NAMES);
  });

  it('is never overwritten: a save is refused and the bytes stay as they were', async () => {
    const { h, damaged, docPath } = await twoConferences();
    const bytes = await readFile(docPath);
    const half = bytes.subarray(0, Math.floor(bytes.length / 2));
    await writeFile(docPath, half);
    await expectFailure(
      h.call('conferences.save', { id: damaged.id, baseRevision: 1, sections: { risk: { kind: 'single', values: {} } } }),
      'CORRUPT',
    );
    expect((await readFile(docPath)).equals(half)).toBe(true);
    expect((await h.ok<{ intact: boolean }>('conferences.history', { id: damaged.id })).intact).toBe(false);
  });
});

describe('a changed byte', () => {
  it('in a conference file is reported when it is opened', async () => {
    const { h, damaged, healthy, docPath } = await twoConferences();
    await flipByte(docPath);
    await expectFailure(h.call('conferences.get', { id: damaged.id }), 'CORRUPT');
    const listed = await h.ok<Listed>('conferences.list');
    expect(listed.problems.map((p) => [p.conferenceId, p.kind])).toEqual([[damaged.id, 'corrupt']]);
    expect(listed.conferences).toHaveLength(2);
    expect((await h.ok<{ problems: unknown[] }>('conferences.get', { id: healthy.id })).problems).toEqual([]);
  });

  it('in its history is reported when it is opened', async () => {
    const { h, damaged } = await twoConferences();
    await flipByte(join(h.dir, 'history', `${damaged.id}.log`), 30);
    const got = await h.ok<{ problems: StoreProblem[] }>('conferences.get', { id: damaged.id });
    expect(got.problems.map((p) => [p.conferenceId, p.kind])).toEqual([[damaged.id, 'tampered']]);
    expect((await h.ok<{ intact: boolean }>('conferences.history', { id: damaged.id })).intact).toBe(false);
  });

  it("puts nothing readable in another conference's place: a swapped-in file does not open", async () => {
    const { h, damaged, healthy, docPath } = await twoConferences();
    await copyFile(join(h.dir, 'conferences', `${healthy.id}.enc`), docPath);
    await expectFailure(h.call('conferences.get', { id: damaged.id }), 'CORRUPT');
  });
});

describe('a missing conference file', () => {
  it('is reported at unlock while the rest still list', async () => {
    const { h, damaged, docPath } = await twoConferences();
    await h.ok('vault.lock');
    await rm(docPath);
    const { problems } = await h.ok<Unlocked>('vault.unlock', { passphrase: PASSPHRASE });
    expect(problems.map((p) => [p.conferenceId, p.kind])).toEqual([[damaged.id, 'corrupt']]);
    expect(problems[0]?.message).toMatch(/missing/);
    await expectFailure(h.call('conferences.get', { id: damaged.id }), 'CORRUPT');
  });
});

describe('a damaged index', () => {
  it('is rebuilt from the conference files, keeping the damaged copy', async () => {
    const { h, damaged, healthy } = await twoConferences();
    await h.ok('vault.lock');
    await h.ok('vault.unlock', { passphrase: PASSPHRASE }); // folds the journal into index.enc
    await h.ok('vault.lock');
    await flipByte(join(h.dir, 'index.enc'));
    const { problems } = await h.ok<Unlocked>('vault.unlock', { passphrase: PASSPHRASE });
    expect(problems.map((p) => [p.conferenceId, p.kind])).toEqual([[null, 'corrupt']]);
    expect(problems[0]?.message).toMatch(/rebuilt/);
    const listed = await h.ok<Listed>('conferences.list');
    expect(listed.conferences.map((c) => c.id).sort()).toEqual([damaged.id, healthy.id].sort());
    expect((await readdir(h.dir)).some((name) => name.startsWith('index.enc.unreadable-'))).toBe(true);
    // And the rebuilt index opens cleanly next time.
    await h.ok('vault.lock');
    expect((await h.ok<Unlocked>('vault.unlock', { passphrase: PASSPHRASE })).problems).toEqual([]);
  });
});

describe('the index after a crash', () => {
  it('picks up a save whose summary never reached the index', async () => {
    const { h, damaged } = await twoConferences();
    await h.ok('vault.lock');
    await h.ok('vault.unlock', { passphrase: PASSPHRASE }); // folds the journal into the snapshot
    await h.ok('conferences.save', {
      id: damaged.id,
      baseRevision: 1,
      sections: { meeting: { kind: 'single', values: { date: '2025-03-08' } } },
    });
    // Drop the journal's last line (the summary): the app died after the history append.
    const journal = join(h.dir, 'index.journal');
    const journalLines = (await readFile(journal, 'latin1')).split('\n');
    expect(journalLines).toHaveLength(3); // intent, summary, ''
    await writeFile(journal, `${journalLines[0]}\n`, 'latin1');
    await h.ok('vault.lock');
    const restarted = harness(h.dir);
    expect((await restarted.ok<Unlocked>('vault.unlock', { passphrase: PASSPHRASE })).problems).toEqual([]);
    const listed = await restarted.ok<Listed>('conferences.list');
    expect(listed.conferences.find((c) => c.id === damaged.id)).toMatchObject({ revision: 2, conferenceDate: '2025-03-08' });
  });

  it('finds conference files the index has never seen', async () => {
    const { h, damaged, healthy } = await twoConferences();
    await h.ok('vault.lock');
    await rm(join(h.dir, 'index.enc'));
    await rm(join(h.dir, 'index.journal'));
    expect((await h.ok<Unlocked>('vault.unlock', { passphrase: PASSPHRASE })).problems).toEqual([]);
    const listed = await h.ok<Listed>('conferences.list');
    expect(listed.conferences.map((c) => c.id).sort()).toEqual([damaged.id, healthy.id].sort());
  });

  it('empties a journal that ends in a torn line, so the next append does not land after it', async () => {
    const { h, damaged } = await twoConferences();
    await h.ok('vault.lock');
    await writeFile(join(h.dir, 'index.journal'), 'Q1BDMQ'); // an append cut short, nothing complete
    expect((await h.ok<Unlocked>('vault.unlock', { passphrase: PASSPHRASE })).problems).toEqual([]);
    expect(await readFile(join(h.dir, 'index.journal'))).toHaveLength(0);
    await h.ok('conferences.save', { id: damaged.id, baseRevision: 1, sections: { risk: { kind: 'single', values: {} } } });
    await h.ok('vault.lock');
    expect((await h.ok<Unlocked>('vault.unlock', { passphrase: PASSPHRASE })).problems).toEqual([]);
  });

  it('clears temp files a crash left behind', async () => {
    const { h } = await twoConferences();
    await h.ok('vault.lock');
    await writeFile(join(h.dir, 'conferences', '.x.enc.999.abcdef.tmp'), 'partial');
    await writeFile(join(h.dir, '.index.enc.999.abcdef.tmp'), 'partial');
    await h.ok('vault.unlock', { passphrase: PASSPHRASE });
    expect((await readdir(join(h.dir, 'conferences'))).some((n) => n.endsWith('.tmp'))).toBe(false);
    expect((await readdir(h.dir)).some((n) => n.endsWith('.tmp'))).toBe(false);
  });
});

describe('damaged settings', () => {
  it('fall back to the defaults with a problem reported, and are kept aside when next changed', async () => {
    const h = await openStore();
    await h.ok('settings.update', { autoLockMinutes: 3 });
    await h.ok('vault.lock');
    await flipByte(join(h.dir, 'settings.enc'));
    const { problems } = await h.ok<Unlocked>('vault.unlock', { passphrase: PASSPHRASE });
    expect(problems.map((p) => [p.conferenceId, p.kind])).toEqual([[null, 'corrupt']]);
    expect(await h.ok('settings.get')).toEqual({ ...DEFAULT_SETTINGS, autoLockMinutes: 10 });
    expect(await h.ok('settings.update', { autoLockMinutes: 20 })).toEqual({ ...DEFAULT_SETTINGS, autoLockMinutes: 20 });
    expect((await readdir(h.dir)).filter((n) => n.startsWith('settings.enc.unreadable-'))).toHaveLength(1);
    await h.ok('vault.lock');
    expect((await h.ok<Unlocked>('vault.unlock', { passphrase: PASSPHRASE })).problems).toEqual([]);
    expect(await h.ok('settings.get')).toEqual({ ...DEFAULT_SETTINGS, autoLockMinutes: 20 });
  });
});
