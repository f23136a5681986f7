import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH, SHARED_SHELL } from './test/e2e/shell-settings';

// The config is loaded by the runner and by every worker; the env var makes them agree on one
// fresh data folder for the shared shell instead of each making its own.
process.env['CPC_E2E_SHARED_DATA_DIR'] ??= mkdtempSync(join(tmpdir(), 'cpc-e2e-shared-'));

export default defineConfig({
  testDir: 'test/e2e',
  outputDir: 'test-results/playwright',
  // Two cores: two workers, each test with its own shell process and data folder where it needs one.
  workers: 2,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  forbidOnly: Boolean(process.env['CI']),
  // CI asks for a JSON report too (PLAYWRIGHT_JSON_OUTPUT_NAME names the file) to count results.
  reporter: process.env['PLAYWRIGHT_JSON_OUTPUT_NAME'] ? [['list'], ['json']] : [['list']],
  use: {
    baseURL: SHARED_SHELL.origin,
    viewport: { width: 1280, height: 800 },
    locale: 'en-GB',
    timezoneId: 'Europe/London',
    trace: 'retain-on-failure',
    launchOptions: { executablePath: CHROMIUM_PATH, args: [...CHROMIUM_ARGS] },
  },
  projects: [{ name: 'chromium', use: { browserName: 'chromium' } }],
  webServer: {
    command: 'node out/main/shell.js',
    // The app's page is public (the API needs the session header), so this answers 200 once up.
    url: `${SHARED_SHELL.origin}/`,
    reuseExistingServer: false,
    timeout: 30_000,
    stdout: 'ignore',
    stderr: 'pipe',
    env: {
      CPC_DATA_DIR: process.env['CPC_E2E_SHARED_DATA_DIR'],
      CPC_HEAD_DIR: `${process.env['CPC_E2E_SHARED_DATA_DIR']}-head`,
      CPC_SHELL_PORT: String(SHARED_SHELL.port),
      CPC_SHELL_TOKEN: SHARED_SHELL.sessionSecret,
    },
  },
});
