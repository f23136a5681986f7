import { copyFile, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { HistoryEntry } from '../../../domain/api/contract';
import type { ConferenceRecord } from '../../../domain/record/conference';
import { chainIsValid, genesisHash, nextEntry, recordHash } from '../../../main/services/store/history';
import { createConference, FakeClock, openStore, type Harness } from './helpers';

type History = { entries: HistoryEntry[]; intact: boolean };
type Got = { conference: ConferenceRecord; problems: { kind: string; conferenceId: string | null; message: string }[] };

const ID = '6f1d3c2a-8b4e-4f7a-9c1d-2e3f4a5b6c7d';

function chain(length: number): HistoryEntry[] {
  const entries: HistoryEntry[] = [];
  for (let i = 0; i < length; i += 1) {
    entries.push(
      nextEntry(ID, entries.at(-1) ?? null, {
        at: `2025-01-0${i + 1}T10:00:00.000Z`,
        actor: 'chair',
        action: i === 0 ? 'created' : 'saved',
        sections: ['risk'],
        revision: i + 1,
        recordHash: recordHash({ revision: i + 1 }),
      }),
    );
  }
  return entries;
}

describe('the hash chain', () => {
  it('verifies an untouched chain that starts from this conference’s genesis', () => {
    const entries = chain(4);
    expect(entries[0]?.prevHash).toBe(genesisHash(ID));
    expect(chainIsValid(ID, entries)).toBe(true);
  });

  it('fails when an entry is altered, removed, reordered, or belongs to another conference', () => {
    const entries = chain(4);
    const altered = entries.map((entry, i) => (i === 1 ? { ...entry, actor: 'someone else' } : entry));
    expect(chainIsValid(ID, altered)).toBe(false);
    expect(chainIsValid(ID, [entries[0], entries[2], entries[3]] as HistoryEntry[])).toBe(false);
    expect(chainIsValid(ID, [entries[1], entries[0], entries[2]] as HistoryEntry[])).toBe(false);
    expect(chainIsValid('7a1d3c2a-8b4e-4f7a-9c1d-2e3f4a5b6c7d', entries)).toBe(false);
  });
});

async function savedTwice(): Promise<{ h: Harness; id: string; historyPath: string; docPath: string }> {
  const clock = new FakeClock();
  const h = await openStore({ now: clock.now, actor: 'Harriet Quennell (chair)' });
  const { id } = await createConference(h);
  clock.advanceMinutes(1);
  await h.ok('conferences.save', { id, baseRevision: 1, sections: { risk: { kind: 'single', values: { harm: 'first' } } } });
  clock.advanceMinutes(1);
  await h.ok('conferences.save', { id, baseRevision: 2, sections: { plan: { kind: 'perChild', perChild: {} } } });
  return { h, id, historyPath: join(h.dir, 'history', `${id}.log`), docPath: join(h.dir, 'conferences', `${id}.enc`) };
}

async function lines(path: string): Promise<string[]> {
  return (await readFile(path, 'latin1')).split('\n');
}

describe('conference history', () => {
  it('records who changed which sections and when, with hashes of the record', async () => {
    const { h, id } = await savedTwice();
    const history = await h.ok<History>('conferences.history', { id });
    expect(history.intact).toBe(true);
    expect(history.entries.map((e) => [e.seq, e.action, e.revision, e.sections, e.at])).toEqual([
      [0, 'created', 1, ['children', 'meeting'], '2025-06-02T09:00:00.000Z'],
      [1, 'saved', 2, ['risk'], '2025-06-02T09:01:00.000Z'],
      [2, 'saved', 3, ['plan'], '2025-06-02T09:02:00.000Z'],
    ]);
    expect(history.entries.every((e) => e.actor === 'Harriet Quennell (chair)')).toBe(true);
    const { conference } = await h.ok<Got>('conferences.get', { id });
    expect(history.entries.at(-1)?.recordHash).toBe(recordHash(conference));
  });

  it('completes an entry lost when the app died between writing the record and its history', async () => {
    const { h, id, historyPath } = await savedTwice();
    const all = await lines(historyPath);
    await writeFile(historyPath, `${all.slice(0, 2).join('\n')}\n`, 'latin1'); // the third entry never landed
    const got = await h.ok<Got>('conferences.get', { id });
    expect(got.problems.map((p) => [p.kind, p.conferenceId])).toEqual([['recovered', id]]);
    const history = await h.ok<History>('conferences.history', { id });
    expect(history.intact).toBe(true);
    expect(history.entries.map((e) => e.revision)).toEqual([1, 2, 3]);

    await h.ok('conferences.save', { id, baseRevision: 3, sections: { risk: { kind: 'single', values: { harm: 'second' } } } });
    expect((await h.ok<Got>('conferences.get', { id })).problems).toEqual([]);
    expect((await h.ok<History>('conferences.history', { id })).entries.map((e) => e.revision)).toEqual([1, 2, 3, 4]);
  });

  it('reports a torn final line as recovered, not tampered, and cuts it off at the next save', async () => {
    const { h, id, historyPath } = await savedTwice();
    const text = await readFile(historyPath, 'latin1');
    const lastStart = text.lastIndexOf('\n', text.length - 2) + 1;
    await writeFile(historyPath, text.slice(0, lastStart + 40), 'latin1'); // died part-way through the append
    const got = await h.ok<Got>('conferences.get', { id });
    expect(got.problems.map((p) => p.kind)).toEqual(['recovered']);
    expect((await h.ok<History>('conferences.history', { id })).intact).toBe(true);

    await h.ok('conferences.save', { id, baseRevision: 3, sections: { risk: { kind: 'single', values: { harm: 'again' } } } });
    expect((await lines(historyPath)).at(-1)).toBe(''); // ends with a newline again: no torn bytes left
    const history = await h.ok<History>('conferences.history', { id });
    expect(history).toMatchObject({ intact: true });
    expect(history.entries.map((e) => e.revision)).toEqual([1, 2, 3, 4]);
    expect((await h.ok<Got>('conferences.get', { id })).problems).toEqual([]);
  });

  it('reports a changed byte in a middle line as tampered, but still opens the conference', async () => {
    const { h, id, historyPath } = await savedTwice();
    const all = await lines(historyPath);
    const middle = all[1] ?? '';
    const swapped = middle[30] === 'A' ? 'B' : 'A';
    all[1] = `${middle.slice(0, 30)}${swapped}${middle.slice(31)}`;
    await writeFile(historyPath, all.join('\n'), 'latin1');
    const got = await h.ok<Got>('conferences.get', { id });
    expect(got.problems.map((p) => p.kind)).toEqual(['tampered']);
    expect(got.problems[0]?.message).not.toMatch(/Ashdown|Ruby|Tobias/);
    expect((await h.ok<History>('conferences.history', { id })).intact).toBe(false);
    const listed = await h.ok<{ problems: { kind: string }[] }>('conferences.list');
    expect(listed.problems.map((p) => p.kind)).toEqual(['tampered']);
    // Saving carries on (the chair's work is not blocked) but does not hide the finding.
    await h.ok('conferences.save', { id, baseRevision: 3, sections: { risk: { kind: 'single', values: { harm: 'later' } } } });
    const after = await h.ok<{ problems: { kind: string }[] }>('conferences.list');
    expect(after.problems.map((p) => p.kind)).toEqual(['tampered']);
    expect((await h.ok<History>('conferences.history', { id })).intact).toBe(false);
  });

  it('reports a removed middle entry as tampered', async () => {
    const { h, id, historyPath } = await savedTwice();
    const all = await lines(historyPath);
    await writeFile(historyPath, [all[0], all[2], ''].join('\n'), 'latin1');
    expect((await h.ok<History>('conferences.history', { id })).intact).toBe(false);
  });

  it('reports an older copy of the record put back in place as a rollback (the index knows the newer revision)', async () => {
    const { h, id, docPath } = await savedTwice();
    const older = `${docPath}.older`;
    await copyFile(docPath, older);
    await h.ok('conferences.save', { id, baseRevision: 3, sections: { risk: { kind: 'single', values: { harm: 'later' } } } });
    await copyFile(older, docPath);
    const got = await h.ok<Got>('conferences.get', { id });
    expect(got.conference.revision).toBe(3);
    expect(got.problems.map((p) => p.kind)).toEqual(['rolledBack']);
  });

  it("reports another conference's history put in place of this one's as tampered", async () => {
    const { h, id, historyPath } = await savedTwice();
    const other = await createConference(h);
    await copyFile(join(h.dir, 'history', `${other.id}.log`), historyPath);
    expect((await h.ok<History>('conferences.history', { id })).intact).toBe(false);
  });
});
