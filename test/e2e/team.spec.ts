import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { DEFAULT_KDF } from '../../main/services/store/kdf';
import { startCluster, type Cluster } from '../integration/team/pg-cluster';
import { newTeam, passphraseOf, type Team } from '../integration/team/team-fixture';
import { createConference, saveStatus, screenshot, unlock } from './app';
import { startShell } from './fixtures';

/**
 * Two people of one council's team, each in their own browser and app (a shell started with
 * CPC_TEAM_SETTINGS), on one PostgreSQL server: the chair's saves appear to the manager, and the
 * manager's attempt to edit is refused by the server with the typed text kept on screen.
 * Members are enrolled with the app's real key-derivation cost, as the app signs in with it.
 */

test.describe.configure({ mode: 'serial' });
test.setTimeout(180_000);

let cluster: Cluster;
let team: Team;
let work: string;
const shells: { stop: () => Promise<void> }[] = [];

test.beforeAll(async () => {
  test.setTimeout(180_000);
  cluster = await startCluster();
  team = await newTeam(cluster, 'e2e', DEFAULT_KDF);
  work = await mkdtemp(join(tmpdir(), 'cpc-e2e-team-'));
});

test.afterAll(async () => {
  await Promise.all(shells.map((s) => s.stop()));
  await team?.close();
  await cluster?.stop();
  if (work) await rm(work, { recursive: true, force: true });
});

async function memberApp(browser: Browser, name: string, role: 'chair' | 'manager'): Promise<{ page: Page; login: string }> {
  const login = team.login(name);
  await team.join(login, role);
  const settings = join(work, `${login}.json`);
  const { host, port, database, prefix } = team.server;
  await writeFile(settings, JSON.stringify({ host, port, database, prefix, login }));
  const shell = await startShell({ CPC_TEAM_SETTINGS: settings });
  shells.push(shell);
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(shell.url);
  await unlock(page, passphraseOf(login));
  return { page, login };
}

test('a chair and a manager on one PostgreSQL server: the chair’s saves appear to the manager, who cannot edit', async ({ browser }) => {
  const chair = await memberApp(browser, 'ch.marsh', 'chair');
  await createConference(chair.page, { type: 'Initial child protection conference', date: '03/02/2026', children: ['Ellis Varga'] });
  const date = chair.page.getByLabel('Date of the conference');
  await date.fill('04/02/2026');
  await date.press('Tab');
  await expect(saveStatus(chair.page)).toHaveText(/^All changes saved at \d\d:\d\d$/);
  await screenshot(chair.page, 'team-chair');

  const manager = await memberApp(browser, 'mg.lindqvist', 'manager');
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
