import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { screenshot } from './app';
import { expect, startShell, test } from './fixtures';

const DEMO_PASSPHRASE = 'fictional demo data only';
const CODE = /[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}/;

test('the chair signs the demo’s ready Whitfield conference, a save is refused, an addendum is added, and the family copy downloads as a signed PDF', async ({ page }) => {
  test.setTimeout(180_000);
  const demo = await startShell({ CPC_DEMO: '1' });
  const folder = await mkdtemp(join(tmpdir(), 'cpc-e2e-downloads-'));
  try {
    await page.goto(demo.url);
    await page.getByLabel('Passphrase').fill(DEMO_PASSPHRASE);
    await page.getByRole('button', { name: 'Unlock' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Conferences' })).toBeVisible();

    // Who signs: the chair profile under Settings.
    await page.getByRole('link', { name: 'Settings' }).click();
    await page.getByLabel('Your name, as it should appear on signed minutes').fill('Priya Natarajan');
    await page.getByLabel('Your role').fill('Independent Child Protection Chair');
    await page.getByLabel('Council').fill('Carrowby Borough Council');
    await page.getByRole('button', { name: 'Save chair profile' }).click();
    await expect(page.getByText(/Chair profile saved\. Signing key [0-9a-f]{16}\./)).toBeVisible();

    await page.getByRole('link', { name: 'Conferences', exact: true }).click();
    await page.getByRole('row', { name: /Maya Whitfield/ }).getByRole('link', { name: 'Open' }).click();
    await expect(page.getByRole('navigation', { name: 'Conference sections' })).toBeVisible();
    // A draft exports as a draft.
    await expect(page.getByRole('region', { name: 'Export' }).or(page.locator('section[aria-labelledby="export-title"]'))).toContainText('export as drafts');

    await page.keyboard.press('Alt+Shift+R');
    await expect(page.getByRole('heading', { level: 2, name: 'Ready to sign?' })).toBeFocused();
    await page.getByRole('button', { name: 'Sign the minutes' }).click();
    await expect(page.getByText('Sign these minutes as Priya Natarajan, Independent Child Protection Chair, Carrowby Borough Council?')).toBeVisible();
    await page.getByRole('button', { name: 'Yes, sign the minutes' }).click();

    const banner = page.getByRole('region', { name: 'Signed minutes: locked' });
    await expect(banner).toBeVisible();
    await expect(banner.getByRole('status')).toHaveText(new RegExp(`^Signed as version 1 by Priya Natarajan at \\d{1,2} \\w+ \\d{4} at \\d{2}:\\d{2}, verification code ${CODE.source}\\.$`));
    await screenshot(page, 'signoff-signed-banner');

    // The fields are read-only on the page…
    const firstField = page.locator('.g-readonly').locator('textarea, input').first();
    await expect(firstField).toBeDisabled();
    // …and a save sent anyway (as a stale tab would) is refused by the service, in plain words.
    const refused = await page.evaluate(async () => {
      const id = decodeURIComponent(location.hash.split('/').at(-1) ?? '');
      const secret = sessionStorage.getItem('conference-recorder.shell-session') ?? '';
      const response = await fetch('/api/conferences.save', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'x-shell-session': secret },
        body: JSON.stringify({ id, baseRevision: 0, sections: { risk: { kind: 'single', values: { harm: 'Changed after signing.' } } } }),
      });
      return (await response.json()) as { ok: boolean; error?: { code: string; message: string } };
    });
    expect(refused.ok).toBe(false);
    expect(refused.error?.code).toBe('SIGNED');
    expect(refused.error?.message).toContain('Corrections are made as a signed addendum');

    // An addendum, signed as version 2.
    await page.getByLabel('Why the minutes need correcting').fill('The review date was typed wrongly.');
    await page.getByLabel('The correction').fill('The review conference is on 9 April 2026, not 15 April 2026.');
    await page.getByRole('button', { name: 'Sign and add the addendum' }).click();
    await expect(page.getByRole('region', { name: 'Signed minutes: locked' })).toContainText(/Addendum: Signed as version 2 by Priya Natarajan/);
    const versionTwo = (await page.getByRole('region', { name: 'Signed minutes: locked' }).getByText(/Addendum: Signed as version 2/).textContent()) ?? '';
    const code = CODE.exec(versionTwo)?.[0];
    expect(code).toBeTruthy();

    const exportBlock = page.locator('section[aria-labelledby="export-title"]');
    await exportBlock.scrollIntoViewIfNeeded();
    await expect(exportBlock).toContainText('carries the signature');
    await screenshot(page, 'signoff-export-block');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Family copy as PDF' }).click()]);
    expect(download.suggestedFilename()).toBe('2026-01-15 ICPC Whitfield - family copy.pdf');
    const saved = join(folder, 'family.pdf');
    await download.saveAs(saved);
    expect((await readFile(saved)).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const pages = execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', saved, '-'], { encoding: 'utf8' }).split('\f').filter((p) => p.trim() !== '');
    expect(pages.length).toBeGreaterThan(0);
    for (const text of pages) expect(text.replace(/\s+/g, ' ').includes(`Verification code ${code}`), 'code in every page footer').toBe(true);
    const all = pages.join(' ').replace(/\s+/g, ' ');
    expect(all.includes('The review conference is on 9 April 2026, not 15 April 2026.')).toBe(true);
    expect(all.includes('DRAFT: not signed')).toBe(false);
  } finally {
    await demo.stop();
    await rm(folder, { recursive: true, force: true });
  }
});
