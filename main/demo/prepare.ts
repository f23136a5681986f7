import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createAppServices } from '../services/app-services';
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

/** A throwaway store in a temporary folder, filled with the three fictional scenarios and locked. */
export async function prepareDemoStore(): Promise<DemoStore> {
  const dataDir = mkdtempSync(join(tmpdir(), 'conference-recorder-demo-'));
  const handlers = createAppServices({ dataDir });
  await seedDemoStore(handlers, scenarioRecords());
  await handlers['vault.lock']({});
  return {
    dataDir,
    passphrase: DEMO_PASSPHRASE,
    handlers,
    remove: () => rmSync(dataDir, { recursive: true, force: true }),
  };
}
