// Plain Playwright fixtures: the CSP test below provokes a violation on purpose, which the
// app fixtures would (rightly) report as a failure everywhere else.
import { expect, request as playwrightRequest, test } from '@playwright/test';
import { SHARED_SHELL } from './shell-settings';

// These run against the webServer shell (fixed port and token), as a tool or another site would.
const launchUrl = `${SHARED_SHELL.origin}/?token=${SHARED_SHELL.token}`;

test.describe('the browser shell refuses callers without the token', () => {
  test('a page request without the token gets 401 and no app', async () => {
    const anonymous = await playwrightRequest.newContext();
    const response = await anonymous.get(`${SHARED_SHELL.origin}/`);
    expect(response.status()).toBe(401);
    expect(await response.text()).not.toContain('<script');
    await anonymous.dispose();
  });

  test('an API call without the token gets 401 FORBIDDEN', async () => {
    const anonymous = await playwrightRequest.newContext();
    const response = await anonymous.post(`${SHARED_SHELL.origin}/api/vault.status`, { data: {} });
    expect(response.status()).toBe(401);
    expect(await response.json()).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    await anonymous.dispose();
  });

  test('an API call with the token but a foreign Origin gets 403', async () => {
    const foreign = await playwrightRequest.newContext({
      extraHTTPHeaders: { 'x-shell-token': SHARED_SHELL.token, origin: 'http://evil.example' },
    });
    const response = await foreign.post(`${SHARED_SHELL.origin}/api/vault.status`, { data: {} });
    expect(response.status()).toBe(403);
    expect(await response.json()).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    await foreign.dispose();
  });

  test('the same call with the token and no foreign Origin is answered', async () => {
    const tool = await playwrightRequest.newContext({ extraHTTPHeaders: { 'x-shell-token': SHARED_SHELL.token } });
    const response = await tool.post(`${SHARED_SHELL.origin}/api/vault.status`, { data: {} });
    expect(response.status()).toBe(200);
    expect(response.headers()['cache-control']).toBe('no-store');
    expect(await response.json()).toMatchObject({ ok: true });
    await tool.dispose();
  });
});

test('the launch link leaves an HttpOnly cookie, a clean address and a page under a strict CSP', async ({ page }) => {
  const response = await page.goto(launchUrl);
  expect(page.url()).toBe(`${SHARED_SHELL.origin}/`);
  expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  // Script on the page cannot read the token.
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
});
