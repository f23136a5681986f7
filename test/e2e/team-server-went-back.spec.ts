import { mkdir } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { passphraseOf } from '../integration/team/team-fixture';
import { backUp, restore } from '../integration/team/backup';
import { createConference, saveStatus, unlock } from './app';
import { expectNoSeriousViolations } from './axe';
import { teamOnOneServer } from './team-apps';

/**
 * The team server is restored from an older backup while a chair is signed out: the chair's
 * app, which kept the versions it had seen, says so on signing in, shows the conference as the
 * server has it, will not save over it, and carries on once the chair accepts the server as it
 * is (after the team admin has checked). Fictional names only.
 */

test.describe.configure({ mode: 'serial' });
test.setTimeout(240_000);

const SHOTS = '/tmp/seen-heads-shots';
const apps = teamOnOneServer('e2e went back');
test.beforeAll(async () => {
  await mkdir(SHOTS, { recursive: true });
});

test('a chair signs in to a server restored from an older backup: told which conference went back, not saved over, accepted after a check', async ({ browser }) => {
  const chair = await apps.join(browser, 'ch.ashdown', 'chair');
  const { page } = chair;
  await createConference(page, { type: 'Initial child protection conference', date: '11/03/2026', children: ["Ruby O'Brien-Łukasiewicz"] });
  const id = /#\/conferences\/([0-9a-f-]{36})/.exec(page.url())?.[1] ?? '';
  expect(id).not.toBe('');
  const lastNight = await backUp(apps.team.owner, id);
  const chairField = page.getByRole('textbox', { name: 'Chair (required)' });
  await chairField.fill('Helen Ashdown');
  await chairField.press('Tab');
  await expect(saveStatus(page)).toHaveText(/^All changes saved at \d\d:\d\d$/);

  await page.getByRole('button', { name: 'Lock', exact: true }).click();
  await restore(apps.team.owner, id, lastNight);
  await unlock(page, passphraseOf(chair.login));

  // Signing in brings the chair back to the conference: as the server has it, saying why.
  const problems = page.getByRole('region', { name: 'Some records need attention' });
  await expect(problems).toContainText(`Conference ${id} (11/03/2026) is behind on the team server: the server holds version 1, earlier than version 2 which this computer saw`);
  await expect(chairField).toHaveValue('');
  // The chair's typing is kept on screen and not saved over it.
  await chairField.fill('Helen Ashdown (again)');
  await chairField.press('Tab');
  await expect(page.getByText(/was not saved because the team server holds version 1, earlier than version 2 which this computer saw/).first()).toBeVisible();
  await expect(chairField).toHaveValue('Helen Ashdown (again)');
  await page.screenshot({ path: `${SHOTS}/conference-refused.png` });
  const { rows } = await apps.team.owner.query<{ revision: number }>('SELECT revision FROM cpc.conferences WHERE id = $1', [id]);
  expect(rows[0]?.revision).toBe(1);

  // The list says the same for the whole server, with the way to accept it.
  await page.getByRole('link', { name: 'Conferences', exact: true }).click();
  await expect(problems).toContainText(`The team server holds a conference at an earlier version than this computer last saw, or not at all — Conference ${id} (11/03/2026): version 1 on the server, version 2 seen here.`);
  await page.screenshot({ path: `${SHOTS}/list-warning.png` });
  await expectNoSeriousViolations(page, 'conference list with a server that went back');

  // The team admin has checked: there is no newer backup. The chair accepts the server as it is.
  await problems.getByRole('button', { name: 'I have checked this: accept the store as it is' }).click();
  const confirm = problems.getByRole('group', { name: 'Accept the store as it is?' });
  await expect(confirm.getByRole('heading', { name: 'Accept the store as it is?' })).toBeFocused();
  await expect(confirm).toContainText('Do this only once your team admin has checked the team server');
  await page.screenshot({ path: `${SHOTS}/accept-confirm.png` });
  await confirm.getByRole('button', { name: 'Yes, accept the store as it is' }).click();
  await expect(page.getByText(/The team server holds a conference at an earlier version/)).toHaveCount(0);

  // Saved again from the server's version; signing in again reports nothing.
  await page.getByRole('row', { name: /Ruby O'Brien-Łukasiewicz/ }).getByRole('link').first().click();
  await expect(page.getByText(/is behind on the team server/)).toHaveCount(0);
  await chairField.fill('Helen Ashdown');
  await chairField.press('Tab');
  await expect(saveStatus(page)).toHaveText(/^All changes saved at \d\d:\d\d$/);
  await page.getByRole('button', { name: 'Lock', exact: true }).click();
  await unlock(page, passphraseOf(chair.login));
  await expect(chairField).toHaveValue('Helen Ashdown');
  await page.getByRole('link', { name: 'Conferences', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Conferences' })).toBeVisible();
  await expect(page.getByText(/earlier version/)).toHaveCount(0);
});
