import { describe, expect, it, vi } from 'vitest';
import type { ConferenceRecord } from '../../../domain/record/conference';
import { createConference, harness, openStore, PASSPHRASE } from './helpers';

// Stands in for a kill between writing a document and appending its history entry:
// while `failAppends` is on, every history append fails before touching the file.
const crash = vi.hoisted(() => ({ failAppends: false }));
vi.mock('../../../main/services/store/history', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../../main/services/store/history')>();
  return {
    ...real,
    appendHistory: async (...args: Parameters<typeof real.appendHistory>) => {
      if (crash.failAppends) throw new Error('simulated kill before the history append');
      return real.appendHistory(...args);
    },
  };
});

const notes = (text: string) => ({ opening: { kind: 'single' as const, values: { notes: text } } });

describe('two interrupted saves in a row', () => {
  it('leave at most one history entry to complete, never a gap that reads as tampering', async () => {
    const h = await openStore();
    const created = await createConference(h);
    const first = await h.ok<{ revision: number }>('conferences.save', {
      id: created.id,
      baseRevision: created.revision,
      sections: notes('First save, fictional.'),
    });

    crash.failAppends = true;
    // The document of this save is written; its history entry never is.
    expect((await h.call('conferences.save', { id: created.id, baseRevision: first.revision, sections: notes('Second.') })).ok).toBe(false);
    // The next save must not move the document further on while the history still lacks an entry.
    await h.call('conferences.save', { id: created.id, baseRevision: first.revision + 1, sections: notes('Third.') });
    crash.failAppends = false;
    await h.store.lock();

    // A fresh process opens the folder, as after a restart.
    const after = harness(h.dir);
    await after.ok('vault.unlock', { passphrase: PASSPHRASE });
    const opened = await after.ok<{ conference: ConferenceRecord; problems: { kind: string }[] }>('conferences.get', { id: created.id });
    expect(opened.problems.map((p) => p.kind)).toEqual(['recovered']);
    expect(opened.conference.sections['opening']).toEqual(notes('Second.')['opening']);
    const history = await after.ok<{ intact: boolean; entries: unknown[] }>('conferences.history', { id: created.id });
    expect(history.intact).toBe(true);
  });
});
