import { PASSPHRASE, saveStatus } from './app';
import { meetingField } from './conference-page';
import { expect, test } from './fixtures';
import { expectVisibleFocus, tabTo } from './keyboard';

test('keyboard only: set up, create a conference, lock and unlock', async ({ page, shell }) => {
  await page.goto(shell.url);
  await expect(page.getByRole('heading', { level: 1, name: 'Create a passphrase' })).toBeVisible();

  // The skip link comes first and jumps to the main content.
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to main content' });
  await expectVisibleFocus(skip);
  await page.keyboard.press('Enter');
  await expect(page.locator('main')).toBeFocused();

  // Create the passphrase: a mismatch first, then put right from the error summary.
  await tabTo(page, page.getByLabel('Passphrase', { exact: true }));
  await expectVisibleFocus(page.getByLabel('Passphrase', { exact: true }));
  await page.keyboard.type(PASSPHRASE);
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Confirm passphrase')).toBeFocused();
  await page.keyboard.type('something else entirely');
  await page.keyboard.press('Enter');
  const summary = page.locator('.error-summary');
  await expect(summary).toBeFocused();
  await page.keyboard.press('Tab');
  await expectVisibleFocus(summary.getByRole('link', { name: 'The passphrases do not match' }));
  await page.keyboard.press('Enter');
  await expect(page.getByLabel('Confirm passphrase')).toBeFocused();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type(PASSPHRASE);
  await page.keyboard.press('Enter');

  // The list: focus lands on the new heading; the create link is reachable.
  const listHeading = page.getByRole('heading', { level: 1, name: 'Conferences' });
  await expect(listHeading).toBeFocused();
  const createLink = page.getByRole('link', { name: 'Create a conference' });
  await tabTo(page, createLink);
  await expectVisibleFocus(createLink);
  await page.keyboard.press('Enter');

  // The create form, by keyboard alone.
  await expect(page.getByRole('heading', { level: 1, name: 'Create a conference' })).toBeFocused();
  await tabTo(page, page.getByLabel('Type of conference'));
  await page.keyboard.press('ArrowDown');
  await expect(page.getByLabel('Type of conference')).toHaveValue('initial');
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Conference date')).toBeFocused();
  await page.keyboard.type('27/03/2025');
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Name of child 1')).toBeFocused();
  await page.keyboard.type('Maya Whitfield');
  const addChild = page.getByRole('button', { name: 'Add another child' });
  await tabTo(page, addChild);
  await expectVisibleFocus(addChild);
  await page.keyboard.press('Enter');
  // Focus follows into the new row.
  await expect(page.getByLabel('Name of child 2')).toBeFocused();
  await page.keyboard.type('Leo Whitfield');
  await tabTo(page, page.getByRole('button', { name: 'Create conference' }));
  await page.keyboard.press('Enter');

  // The conference page: edit a detail and see it saved.
  await expect(page.getByRole('heading', { level: 1, name: 'Initial child protection conference' })).toBeFocused();
  // The guided form puts its section navigation first, so allow for many stops on the way.
  await tabTo(page, meetingField(page, 'chair'), { limit: 80 });
  await page.keyboard.type('Priya Ashdown');
  await expect(saveStatus(page)).toHaveText(/^All changes saved at/);

  // Lock from the header (backwards from the form), then unlock by keyboard.
  const lock = page.getByRole('button', { name: 'Lock', exact: true });
  await tabTo(page, lock, { backwards: true, limit: 80 });
  await expectVisibleFocus(lock);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Unlock your records' })).toBeFocused();
  await tabTo(page, page.getByLabel('Passphrase'));
  await page.keyboard.type(PASSPHRASE);
  await page.keyboard.press('Enter');
  await expect(meetingField(page, 'chair')).toHaveValue('Priya Ashdown');
  await expect(page.getByRole('heading', { level: 1, name: 'Initial child protection conference' })).toBeFocused();
});

test('keyboard only: create-conference errors are listed, linked and fixed in place', async ({ page, shell }) => {
  await page.goto(shell.url);
  await page.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
  await page.getByLabel('Confirm passphrase').fill(PASSPHRASE);
  await page.getByLabel('Confirm passphrase').press('Enter');
  await tabTo(page, page.getByRole('link', { name: 'Create a conference' }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Create a conference' })).toBeFocused();
  await tabTo(page, page.getByLabel('Conference date'));
  await page.keyboard.type('31/02/2025');
  await tabTo(page, page.getByRole('button', { name: 'Create conference' }));
  await page.keyboard.press('Enter');

  const summary = page.locator('.error-summary');
  await expect(summary).toBeFocused();
  await expect(summary.getByRole('link')).toHaveText([
    'Select the type of conference',
    'Conference date: 31/02/2025 is not a real date: February 2025 has 28 days.',
    'Enter the name of child 1',
  ]);
  await expect(page).toHaveTitle('Error: Create a conference – Conference Recorder');
  await expect(page.getByLabel('Conference date')).toHaveAttribute('aria-invalid', 'true');

  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await expect(page.getByLabel('Conference date')).toBeFocused();
});
