import { createConference, createPassphrase, PASSPHRASE, unlock } from './app';
import { childrenLine } from './conference-page';
import { expect, test } from './fixtures';

test('a wrong passphrase is refused clearly, changes nothing, and the right one still unlocks', async ({ page, shell }) => {
  await page.goto(shell.url);
  await createPassphrase(page);
  await createConference(page, { type: 'Review child protection conference', date: '02/06/2025', children: ['Maya Whitfield'] });
  await page.getByRole('button', { name: 'Lock', exact: true }).click();

  await expect(page.getByRole('heading', { level: 1, name: 'Unlock your records' })).toBeVisible();
  await page.getByLabel('Passphrase').fill('violet tractor harbour pebble 48');
  await page.getByRole('button', { name: 'Unlock' }).click();

  const message = 'That passphrase is not right. Nothing has been changed — try again.';
  const summary = page.locator('.error-summary');
  await expect(summary).toBeFocused();
  await expect(summary.getByRole('heading', { name: 'There is a problem' })).toBeVisible();
  const link = summary.getByRole('link', { name: message });
  await expect(link).toHaveAttribute('href', '#passphrase');
  await expect(page.getByLabel('Passphrase')).toHaveAccessibleDescription(`Error: ${message}`);
  await expect(page).toHaveTitle('Error: Unlock – Conference Recorder');

  // The summary link takes the user to the field.
  await link.click();
  await expect(page.getByLabel('Passphrase')).toBeFocused();

  // A second wrong attempt, then the right one: the store is intact.
  await page.getByLabel('Passphrase').fill('not the passphrase at all');
  await page.getByRole('button', { name: 'Unlock' }).click();
  await expect(summary).toBeFocused();
  await unlock(page, PASSPHRASE);
  // Unlocking returns to the conference that was open.
  await expect(childrenLine(page)).toHaveText('Maya Whitfield');
  await page.getByRole('link', { name: 'Conferences', exact: true }).click();
  await expect(page.getByRole('row', { name: /Maya Whitfield/ })).toContainText('02/06/2025');
});

test('an empty passphrase is caught before anything is sent', async ({ page, shell }) => {
  await page.goto(shell.url);
  await createPassphrase(page);
  await page.getByRole('button', { name: 'Lock', exact: true }).click();
  await page.getByRole('button', { name: 'Unlock' }).click();
  await expect(page.locator('.error-summary').getByRole('link', { name: 'Enter your passphrase' })).toBeVisible();
});
