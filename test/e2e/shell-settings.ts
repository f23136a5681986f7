/**
 * Settings shared by playwright.config.ts and the tests. No secrets: `sessionSecret` is the shared
 * shell's fixed session secret (CPC_SHELL_TOKEN), which `npm start` removes from the environment,
 * so a normal launch can never be opened with it.
 */

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
  sessionSecret: 'e2e-fixed-session-not-secret-0123456789abcdef',
} as const;
