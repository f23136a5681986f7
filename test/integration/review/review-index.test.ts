import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TEST_KDF } from '../../../main/services/store/kdf';
import { LocalConferenceStore } from '../../../main/services/store/store';
import { CHAIR } from '../signoff/ready';
import { oseiRecord } from '../../../main/demo/scenarios/osei';

/**
 * The list's review due dates and signed version are kept in the index, which is read back at
 * every unlock: an entry the index's own schema did not know made the whole index read as
 * damaged ("The list of conferences could not be read…") at each unlock after the first
 * circulation or signature.
 */

const PASSPHRASE = 'lantern orchard pebble violin';

describe('the index keeps a circulated and a signed conference through lock and unlock', () => {
  it('reports nothing at unlock, and the list still shows the due dates and the signature', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'cpc-review-index-'));
    try {
      const now = () => new Date('2026-02-19T10:00:00Z');
      const store = new LocalConferenceStore({ dataDir: dir, kdf: TEST_KDF, now });
      await store.create(PASSPHRASE);
      await store.updateSettings({ autoLockMinutes: 0 });
      await store.setProfile(CHAIR);
      const osei = oseiRecord();
      const circulated = await store.createConference({ type: osei.type, date: '2026-02-03', children: [{ name: 'Daniel Osei' }] });
      const saved = await store.save({ id: circulated.id, baseRevision: circulated.revision, sections: osei.sections });
      await store.withReview((r) => r.approveDraft(circulated.id, saved.revision));
      await store.withReview((r) => r.addRecipient(circulated.id, { name: 'PC Ryan Holt', organisation: 'Police', email: 'ryan.holt@police.example.gov.uk', document: 'full-minutes', sentOn: '2026-02-19' }));
      const signed = await store.createConference({ type: osei.type, date: '2026-02-03', children: [{ name: 'Daniel Osei' }] });
      const signedSave = await store.save({ id: signed.id, baseRevision: signed.revision, sections: osei.sections });
      await store.sign(signed.id, signedSave.revision);
      await store.lock();

      for (let round = 0; round < 2; round += 1) {
        const again = new LocalConferenceStore({ dataDir: dir, kdf: TEST_KDF, now });
        expect(await again.unlock(PASSPHRASE)).toEqual([]);
        const { conferences, problems } = await again.list();
        expect(problems).toEqual([]);
        expect(conferences.find((c) => c.id === circulated.id)?.review).toEqual({ firstSentOn: '2026-02-19', commentsDueOn: ['2026-03-05'] });
        expect(conferences.find((c) => c.id === signed.id)?.signed?.version).toBe(1);
        await again.lock();
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
