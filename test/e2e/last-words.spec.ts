import type { Page } from '@playwright/test';
import { createConference, createPassphrase, openApp, saveStatus, screenshot, unlock } from './app';
import { meetingField, openMeetingSection } from './conference-page';
import { expect, startRestartableShell, test } from './fixtures';

/**
 * The last words typed are saved. Autosave waits for an 800 ms pause in typing, so the chair's
 * last words are usually still queued when the window is closed or reloaded, or when the app's
 * local service dies. These drive the browser shell through the UI exactly so.
 */

/**
 * Why these take a while: each test creates a passphrase and unlocks once or twice, and each of
 * those runs the real key derivation (scrypt), which takes seconds on a loaded two-core machine
 * (33–39 s a test was measured with two busy processes beside the suite).
 */
test.describe.configure({ timeout: 90_000 });

async function newConference(page: Page, launchUrl: string): Promise<void> {
  await openApp(page, launchUrl);
  await createPassphrase(page);
  await createConference(page, { type: 'Initial child protection conference', date: '27/03/2025', children: ['Maya Whitfield'] });
  await openMeetingSection(page);
}

/** Types the chair's name and returns when the last key went in (autosave is waiting for its pause). */
async function typeChair(page: Page, text: string): Promise<number> {
  const chair = meetingField(page, 'chair');
  await chair.click();
  await page.keyboard.type(text);
  return Date.now();
}

test('typing and closing the window within 300 ms: the text is there when the app is started again', async ({ page }) => {
  // Closing the app's window stops the app (the launcher stops the shell), so reopening is a new
  // launch with a new one-use link, on the same records.
  const shell = await startRestartableShell();
  try {
    await newConference(page, shell.url);
    const lastKeyAt = await typeChair(page, 'Priya Ashdown');
    // As a chair closing the window: beforeunload and pagehide run. No question is asked: nothing was lost.
    let asked = false;
    page.on('dialog', (dialog) => {
      asked = true;
      void dialog.dismiss();
    });
    const closingAt = Date.now();
    await page.close({ runBeforeUnload: true });
    expect(closingAt - lastKeyAt, 'closed within 300 ms of the last key').toBeLessThan(300);
    await expect.poll(() => page.isClosed()).toBe(true);
    expect(asked).toBe(false);

    const relaunched = await shell.restart({ graceful: true });
    const reopened = await page.context().newPage();
    await openApp(reopened, relaunched);
    await unlock(reopened);
    await reopened.getByRole('link', { name: /Maya Whitfield/ }).click();
    await openMeetingSection(reopened);
    await expect(meetingField(reopened, 'chair')).toHaveValue('Priya Ashdown');
  } finally {
    await shell.stop();
  }
});

test('typing and reloading within 200 ms: the text is there after unlocking', async ({ page, shell }) => {
  await newConference(page, shell.url);
  const lastKeyAt = await typeChair(page, 'Priya Ashdown');
  const reloadingAt = Date.now();
  await page.reload();
  expect(reloadingAt - lastKeyAt, 'reloaded within 200 ms of the last key').toBeLessThan(200);
  await unlock(page);
  await openMeetingSection(page);
  await expect(meetingField(page, 'chair')).toHaveValue('Priya Ashdown');
});

test('the local service killed mid-typing and restarted: the text is saved with no further typing', async ({ page }) => {
  // Why slow: a real process is killed and started again, and the page's retries are seconds apart.
  test.setTimeout(120_000);
  const shell = await startRestartableShell();
  try {
    await newConference(page, shell.url);
    const chair = meetingField(page, 'chair');
    await chair.fill('Priya');
    await expect(saveStatus(page)).toHaveText(/^All changes saved at \d\d:\d\d$/);

    await shell.kill();
    await chair.click();
    await page.keyboard.press('End');
    await page.keyboard.type(' Ashdown');
    // Calm, says it once, and promises nothing the chair must do.
    await expect(saveStatus(page)).toHaveText(
      'Not saved yet. The app’s local service is not responding. Check that the app is still running. Your text is still on screen and will be saved when the app answers; trying again automatically.',
    );
    await screenshot(page, 'save-retrying');

    // Closing now would lose the text (the service is away): this is the one time the chair is asked.
    const asked = new Promise<string>((resolve) => {
      page.once('dialog', (dialog) => {
        resolve(dialog.type());
        void dialog.dismiss();
      });
    });
    await page.close({ runBeforeUnload: true });
    expect(await asked).toBe('beforeunload');
    expect(page.isClosed()).toBe(false);
    await expect(chair).toHaveValue('Priya Ashdown');

    await shell.restart();
    // The restarted service has not been unlocked (the key lived only in the killed process):
    // the next automatic attempt finds it locked, keeps the text and asks for the passphrase.
    // Retries are 1, 2, 4, 8, 15 s apart, so on a busy machine the next one can be ~15 s away.
    await expect(page.getByRole('heading', { level: 1, name: 'Unlock your records' })).toBeVisible({ timeout: 45_000 });
    await expect(page.getByText(/Your latest changes could not be saved before the app locked/)).toBeVisible();
    await screenshot(page, 'save-handed-over');
    await unlock(page);
    await openMeetingSection(page);
    await expect(chair).toHaveValue('Priya Ashdown');
    await expect(saveStatus(page)).toHaveText(/^All changes saved at \d\d:\d\d$/);

    // Stored, not just on screen: a fresh page reads it back from the service.
    await page.reload();
    await unlock(page);
    await openMeetingSection(page);
    await expect(chair).toHaveValue('Priya Ashdown');
  } finally {
    await shell.stop();
  }
});
