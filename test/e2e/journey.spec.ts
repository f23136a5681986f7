import { createConference, createPassphrase, openApp, saveStatus, screenshot, unlock } from './app';
import { expect, test } from './fixtures';

test('a chair sets up the app, records a conference, and finds it again after a reload', async ({ page, shell }) => {
  await openApp(page, shell.url);
  // The launch link's token is traded for a cookie and leaves the address bar.
  expect(page.url()).toBe(`${shell.origin}/`);
  await expect(page).toHaveTitle('Create a passphrase – Conference Recorder');
  await screenshot(page, '1-create-passphrase');

  await createPassphrase(page);
  await expect(page.getByText('No conferences yet')).toBeVisible();
  await screenshot(page, '3-empty-list');

  await createConference(page, {
    type: 'Initial child protection conference',
    date: '27/03/2025',
    children: ['Maya Whitfield', 'Leo Whitfield'],
  });
  await expect(page.getByLabel('Conference date')).toHaveValue('27/03/2025');
  await expect(page.getByLabel('Full name').first()).toHaveValue('Maya Whitfield');

  await page.getByLabel('Start time').fill('10:00');
  await page.getByLabel('End time').fill('12:15');
  await page.getByLabel('Venue').fill('Brookfield Family Centre, Room 2');
  await page.getByLabel('Chair').fill('Priya Ashdown');
  await page.getByLabel('Minute-taker').fill('Tom Reyes');
  await page.getByRole('group', { name: 'Child 2' }).getByLabel('Date of birth').fill('04/11/2019');
  await expect(saveStatus(page)).toHaveText(/^All changes saved at \d\d:\d\d$/);
  await screenshot(page, '5-conference');

  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Unlock your records' })).toBeVisible();
  await screenshot(page, '2-unlock');
  await unlock(page);
  // The address kept the conference, so unlocking returns to it.
  await expect(page.getByLabel('Chair')).toHaveValue('Priya Ashdown');
  await expect(page.getByLabel('Venue')).toHaveValue('Brookfield Family Centre, Room 2');
  await expect(page.getByLabel('Start time')).toHaveValue('10:00');
  await expect(page.getByLabel('End time')).toHaveValue('12:15');
  await expect(page.getByRole('group', { name: 'Child 2' }).getByLabel('Date of birth')).toHaveValue('04/11/2019');

  await page.getByRole('link', { name: 'Back to conferences' }).click();
  const row = page.getByRole('row', { name: /Maya Whitfield/ });
  await expect(row).toContainText('27/03/2025');
  await expect(row).toContainText('Initial child protection conference');
  await expect(row).toContainText('Leo Whitfield');
  await expect(row).toContainText(/\d\d\/\d\d\/\d{4} at \d\d:\d\d/);
  await screenshot(page, '4-populated-list');
});
