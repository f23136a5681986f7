import AxeBuilder from '@axe-core/playwright';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { createConference, createPassphrase, PASSPHRASE, saveStatus, screenshot } from './app';
import { meetingField, openMeetingSection } from './conference-page';
import { expect, test } from './fixtures';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa'];
const INTACT = 'The change history is complete and matches the saved record.';

function conferenceId(page: Page): string {
  return new URL(page.url()).hash.replace('#/conferences/', '');
}

/** Creates a conference and saves one change to its chair, so its history has two entries. */
async function conferenceWithOneSave(page: Page): Promise<string> {
  await createPassphrase(page);
  await createConference(page, { type: 'Initial child protection conference', date: '27/03/2025', children: ['Maya Whitfield'] });
  const id = conferenceId(page);
  await openMeetingSection(page);
  await meetingField(page, 'chair').fill('Priya Ashdown');
  await expect(saveStatus(page)).toHaveText(/^All changes saved at \d\d:\d\d$/);
  return id;
}

/** The history as the services hold it, read with the page's own session, to compare with the screen. */
async function storedHistory(page: Page, id: string): Promise<{ hash: string; prevHash: string; recordHash: string }[]> {
  const result = await page.evaluate(async (conference) => {
    const response = await fetch('/api/conferences.history', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'x-shell-session': sessionStorage.getItem('conference-recorder.shell-session') ?? '' },
      body: JSON.stringify({ id: conference }),
    });
    return (await response.json()) as { ok: boolean; value: { entries: { hash: string; prevHash: string; recordHash: string }[] } };
  }, id);
  expect(result.ok).toBe(true);
  return result.value.entries;
}

test('the change history lists the creation and each save, newest first, and says the history is intact', async ({ page, shell }) => {
  await page.goto(shell.url);
  const id = await conferenceWithOneSave(page);

  await page.getByRole('link', { name: 'Change history' }).click();
  const heading = page.getByRole('heading', { level: 1, name: 'Change history' });
  await expect(heading).toBeVisible();
  await expect(heading).toBeFocused();
  await expect(page).toHaveTitle('Change history – Conference Recorder');
  expect(page.url()).toBe(`${shell.origin}/#/conferences/${id}/history`);
  await expect(page.getByText(INTACT)).toBeVisible();
  await expect(page.getByRole('region', { name: /does not match/ })).toHaveCount(0);

  const table = page.getByRole('table', { name: '2 entries, newest first' });
  await expect(table.getByRole('columnheader')).toHaveText(['Date and time', 'Who', 'What happened', 'Sections changed', 'Revision']);
  const rows = table.locator('tbody tr');
  await expect(rows).toHaveCount(2);
  // Newest first: the save (revision 2) above the creation (revision 1).
  const saved = rows.nth(0).getByRole('cell');
  await expect(saved.nth(0)).toHaveText(/^\d\d\/\d\d\/\d{4} at \d\d:\d\d$/);
  await expect(saved.nth(2)).toHaveText('Saved');
  // Only the section that changed, by its title rather than its id.
  await expect(saved.nth(3)).toHaveText('Meeting details and timescales');
  await expect(saved.nth(4)).toHaveText('2');
  const created = rows.nth(1).getByRole('cell');
  await expect(created.nth(2)).toHaveText('Created');
  await expect(created.nth(3)).toContainText('Meeting details and timescales');
  await expect(created.nth(3)).toContainText('Children');
  await expect(created.nth(4)).toHaveText('1');
  for (const row of [saved, created]) await expect(row.nth(1)).not.toBeEmpty();

  // Hashes appear only as a short fingerprint of the latest entry; never any full hash.
  const entries = await storedHistory(page, id);
  expect(entries).toHaveLength(2);
  const latest = entries.at(-1)?.hash ?? '';
  await expect(page.getByText(/Fingerprint of the latest entry/)).toContainText(latest.slice(0, 12));
  const text = (await page.getByRole('main').textContent()) ?? '';
  for (const entry of entries) {
    for (const hash of [entry.hash, entry.prevHash, entry.recordHash]) expect(text).not.toContain(hash);
  }

  const results = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  const serious = results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
  expect(serious, 'axe on the change history screen').toEqual([]);

  await page.setViewportSize({ width: 1280, height: 800 });
  await screenshot(page, 'history');

  await page.getByRole('link', { name: 'Back to the conference' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Initial child protection conference' })).toBeFocused();
});

test('a history altered outside the app is shown with a warning to report it, not as complete', async ({ page, shell }) => {
  await page.goto(shell.url);
  const id = await conferenceWithOneSave(page);
  await page.getByRole('button', { name: 'Lock', exact: true }).click();

  // Drop the creation entry while the store is locked: the chain no longer starts where it must.
  const log = join(shell.dataDir, 'history', `${id}.log`);
  const lines = (await readFile(log, 'latin1')).split('\n');
  expect(lines.filter(Boolean)).toHaveLength(2);
  await writeFile(log, lines.slice(1).join('\n'), 'latin1');

  await page.getByLabel('Passphrase').fill(PASSPHRASE);
  await page.getByRole('button', { name: 'Unlock' }).click();
  await page.getByRole('link', { name: 'Change history' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Change history' })).toBeFocused();

  const warning = page.getByRole('region', { name: 'The change history does not match the saved record' });
  await expect(warning).toContainText('Report this to your information governance lead.');
  await expect(page.getByText(INTACT)).toHaveCount(0);
  // The store's own report, by id and date only, comes from opening the conference.
  await expect(page.getByRole('region', { name: 'Some records need attention' })).toContainText(
    `Conference ${id} (27/03/2025): its change history does not match`,
  );
  await expect(page.getByRole('main')).not.toContainText('Maya');
  // What could still be read is shown: the save, without the removed creation.
  const rows = page.getByRole('table', { name: '1 entry, newest first' }).locator('tbody tr');
  await expect(rows).toHaveCount(1);
  await expect(rows.first().getByRole('cell').nth(2)).toHaveText('Saved');
});
