// Plain Playwright fixtures: the CSP test below provokes a violation on purpose, which the
// app fixtures would (rightly) report as a failure everywhere else.
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, request as playwrightRequest, test } from '@playwright/test';
import { startShell } from './fixtures';
import { SHARED_SHELL } from './shell-settings';

const SESSION_HEADER = 'x-shell-session';

// These run against the webServer shell (fixed port and session secret), as a tool or another site would.
test.describe('the browser shell refuses callers without the session secret', () => {
  test('the page itself is only the app\'s code; an API call without the session header gets 401 FORBIDDEN', async () => {
    const anonymous = await playwrightRequest.newContext();
    const page = await anonymous.get(`${SHARED_SHELL.origin}/`);
    expect(page.status()).toBe(200);
    expect(page.headers()['set-cookie']).toBeUndefined();
    const response = await anonymous.post(`${SHARED_SHELL.origin}/api/vault.status`, { data: {} });
    expect(response.status()).toBe(401);
    expect(await response.json()).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    await anonymous.dispose();
  });

  test('an API call with the secret but a foreign Origin gets 403', async () => {
    const foreign = await playwrightRequest.newContext({
      extraHTTPHeaders: { [SESSION_HEADER]: SHARED_SHELL.sessionSecret, origin: 'http://evil.example' },
    });
    const response = await foreign.post(`${SHARED_SHELL.origin}/api/vault.status`, { data: {} });
    expect(response.status()).toBe(403);
    expect(await response.json()).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    await foreign.dispose();
  });

  test('the same call with the secret and no foreign Origin is answered', async () => {
    const tool = await playwrightRequest.newContext({ extraHTTPHeaders: { [SESSION_HEADER]: SHARED_SHELL.sessionSecret } });
    const response = await tool.post(`${SHARED_SHELL.origin}/api/vault.status`, { data: {} });
    expect(response.status()).toBe(200);
    expect(response.headers()['cache-control']).toBe('no-store');
    expect(await response.json()).toMatchObject({ ok: true });
    await tool.dispose();
  });
});

/** Another program on this computer serving pages on its own local port, which the same browser visits. */
async function otherLocalServer(onRequest: (headers: IncomingHttpHeaders) => void, setCookies: string[]): Promise<{ origin: string; server: Server }> {
  const server = createServer({ maxHeaderSize: 1024 * 1024 }, (req, res) => {
    onRequest(req.headers);
    res.writeHead(200, { 'Content-Type': 'text/html', 'Set-Cookie': setCookies });
    res.end('<!doctype html><title>Another local program</title><p>Hello');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

test('a page on another local port gets nothing that reads conferences, and its junk cookies do not break the window', async ({ page, context }) => {
  const shell = await startShell();
  const seen: IncomingHttpHeaders[] = [];
  const port = new URL(shell.origin).port;
  // Junk from the other program: the shell's old cookie name with rubbish, and ~120 KB of cookies
  // (cookies for 127.0.0.1 are sent to every port), which a default Node server refuses with 431.
  const junk = [`cpc_shell_${port}=junk; Path=/`, ...Array.from({ length: 30 }, (_, i) => `pad${i}=${'x'.repeat(4000)}; Path=/`)];
  const other = await otherLocalServer((headers) => seen.push(headers), junk);
  try {
    await page.goto(shell.url);
    await expect(page.getByRole('heading', { level: 1, name: 'Create a passphrase' })).toBeVisible();

    // The same browser visits the other program's page, twice (so it sends back what it set).
    const elsewhere = await context.newPage();
    await elsewhere.goto(`${other.origin}/`);
    await elsewhere.goto(`${other.origin}/again`);
    await elsewhere.close();

    // Whatever cookies the other program received, replayed to the shell, read nothing.
    const replay = await playwrightRequest.newContext();
    for (const headers of seen) {
      const response = await replay.post(`${shell.origin}/api/vault.status`, {
        data: {},
        headers: headers.cookie ? { cookie: headers.cookie } : {},
      });
      expect(response.status()).toBe(401);
    }
    await replay.dispose();

    // The app's own window, reloaded with the junk cookies now in the browser, still works.
    await page.reload();
    await expect(page.getByRole('heading', { level: 1, name: 'Create a passphrase' })).toBeVisible();
  } finally {
    other.server.close();
    await shell.stop();
  }
});

test('the launch link opens the app once: a second window from the same link is not connected', async ({ browser }) => {
  const shell = await startShell();
  try {
    const first = await browser.newPage();
    await first.goto(shell.url);
    await expect(first.getByRole('heading', { level: 1, name: 'Create a passphrase' })).toBeVisible();
    // The code has left the address bar; no cookie carries the session.
    expect(first.url()).toBe(`${shell.origin}/`);
    expect(await first.context().cookies()).toEqual([]);

    const second = await browser.newPage();
    await second.goto(shell.url);
    await expect(second.getByText(/each launch link opens the app once/)).toBeVisible();
    await expect(second.getByRole('heading', { level: 1, name: 'Create a passphrase' })).toHaveCount(0);
    await first.close();
    await second.close();
  } finally {
    await shell.stop();
  }
});

test('the launch link leaves a clean address, no readable secret in cookies, and a page under a strict CSP', async ({ page }) => {
  const shell = await startShell();
  try {
    const response = await page.goto(shell.url);
    expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    expect(page.url()).toBe(`${shell.origin}/`);
    expect(await page.evaluate(() => document.cookie)).toBe('');
    // Markup injected into the page cannot run inline script.
    const ran = await page.evaluate(async () => {
      // Waits for the browser's verdict (the refusal event), not for a length of time that a
      // busy machine might not honour.
      const refused = new Promise((resolve) => document.addEventListener('securitypolicyviolation', resolve, { once: true }));
      const script = document.createElement('script');
      script.textContent = 'window.__injected = true';
      document.body.append(script);
      await refused;
      return (window as unknown as { __injected?: boolean }).__injected === true;
    });
    expect(ran).toBe(false);
  } finally {
    await shell.stop();
  }
});
