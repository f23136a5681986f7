import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openStore, PASSPHRASE } from './helpers';

describe('nothing personal in plain text on disk', () => {
  it('keeps a child’s name and the record’s words out of every file in the data folder', async () => {
    const h = await openStore();
    const record = await h.ok<{ id: string }>('conferences.create', {
      type: 'initial',
      date: '2025-02-11',
      children: [{ name: 'Maya Whitfield' }],
    });
    await h.ok('conferences.save', {
      id: record.id,
      baseRevision: 1,
      sections: {
        opening: { kind: 'single', values: { notes: 'Maya said she feels safest at Nan Whitfield’s house in Carrowby.' } },
        risk: { kind: 'single', values: { harm: 'Whitfield household: neglect of dental care reported by the school.' } },
      },
    });
    // Exercise every file kind: index snapshot (unlock folds the journal), settings, history.
    await h.ok('settings.update', { autoLockMinutes: 15 });
    await h.ok('vault.lock');
    await h.ok('vault.unlock', { passphrase: PASSPHRASE });
    await h.ok('conferences.save', {
      id: record.id,
      baseRevision: 2,
      sections: { risk: { kind: 'single', values: { strengths: 'Maya Whitfield to have a child protection plan' } } },
    });

    const files = (await readdir(h.dir, { recursive: true, withFileTypes: true })).filter((entry) => entry.isFile());
    expect(files.map((f) => f.name)).toEqual(
      expect.arrayContaining(['vault.json', 'index.enc', 'index.journal', 'settings.enc', `${record.id}.enc`, `${record.id}.log`]),
    );
    for (const file of files) {
      const bytes = await readFile(join(file.parentPath, file.name));
      for (const word of ['Whitfield', 'Maya', 'Carrowby', 'dental']) {
        for (const encoding of ['utf8', 'utf16le'] as const) {
          expect(bytes.includes(Buffer.from(word, encoding)), `${word} in ${file.name}`).toBe(false);
        }
      }
    }
  });
});
