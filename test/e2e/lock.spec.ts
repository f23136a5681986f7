import { createConference, createPassphrase, saveStatus, unlock } from './app';
import { meetingField } from './conference-page';
import { expect, test } from './fixtures';

test('Lock saves what was just typed, hides every record, and unlocking brings it back', async ({ page, shell }) => {
  await page.goto(shell.url);
  await createPassphrase(page);
  await createConference(page, { type: 'Initial child protection conference', date: '27/03/2025', children: ['Maya Whitfield'] });

  // Lock straight after typing, before the autosave pause has passed.
  await meetingField(page, 'minuteTaker').fill('Tom Reyes');
  await page.getByRole('button', { name: 'Lock', exact: true }).click();

  await expect(page.getByRole('heading', { level: 1, name: 'Unlock your records' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
  await expect(page.getByText('The app is locked. Enter your passphrase to carry on.')).toBeVisible();
  // Nothing from the record is left on the page, and there is no way round the lock.
  expect(await page.content()).not.toContain('Maya');
  await expect(page.getByRole('button', { name: 'Lock', exact: true })).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'Settings' })).toHaveCount(0);
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Unlock your records' })).toBeVisible();

  await unlock(page);
  await expect(meetingField(page, 'minuteTaker')).toHaveValue('Tom Reyes');
  await expect(saveStatus(page)).toHaveText(/^All changes saved at/);
});

test('the app locks itself after the chosen minutes without activity, and activity puts it off', async ({ page, shell }) => {
  await page.clock.install();
  await page.goto(shell.url);
  await createPassphrase(page);
  await createConference(page, { type: 'Review child protection conference', date: '01/07/2025', children: ['Leo Whitfield'] });

  await page.getByRole('link', { name: 'Settings' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
  await page.getByLabel('Lock after this many minutes without activity').fill('1');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByText('The app will lock itself after 1 minute without activity.')).toBeVisible();
  await page.getByRole('link', { name: 'Conferences', exact: true }).click();
  await expect(page.getByRole('row', { name: /Leo Whitfield/ })).toBeVisible();

  await page.clock.fastForward('00:40');
  // Activity is also reported to the services, whose own idle timer would otherwise lock the store.
  const heartbeat = page.waitForRequest((request) => request.url().endsWith('/api/settings.get'));
  await page.keyboard.press('Shift');
  await heartbeat;
  await page.clock.fastForward('00:40');
  // 80 seconds have passed, but only 40 since the key press.
  await expect(page.getByRole('heading', { level: 1, name: 'Conferences' })).toBeVisible();

  await page.clock.fastForward('00:25');
  await expect(page.getByRole('heading', { level: 1, name: 'Unlock your records' })).toBeVisible();
  await expect(page.getByText('The app locked itself after 1 minute without activity. Your saved work is safe.')).toBeVisible();
  expect(await page.content()).not.toContain('Leo Whitfield');

  // The setting is kept with the store.
  await unlock(page);
  await page.getByRole('link', { name: 'Settings' }).click();
  await expect(page.getByLabel('Lock after this many minutes without activity')).toHaveValue('1');
});
