import { createConference, createPassphrase, openApp, saveStatus, screenshot, unlock } from './app';
import { childDateOfBirth, childName, childrenLine, meetingField, openChildrenSection, openMeetingSection } from './conference-page';
import { expect, test } from './fixtures';

test('a chair sets up the app, records a conference, and finds it again after a reload', async ({ page, shell }) => {
  await openApp(page, shell.url);
  // The launch link's one-use code is traded for the session secret and leaves the address bar.
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
  await expect(childrenLine(page)).toHaveText('Maya Whitfield, Leo Whitfield');
  await expect(meetingField(page, 'date')).toHaveValue('27/03/2025');

  await meetingField(page, 'startTime').fill('10:00');
  await meetingField(page, 'endTime').fill('12:15');
  await meetingField(page, 'chair').fill('Priya Ashdown');
  await meetingField(page, 'minuteTaker').fill('Tom Reyes');
  await expect(saveStatus(page)).toHaveText(/^All changes saved at \d\d:\d\d$/);
  await page.evaluate(() => window.scrollTo(0, 0));
  await screenshot(page, '5-conference');

  await openChildrenSection(page);
  await expect(childName(page, 1)).toHaveValue('Maya Whitfield');
  await childDateOfBirth(page, 2).fill('04/11/2019');
  await expect(saveStatus(page)).toHaveText(/^All changes saved at \d\d:\d\d$/);

  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Unlock your records' })).toBeVisible();
  await screenshot(page, '2-unlock');
  await unlock(page);
  // The address kept the conference, so unlocking returns to it with every edit.
  await expect(page.getByRole('heading', { level: 1, name: 'Initial child protection conference' })).toBeVisible();
  await openMeetingSection(page);
  await expect(meetingField(page, 'chair')).toHaveValue('Priya Ashdown');
  await expect(meetingField(page, 'minuteTaker')).toHaveValue('Tom Reyes');
  await expect(meetingField(page, 'startTime')).toHaveValue('10:00');
  await expect(meetingField(page, 'endTime')).toHaveValue('12:15');
  await openChildrenSection(page);
  await expect(childDateOfBirth(page, 2)).toHaveValue('04/11/2019');
  await expect(childName(page, 2)).toHaveValue('Leo Whitfield');

  await page.getByRole('link', { name: 'Back to conferences' }).click();
  const row = page.getByRole('row', { name: /Maya Whitfield/ });
  await expect(row).toContainText('27/03/2025');
  await expect(row).toContainText('Initial child protection conference');
  await expect(row).toContainText('Leo Whitfield');
  await expect(row).toContainText(/\d\d\/\d\d\/\d{4} at \d\d:\d\d/);
  await screenshot(page, '4-populated-list');
});
