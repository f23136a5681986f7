import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { _electron as electron, expect, test } from '@playwright/test';
import { OPERATIONS } from '../../domain/api/operation-names';

/**
 * The same app in Electron itself, where its binary exists. Electron's package downloads the
 * binary from the internet, which machines without internet access (ours, CI) cannot do, so
 * here these tests are skipped and the browser-shell tests cover the renderer and services.
 */
const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));

function electronBinary(): string | null {
  const pathFile = join(ROOT, 'node_modules/electron/path.txt');
  if (!existsSync(pathFile)) return null;
  const binary = join(ROOT, 'node_modules/electron/dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : null;
}

const binary = electronBinary();
test.skip(binary === null, 'The Electron binary is not installed here (it cannot be downloaded without internet access).');

test('Electron opens on the passphrase screen with only the typed operations exposed and navigation refused', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'cpc-electron-'));
  const app = await electron.launch({
    executablePath: binary ?? undefined,
    args: [ROOT],
    env: { ...process.env, CPC_DATA_DIR: dataDir },
  });
  try {
    const page = await app.firstWindow();
    await expect(page.getByRole('heading', { level: 1, name: 'Create a passphrase' })).toBeVisible();
    expect(page.url()).toMatch(/^app:\/\/renderer\//);
    const exposed = await page.evaluate(() => Object.keys((window as unknown as Record<string, object>)['conferenceApi'] ?? {}));
    expect(exposed.sort()).toEqual([...OPERATIONS].sort());
    expect(await page.evaluate(() => [typeof (globalThis as Record<string, unknown>)['require'], typeof (globalThis as Record<string, unknown>)['process']])).toEqual([
      'undefined',
      'undefined',
    ]);
    await page.evaluate(() => {
      window.location.href = 'https://example.org/';
    });
    await expect(page.getByRole('heading', { level: 1, name: 'Create a passphrase' })).toBeVisible();
    expect(page.url()).toMatch(/^app:\/\/renderer\//);
  } finally {
    await app.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
});
