import { mkdir } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { passphraseOf } from '../integration/team/team-fixture';
import { createConference, saveStatus, unlock } from './app';
import { teamOnOneServer } from './team-apps';

/**
 * The team server goes away while a chair types (issue 9, item 6): the test stops the PostgreSQL
 * cluster under the chair's app. Typing carries on, each save acknowledged as kept on this
 * computer, with one calm banner on the screen; when the cluster is started again the banner says
 * everything was sent, and the manager, in a second browser, sees the chair's text.
 */

test.describe.configure({ mode: 'serial' });
test.setTimeout(240_000);

const SHOTS = '/tmp/offline9-shots';
const apps = teamOnOneServer('e2e offline');
test.beforeAll(async () => {
  await mkdir(SHOTS, { recursive: true });
});

const banner = (page: Page) => page.locator('.team-connection[role="status"]');

test('the server stopped while a chair types: typing goes on, a banner says so, and after the restart the manager sees the text', async ({ browser }) => {
  const chair = await apps.join(browser, 'ch.marsh', 'chair');
  // Joined before the server stops: adding a member needs the server too.
  const manager = await apps.join(browser, 'mg.lindqvist', 'manager');
  const minuteTakerApp = await apps.join(browser, 'mt.okafor', 'minute_taker');

  await createConference(chair.page, { type: 'Initial child protection conference', date: '03/02/2026', children: ['Ellis Varga'] });
  const chairField = chair.page.getByRole('textbox', { name: 'Chair (required)' });
  await chairField.fill('Helen Marsh');
  await chairField.press('Tab');
  await expect(saveStatus(chair.page)).toHaveText(/^All changes saved at \d\d:\d\d$/);
  await expect(banner(chair.page)).toHaveText('');

  await apps.cluster.kill();
  const minuteTaker = chair.page.getByLabel('Minute-taker', { exact: true });
  await minuteTaker.fill('Priya Okafor');
  await minuteTaker.press('Tab');
  await expect(saveStatus(chair.page)).toHaveText('Kept on this computer, encrypted, to be sent when the team server is back');
  await expect(banner(chair.page)).toContainText(
    'The team server cannot be reached. Your changes are being kept, encrypted, on this computer and will be sent when it is back. 1 change waiting.',
  );
  // Typing never stops: more text, kept as well.
  await minuteTaker.fill('Priya Okafor and Sam Reyes');
  await minuteTaker.press('Tab');
  await expect(banner(chair.page)).toContainText('2 changes waiting.');
  await expect(minuteTaker).toHaveValue('Priya Okafor and Sam Reyes');
  await chair.page.evaluate(() => window.scrollTo(0, 0));
  await chair.page.screenshot({ path: `${SHOTS}/banner-away.png` });
  // The banner is on the other screens too.
  await chair.page.getByRole('link', { name: 'Settings' }).click();
  await expect(banner(chair.page)).toContainText('The team server cannot be reached.');
  await chair.page.screenshot({ path: `${SHOTS}/banner-away-settings.png` });
  await chair.page.goBack();
  await expect(chair.page.getByLabel('Minute-taker', { exact: true })).toHaveValue('Priya Okafor and Sam Reyes');
  await expect(saveStatus(chair.page)).toHaveText('Kept on this computer, encrypted, to be sent when the team server is back');

  await apps.cluster.restart();
  await expect(banner(chair.page)).toHaveText('Back online: all changes sent to the team server.', { timeout: 60_000 });
  await expect(saveStatus(chair.page)).toHaveText(/^All changes saved/);
  await expect(chair.page.getByText('could not be read')).toHaveCount(0);
  await chair.page.screenshot({ path: `${SHOTS}/banner-back.png` });

  // The manager, in another browser and app, sees what the chair typed while the server was away.
  await manager.page.reload();
  await unlock(manager.page, passphraseOf(manager.login));
  const row = manager.page.getByRole('row', { name: /Ellis Varga/ });
  await row.getByRole('link').first().click();
  await expect(manager.page.getByLabel('Minute-taker', { exact: true })).toHaveValue('Priya Okafor and Sam Reyes');
  await expect(manager.page.getByRole('textbox', { name: 'Chair (required)' })).toHaveValue('Helen Marsh');
  await manager.page.screenshot({ path: `${SHOTS}/manager-sees.png` });

  // Someone else changes the conference before the chair's kept text reaches the server: the
  // chair's version is kept and shown beside theirs, and the chair puts it on top.
  await apps.cluster.kill();
  await minuteTaker.fill('Priya Okafor, Sam Reyes and Jo Dunn');
  await minuteTaker.press('Tab');
  await expect(saveStatus(chair.page)).toHaveText('Kept on this computer, encrypted, to be sent when the team server is back');
  await chair.page.getByRole('button', { name: 'Lock', exact: true }).click();
  await expect(chair.page.getByLabel('Passphrase')).toBeVisible();
  await apps.cluster.restart();
  await minuteTakerApp.page.reload();
  await unlock(minuteTakerApp.page, passphraseOf(minuteTakerApp.login));
  await minuteTakerApp.page.getByRole('row', { name: /Ellis Varga/ }).getByRole('link').first().click();
  const theirs = minuteTakerApp.page.getByLabel('Minute-taker', { exact: true });
  await expect(theirs).toHaveValue('Priya Okafor and Sam Reyes');
  await theirs.fill('Priya Okafor (minutes)');
  await theirs.press('Tab');
  await expect(saveStatus(minuteTakerApp.page)).toHaveText(/^All changes saved at/);

  await unlock(chair.page, passphraseOf(chair.login));
  const kept = chair.page.getByRole('region', { name: 'Your version, kept on this computer' });
  await expect(kept).toContainText('Priya Okafor, Sam Reyes and Jo Dunn');
  await expect(chair.page.getByLabel('Minute-taker', { exact: true })).toHaveValue('Priya Okafor (minutes)');
  await expect(banner(chair.page)).toContainText('had been changed by someone else before your kept changes could be sent');
  await kept.scrollIntoViewIfNeeded();
  await chair.page.screenshot({ path: `${SHOTS}/kept-version.png` });
  await kept.getByRole('button', { name: 'Put my version on top of theirs' }).click();
  await expect(kept).toHaveCount(0);
  await expect(chair.page.getByLabel('Minute-taker', { exact: true })).toHaveValue('Priya Okafor, Sam Reyes and Jo Dunn');
});
