/** Settings shared by playwright.config.ts and the tests. No secrets: the token is for tests only. */

export const CHROMIUM_PATH = '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-dev-shm-usage',
] as const;

// CPC_E2E_PORT lets two checkouts run their suites side by side on one machine.
const port = Number(process.env['CPC_E2E_PORT'] ?? 47_613);
export const SHARED_SHELL = {
  port,
  origin: `http://127.0.0.1:${port}`,
  token: 'e2e-fixed-token-not-secret-0123456789abcdef',
} as const;
