import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TEST_KDF } from '../../../main/services/store/kdf';
import { LocalConferenceStore } from '../../../main/services/store/store';
import { storeContract, TestClock } from './contract';

const PASSPHRASE = 'lantern orchard pebble violin';

storeContract({
  name: 'the local encrypted folder',
  async open() {
    const dir = await mkdtemp(join(tmpdir(), 'cpc-contract-'));
    const setup = new LocalConferenceStore({ dataDir: dir, kdf: TEST_KDF });
    await setup.create(PASSPHRASE);
    await setup.lock();
    const clock = new TestClock();
    const store = new LocalConferenceStore({ dataDir: dir, kdf: TEST_KDF, now: clock.now });
    return {
      store,
      clock,
      passphrase: PASSPHRASE,
      async tamperHistory(id) {
        // The first entry's line replaced by the second's: both decrypt, the chain does not.
        const path = store.paths.history(id);
        const lines = (await readFile(path, 'latin1')).split('\n');
        lines[0] = lines[1] as string;
        await writeFile(path, lines.join('\n'), 'latin1');
      },
      async close() {
        await store.lock().catch(() => undefined);
        await rm(dir, { recursive: true, force: true });
      },
    };
  },
});
