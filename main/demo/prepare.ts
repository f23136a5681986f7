import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Handlers } from '../services/dispatch';
import { scenarioRecords } from './scenarios';
import { DEMO_PASSPHRASE, seedDemoStore } from './seed';

export interface DemoStore {
  dataDir: string;
  passphrase: string;
  handlers: Handlers;
  /** Deletes the throwaway folder; the demo never touches the user's own data. */
  remove(): void;
}

/**
 * A throwaway store in a temporary folder, filled with the three fictional scenarios and locked.
 * The services come from the composition root (main/app-root.ts), so the demo's store is built
 * with the same options as the chair's.
 */
export async function prepareDemoStore(makeHandlers: (dataDir: string) => Handlers): Promise<DemoStore> {
  const dataDir = mkdtempSync(join(tmpdir(), 'conference-recorder-demo-'));
  const handlers = makeHandlers(dataDir);
  await seedDemoStore(handlers, scenarioRecords());
  await handlers['vault.lock']({});
  return {
    dataDir,
    passphrase: DEMO_PASSPHRASE,
    handlers,
    remove: () => rmSync(dataDir, { recursive: true, force: true }),
  };
}
