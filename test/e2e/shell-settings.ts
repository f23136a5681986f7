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

const port = 47_613;
export const SHARED_SHELL = {
  port,
  origin: `http://127.0.0.1:${port}`,
  token: 'e2e-fixed-token-not-secret-0123456789abcdef',
} as const;
