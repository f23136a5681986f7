import type { Page } from '@playwright/test';
import { sectionHeadingId } from '../../renderer/src/guided/scope';
import { createConference, createPassphrase, openApp, saveStatus, unlock } from './app';
import { expect, test } from './fixtures';

/** A new initial conference for two children, open on its first section. */
async function newConference(page: Page, launchUrl: string): Promise<string> {
  await openApp(page, launchUrl);
  await createPassphrase(page);
  await createConference(page, { type: 'Initial child protection conference', date: '15/01/2026', children: ['Maya Whitfield', 'Leo Whitfield'] });
  return /#\/conferences\/([0-9a-f-]{36})/.exec(page.url())?.[1] ?? '';
}

const section = (page: Page, id: string) => page.locator(`[id="${sectionHeadingId(id)}"]`);

async function goTo(page: Page, title: string, id: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Conference sections' }).getByRole('button', { name: new RegExp(`^\\d+\\. ${title} `) }).click();
  await expect(section(page, id)).toBeFocused();
}

test('an impossible date is explained in plain words, kept on screen, and blocks signing until fixed', async ({ page, shell }) => {
  await newConference(page, shell.url);
  const date = page.getByLabel('Date of the conference');
  await date.fill('29/02/2026');
  await date.press('Tab');
  const error = page.locator('[id="f--meeting--date--error"]');
  await expect(error).toHaveText('Error: 29/02/2026 is not a real date: 2026 is not a leap year.');
  await expect(date).toHaveAttribute('aria-invalid', 'true');
  await expect(date).toHaveAttribute('aria-describedby', /f--meeting--date--error/);
  await expect(date).toHaveValue('29/02/2026');

  // Nothing is lost: after a reload the text is still there, still refused.
  await expect(saveStatus(page)).toHaveText(/^All changes saved at \d\d:\d\d$/);
  await page.reload();
  await unlock(page);
  await expect(date).toHaveValue('29/02/2026');
  await expect(date).toHaveAttribute('aria-invalid', 'true');
  await page.keyboard.press('Alt+Shift+R');
  await expect(page.getByRole('link', { name: 'Meeting details and timescales: “Date of the conference” is not a real date.' })).toBeVisible();
  await goTo(page, 'Meeting details and timescales', 'meeting');
  await date.fill('29/02/2026');
  await date.press('Tab');

  await page.keyboard.press('Alt+Shift+R');
  const link = page.getByRole('link', { name: 'Meeting details and timescales, “Date of the conference”: 29/02/2026 is not a real date: 2026 is not a leap year.' });
  await expect(link).toBeVisible();
  await link.press('Enter');
  await expect(date).toBeFocused();
  await date.fill('28/02/2026');
  await date.press('Tab');
  await expect(date).not.toHaveAttribute('aria-invalid', 'true');
  await page.keyboard.press('Alt+Shift+R');
  await expect(page.getByRole('link', { name: /is not a real date/ })).toHaveCount(0);
});

test('removing an agency that a dissent cites warns first, and the removal can be undone, all from the keyboard', async ({ page, shell }) => {
  await newConference(page, shell.url);
  for (const agency of ['Police', 'IDVA service']) {
    await page.keyboard.press('Alt+Shift+A');
    const kind = page.getByRole('combobox', { name: /^Agency/ }).last();
    await expect(kind).toBeFocused();
    await kind.selectOption({ label: agency });
  }
  await goTo(page, 'Dissent', 'dissent');
  await page.getByRole('button', { name: 'Add dissent' }).press('Enter');
  await expect(page.getByRole('combobox', { name: /^Agency/ })).toBeFocused();
  await page.getByRole('combobox', { name: /^Agency/ }).selectOption({ label: 'IDVA service' });

  await goTo(page, 'Agency contributions', 'agencies');
  await page.getByRole('button', { name: 'Remove Agency 2: IDVA service' }).press('Enter');
  const warning = page.getByText('IDVA service is cited in a dissent record.');
  await expect(warning).toBeVisible();
  await page.getByRole('button', { name: 'Keep it' }).press('Enter');
  await expect(page.getByRole('button', { name: 'Remove Agency 2: IDVA service' })).toBeFocused();
  await page.keyboard.press('Enter');
  await page.getByRole('button', { name: 'Remove agency anyway' }).press('Enter');
  await expect(page.getByRole('heading', { name: 'Agency 2: IDVA service' })).toHaveCount(0);
  await expect(page.getByRole('status').filter({ hasText: 'Removed agency 2: IDVA service.' })).toBeVisible();
  const undo = page.getByRole('button', { name: 'Undo removing Agency 2: IDVA service' });
  await expect(undo).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Agency 2: IDVA service' })).toBeFocused();
  // The dissent still names its agency.
  await goTo(page, 'Dissent', 'dissent');
  await expect(page.getByRole('combobox', { name: /^Agency/ })).toHaveValue(/[0-9a-f-]{36}/);
  await expect(page.getByRole('heading', { name: 'Dissent 1: IDVA service' })).toBeVisible();
});

test('a 60,000-character rationale is accepted, saved, and typing after it still lands', async ({ page, shell }) => {
  const conferenceId = await newConference(page, shell.url);
  await goTo(page, 'Decision for each child', 'decision');
  const rationale = page.getByRole('group', { name: 'Maya Whitfield' }).getByLabel(/^Rationale( \(required\))?$/);
  const long = 'The conference weighed every agency’s view. '.repeat(1_400).slice(0, 60_000);
  await rationale.fill(long);
  await rationale.press('End');
  await page.keyboard.type(' Maya’s words carried most weight.');
  await expect(rationale).toHaveValue(`${long} Maya’s words carried most weight.`);
  // The box grows with its text only up to a cap, then scrolls inside: the page stays usable.
  const box = await rationale.boundingBox();
  expect(box?.height ?? 0).toBeLessThanOrEqual(26 * 16 + 8);
  await expect(saveStatus(page)).toHaveText(/^All changes saved at \d\d:\d\d$/);
  const stored = await page.evaluate(async (id) => {
    const response = await fetch('/api/conferences.get', { method: 'POST', headers: { 'Content-Type': 'application/json', 'x-shell-session': sessionStorage.getItem('conference-recorder.shell-session') ?? '' }, body: JSON.stringify({ id }) });
    const body = (await response.json()) as { value: { conference: { sections: Record<string, { perChild?: Record<string, Record<string, unknown>> }> } } };
    return Object.values(body.value.conference.sections['decision']?.perChild ?? {}).map((child) => String(child['rationale'] ?? '').length);
  }, conferenceId);
  expect(stored).toContain(60_000 + ' Maya’s words carried most weight.'.length);
});

test('names with apostrophes, accents, emoji, right-to-left script and markup show as text everywhere in the form', async ({ page, shell }) => {
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await newConference(page, shell.url);
  const markup = '<img src=x onerror="alert(1)">Ysgol <b>Llanfair</b>';
  const people = ['Siobhán O’Brien-Łukasiewicz 🙂', 'زينب حداد'];
  await page.keyboard.press('Alt+Shift+A');
  await page.getByRole('combobox', { name: /^Agency/ }).selectOption({ label: 'Other agency' });
  await page.getByLabel(/^Name of the agency/).fill(markup);
  await page.getByLabel(/^Representative and role/).fill(people.join(' and '));
  await expect(page.getByRole('heading', { name: `Agency 1: ${markup}` })).toBeVisible();
  await expect(page.getByLabel(/^Name of the agency/)).toHaveAttribute('dir', 'auto');

  await page.getByRole('button', { name: /Collation of agency views/ }).click();
  const row = page.getByRole('row', { name: new RegExp(markup.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) }).first();
  await expect(row).toContainText(people[1] ?? '');
  await expect(row.getByRole('rowheader')).toHaveAttribute('dir', 'auto');
  expect(await page.locator('main img, main b').count()).toBe(0);
  expect(dialogs).toEqual([]);
});

test('the keyboard moves through a section and out again with no trap, and the shortcuts are listed', async ({ page, shell }) => {
  await newConference(page, shell.url);
  await page.getByText('Keyboard shortcuts').focus();
  await page.keyboard.press('Enter');
  await expect(page.getByText('Alt + Shift + Right arrow')).toBeVisible();
  await expect(page.getByText('Add an agency (opens Agency contributions)')).toBeVisible();

  // Tab from the section heading to the pager at its foot: every press moves focus on.
  await goTo(page, 'The voice of the child', 'voice');
  const seen: string[] = [];
  for (let press = 0; press < 200; press += 1) {
    await page.keyboard.press('Tab');
    const here = await page.evaluate(() => {
      const el = document.activeElement;
      return el ? `${el.tagName}#${el.id}|${el.textContent?.slice(0, 40) ?? ''}` : '';
    });
    expect(seen.at(-1), `focus stuck at ${here}`).not.toBe(here);
    seen.push(here);
    if (here.includes('Next: Family views')) break;
  }
  expect(seen.at(-1)).toContain('Next: Family views');
  // Every field of both children was on the way, in reading order.
  const names = seen.filter((s) => s.startsWith('TEXTAREA')).length;
  expect(names).toBeGreaterThanOrEqual(10);
  await page.keyboard.press('Enter');
  await expect(section(page, 'familyViews')).toBeFocused();
});
