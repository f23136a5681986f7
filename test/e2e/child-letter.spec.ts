import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Download, Page } from '@playwright/test';
import { saveStatus } from './app';
import { expectNoSeriousViolations } from './axe';
import { expect, startShell, test } from './fixtures';

/**
 * Issue 8, as the chair does it: write Maya's letter and watch its reading age, sign, see the
 * conference marked signed in the list, then export every document in one dialog — with
 * progress read out — and check the letter that downloads: its name and its words.
 */

const DEMO_PASSPHRASE = 'fictional demo data only';
const SHOTS = '/tmp/letters-shots';
const PLAIN = 'Dear Maya,\nThank you for talking to me. You told me about school and your dog. We had a meeting about you today. Everyone wants you to be safe and happy at home.';
const HARDER = ' The professionals considered the circumstances carefully and recommended additional educational and therapeutic support.';

async function openSection(page: Page, title: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Conference sections' }).getByRole('button', { name: new RegExp(`^\\d+\\. ${title}`) }).click();
  await expect(page.getByRole('heading', { level: 2, name: new RegExp(`^${title}`) })).toBeVisible();
}

function readingAgeOf(text: string | null): number {
  const match = /Reading age about (\d+)/.exec(text ?? '');
  if (!match) throw new Error(`No reading age in “${text}”`);
  return Number(match[1]);
}

test('the chair writes Maya a letter, sees its reading age, signs, and exports every document with progress; the letter downloads named for Maya', async ({ page }) => {
  test.setTimeout(240_000);
  const demo = await startShell({ CPC_DEMO: '1' });
  const folder = await mkdtemp(join(tmpdir(), 'cpc-e2e-letters-'));
  await mkdir(SHOTS, { recursive: true });
  try {
    await page.goto(demo.url);
    await page.getByLabel('Passphrase').fill(DEMO_PASSPHRASE);
    await page.getByRole('button', { name: 'Unlock' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Conferences' })).toBeVisible();

    await page.getByRole('link', { name: 'Settings' }).click();
    await page.getByLabel('Your name, as it should appear on signed minutes').fill('Priya Natarajan');
    await page.getByLabel('Your role').fill('Independent Child Protection Chair');
    await page.getByLabel('Council').fill('Carrowby Borough Council');
    await page.getByRole('button', { name: 'Save chair profile' }).click();
    await expect(page.getByText(/Chair profile saved\./)).toBeVisible();

    await page.getByRole('link', { name: 'Conferences', exact: true }).click();
    const row = page.getByRole('row', { name: /Maya Whitfield/ });
    await expect(row).not.toContainText('Signed');
    await row.getByRole('link', { name: 'Open' }).click();

    // The decision letter's due date sits with the export block: Thursday 15 January → Friday 16 January, long past.
    await expect(page.locator('#decision-letter-due')).toContainText('due by Friday 16 January 2026');
    await expect(page.locator('#decision-letter-due')).toContainText('Overdue');

    await openSection(page, 'The voice of the child');
    // Maya is seven: her letter is asked for. Leo is two: his is not.
    const letters = page.getByRole('main').getByLabel(/^The chair’s letter to the child/);
    await expect(letters).toHaveCount(1);
    const letter = letters.first();
    const readingAge = page.locator('.letter-field__reading-age');
    await expect(readingAge).toHaveAttribute('aria-live', 'polite');
    await expect(readingAge).toHaveText('The reading age will show here as you write.');
    await letter.fill('Dear Maya,');
    await expect(readingAge).toHaveText('Write a few sentences to see a reading age (2 of 10 words so far).');
    await letter.fill(PLAIN);
    await expect(readingAge).toHaveText(/^Reading age about \d+ \(Flesch–Kincaid grade \d+\)\.$/);
    const plainAge = readingAgeOf(await readingAge.textContent());
    // Typing on: the measure waits for a pause, then moves up for the harder sentence.
    await letter.press('End');
    await letter.pressSequentially(HARDER, { delay: 5 });
    await expect.poll(async () => readingAgeOf(await readingAge.textContent())).toBeGreaterThan(plainAge);
    await letter.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SHOTS}/letter-reading-age.png` });
    await expect(saveStatus(page)).toHaveText(/^All changes saved at \d\d:\d\d$/);

    await page.keyboard.press('Alt+Shift+R');
    await page.getByRole('button', { name: 'Sign the minutes' }).click();
    await page.getByRole('button', { name: 'Yes, sign the minutes' }).click();
    await expect(page.getByRole('region', { name: 'Signed minutes: locked' })).toBeVisible();

    // The list marks it signed, at its version.
    await page.getByRole('link', { name: 'Back to conferences' }).click();
    await expect(page.getByRole('row', { name: /Maya Whitfield/ })).toContainText('Signed, version 1');
    await page.getByRole('row', { name: /Maya Whitfield/ }).getByRole('link', { name: 'Open' }).click();
    await expect(page.getByRole('region', { name: 'Signed minutes: locked' })).toBeVisible();

    // One dialog for every document and format.
    const opener = page.getByRole('button', { name: 'Export documents…' });
    await opener.scrollIntoViewIfNeeded();
    await opener.click();
    const dialog = page.getByRole('dialog', { name: 'Export documents' });
    await expect(dialog).toBeVisible();
    const outputs = dialog.getByRole('group', { name: 'Documents' }).getByRole('checkbox');
    await expect(outputs).toHaveCount(5);
    await expect(dialog.getByLabel('Letter to Maya Whitfield (large print)')).toBeChecked();
    await expect(dialog.getByRole('button', { name: 'Export 10 files' })).toBeVisible();
    await page.screenshot({ path: `${SHOTS}/export-dialog.png` });
    await expectNoSeriousViolations(page, 'export dialog');

    // Word off, then back on, by keyboard: the count follows.
    await dialog.getByLabel('Word (DOCX)').focus();
    await page.keyboard.press('Space');
    await expect(dialog.getByRole('button', { name: 'Export 5 files' })).toBeVisible();
    await page.keyboard.press('Space');

    const downloads: Download[] = [];
    page.on('download', (d) => downloads.push(d));
    const progress: string[] = [];
    const status = dialog.getByRole('status');
    const watching = (async () => {
      for (let i = 0; i < 400; i += 1) {
        const text = (await status.textContent().catch(() => '')) ?? '';
        if (text && progress.at(-1) !== text) progress.push(text);
        if (text.includes('files exported')) return;
        await page.waitForTimeout(25);
      }
    })();
    await dialog.getByRole('button', { name: 'Export 10 files' }).click();
    await expect(status).toContainText('10 files exported.', { timeout: 120_000 });
    await watching;
    expect(progress.some((text) => /^Exporting \d+ of 10 files…$/.test(text)), `progress seen: ${progress.join(' | ')}`).toBe(true);
    await page.screenshot({ path: `${SHOTS}/export-dialog-done.png` });
    await expect.poll(() => downloads.length).toBe(10);
    const names = downloads.map((d) => d.suggestedFilename()).sort();
    expect(names).toEqual(
      [
        '2026-01-15 ICPC Whitfield - actions list.docx',
        '2026-01-15 ICPC Whitfield - actions list.pdf',
        '2026-01-15 ICPC Whitfield - decision letter.docx',
        '2026-01-15 ICPC Whitfield - decision letter.pdf',
        '2026-01-15 ICPC Whitfield - family copy.docx',
        '2026-01-15 ICPC Whitfield - family copy.pdf',
        '2026-01-15 ICPC Whitfield - letter to Maya.docx',
        '2026-01-15 ICPC Whitfield - letter to Maya.pdf',
        '2026-01-15 ICPC Whitfield - minutes.docx',
        '2026-01-15 ICPC Whitfield - minutes.pdf',
      ].sort(),
    );
    const letterPdf = downloads.find((d) => d.suggestedFilename() === '2026-01-15 ICPC Whitfield - letter to Maya.pdf')!;
    const saved = join(folder, 'letter.pdf');
    await letterPdf.saveAs(saved);
    expect((await readFile(saved)).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', saved, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    expect(text).toContain('A letter for Maya');
    expect(text).toContain('Everyone wants you to be safe and happy at home.');
    expect(text).toContain('recommended additional educational and therapeutic support.');
    expect(text).toContain('Priya Natarajan');
    expect(text).not.toContain('DRAFT');
    execFileSync('pdftoppm', ['-r', '60', '-png', '-f', '1', '-l', '1', saved, `${SHOTS}/e2e-letter`]);

    // Escape closes the dialog and focus goes back to the button that opened it.
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await expect(opener).toBeFocused();
  } finally {
    await demo.stop();
    await rm(folder, { recursive: true, force: true });
  }
});
