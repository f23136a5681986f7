import { expect, test, type Browser, type Page } from '@playwright/test';
import type { ConferenceRecord } from '../../domain/record/conference';
import { whitfieldRecord } from '../../main/demo/scenarios/whitfield';
import type { TeamRole } from '../../main/services/team/membership';
import { passphraseOf } from '../integration/team/team-fixture';
import { saveStatus } from './app';
import { teamOnOneServer } from './team-apps';

/**
 * lease9: a council's team on one PostgreSQL server, each person in their own browser and app.
 * "Being edited by …" between two chairs; a minute-taker who types in a chair's conference and is
 * not offered signing; a manager who is offered neither creating nor editing. The database
 * refuses all of these anyway (test/integration/team/roles.test.ts): this is what the screens offer.
 */

test.describe.configure({ mode: 'serial' });
test.setTimeout(240_000);

const SHOTS = '/tmp/lease9-shots';
const apps = teamOnOneServer('e2eroles');
const COUNCIL = 'Carrowby Borough Council';
const ROLE_TITLES: Record<TeamRole, string> = {
  chair: 'Independent Child Protection Chair',
  minute_taker: 'Minute-taker',
  manager: 'Safeguarding Service Manager',
  team_admin: 'Team administrator',
};

/** Joins the team (with a signing profile, so teammates see a name) and signs in from a fresh browser and app. */
const member = (browser: Browser, name: string, role: TeamRole, profileName: string) => apps.join(browser, name, role, { name: profileName, role: ROLE_TITLES[role], council: COUNCIL });

/** The Whitfield scenario, ready to sign, entered by a chair straight into the team store. */
async function whitfieldBy(login: string): Promise<ConferenceRecord> {
  const ready = whitfieldRecord();
  const store = apps.team.storeFor(login);
  await store.unlock(passphraseOf(login));
  const children = ready.sections['children'];
  const names = children?.kind === 'list' ? children.items.map((item) => ({ name: String(item.values['name']) })) : [];
  const created = await store.createConference({ type: ready.type, date: '2026-01-15', children: names });
  await store.save({ id: created.id, baseRevision: created.revision, sections: ready.sections });
  const { conference } = await store.get(created.id);
  await store.lock();
  return conference;
}

async function open(page: Page, childName: RegExp): Promise<void> {
  // Through Settings, so the list is read afresh even when it is already on screen.
  await page.getByRole('link', { name: 'Settings', exact: true }).click();
  await page.getByRole('link', { name: 'Conferences', exact: true }).click();
  await page.getByRole('row', { name: childName }).getByRole('link').first().click();
  await expect(page.getByRole('navigation', { name: 'Conference sections' })).toBeVisible();
}

const banner = (page: Page) => page.locator('.edit-lease');

test('two chairs: the second sees “being edited by” with the first’s name, and it goes when the first leaves', async ({ browser }) => {
  const first = await member(browser, 'ch.marsh', 'chair', 'Helen Marsh');
  const second = await member(browser, 'ch.adeyemi', 'chair', 'Tunde Adeyemi');
  await expect(first.page.locator('.app-header__who')).toHaveText(`Chair · Team store: ${apps.team.server.host}/${apps.team.server.database}`);
  await expect(first.page.locator('footer')).toContainText(`on the team store ${apps.team.server.host}/${apps.team.server.database}`);
  await expect(first.page.locator('footer')).not.toContainText('this computer');

  await whitfieldBy(first.login);
  await open(first.page, /Maya Whitfield/);
  await expect(banner(first.page)).toBeHidden(); // alone in it: no banner for oneself

  await open(second.page, /Maya Whitfield/);
  await expect(banner(second.page)).toHaveText(/^Being edited by Helen Marsh since \d\d:\d\d — your changes may conflict\./);
  await second.page.screenshot({ path: `${SHOTS}/lease-banner.png` });
  // The first chair is told about the second at their next renewal (every 15 s).
  await expect(banner(first.page)).toContainText('Being edited by Tunde Adeyemi since', { timeout: 25_000 });

  // The first leaves for the list: the lease is released, and the second's banner goes at their next renewal.
  await first.page.getByRole('link', { name: 'Back to conferences' }).click();
  await expect(banner(second.page)).toBeHidden({ timeout: 25_000 });

  // Back again, then the window is closed outright: released as the page goes, not 90 s later.
  await open(first.page, /Maya Whitfield/);
  await expect(banner(second.page)).toContainText('Being edited by Helen Marsh', { timeout: 25_000 });
  await first.context.close();
  await expect(banner(second.page)).toBeHidden({ timeout: 25_000 });
});

test('a minute-taker types in a chair’s conference, the chair sees it, and only the chair is offered signing', async ({ browser }) => {
  const chair = await member(browser, 'ch.brook', 'chair', 'Isla Brook');
  const minuteTaker = await member(browser, 'mt.okafor', 'minute_taker', 'Priya Okafor');
  await whitfieldBy(chair.login);

  await expect(minuteTaker.page.locator('.app-header__who')).toContainText('Minute-taker · Team store:');
  await expect(minuteTaker.page.getByRole('link', { name: 'Create a conference' })).toBeVisible();
  await open(minuteTaker.page, /Maya Whitfield/);
  const field = minuteTaker.page.getByLabel('Minute-taker', { exact: true });
  await field.fill('Priya Okafor, business support');
  await field.press('Tab');
  await expect(saveStatus(minuteTaker.page)).toHaveText(/^All changes saved at \d\d:\d\d$/);

  await minuteTaker.page.keyboard.press('Alt+Shift+R');
  const readiness = minuteTaker.page.getByRole('region', { name: 'Ready to sign?' });
  await expect(readiness).toContainText('Ready to sign');
  await expect(readiness).toContainText('Only the chair can sign the minutes.');
  await expect(minuteTaker.page.getByRole('button', { name: 'Sign the minutes' })).toHaveCount(0);
  await minuteTaker.page.screenshot({ path: `${SHOTS}/minute-taker-readiness.png` });

  // The chair opens it and sees the minute-taker's text, and is offered signing on the same record.
  await open(chair.page, /Maya Whitfield/);
  await expect(chair.page.getByLabel('Minute-taker', { exact: true })).toHaveValue('Priya Okafor, business support');
  await expect(banner(chair.page)).toContainText('Being edited by Priya Okafor since');
  await chair.page.keyboard.press('Alt+Shift+R');
  await expect(chair.page.getByRole('button', { name: 'Sign the minutes' })).toBeVisible();
  await expect(chair.page.getByText('Only the chair can sign the minutes.')).toHaveCount(0);
  await chair.page.screenshot({ path: `${SHOTS}/chair-readiness.png` });
});

test('a manager is offered neither creating nor editing: the list has no create button and the conference’s fields are read-only', async ({ browser }) => {
  const chair = apps.team.login('ch.brook');
  await whitfieldBy(chair);
  const manager = await member(browser, 'mg.lindqvist', 'manager', 'Ingrid Lindqvist');
  await expect(manager.page.locator('.app-header__who')).toContainText('Manager · Team store:');
  await expect(manager.page.getByRole('link', { name: 'Audit non-plan outcomes' })).toBeVisible();
  await expect(manager.page.getByRole('link', { name: 'Create a conference' })).toHaveCount(0);
  await manager.page.screenshot({ path: `${SHOTS}/manager-list.png` });

  await open(manager.page, /Maya Whitfield/);
  await expect(manager.page.getByText('You are signed in as a manager: conferences are shown read-only.')).toBeVisible();
  await expect(manager.page.getByLabel('Date of the conference')).toBeDisabled();
  await expect(manager.page.locator('#save-status')).toHaveCount(0);
  await manager.page.screenshot({ path: `${SHOTS}/manager-conference.png` });
  await manager.page.keyboard.press('Alt+Shift+R');
  await expect(manager.page.getByRole('button', { name: 'Sign the minutes' })).toHaveCount(0);

  // Reached by its address, creating is explained rather than offered.
  await manager.page.goto(`${manager.page.url().split('#')[0]}#/new`);
  await expect(manager.page.getByRole('heading', { level: 1, name: 'Not part of your role' })).toBeVisible();
  await expect(manager.page.getByRole('button', { name: 'Create conference' })).toHaveCount(0);
});

test('on this computer the footer says so, and the one person is the chair', async ({ browser }) => {
  const shell = await apps.shell();
  const page = await (await browser.newContext()).newPage();
  await page.goto(shell.url);
  await expect(page.locator('footer')).toHaveText('Conference records are stored encrypted on this computer.');
});

test('two chairs save the same section: the second is refused, keeps the typed text, sees both versions and chooses', async ({ browser }) => {
  const first = await member(browser, 'ch.quinn', 'chair', 'Sam Quinn');
  const second = await member(browser, 'ch.hale', 'chair', 'Jo Hale');
  await whitfieldBy(first.login);
  await open(first.page, /Maya Whitfield/);
  await open(second.page, /Maya Whitfield/);

  const firstField = first.page.getByLabel('Minute-taker', { exact: true });
  await firstField.fill('Alex Penrose, typed by the first chair');
  await firstField.press('Tab');
  await expect(saveStatus(first.page)).toHaveText(/^All changes saved at \d\d:\d\d$/);

  // The second chair's page still holds the revision it opened: their save is refused, not merged.
  const secondField = second.page.getByLabel('Minute-taker', { exact: true });
  await secondField.fill('Bea Lorimer, typed by the second chair');
  await secondField.press('Tab');
  await expect(saveStatus(second.page)).toContainText('changed elsewhere');
  await expect(secondField).toHaveValue('Bea Lorimer, typed by the second chair'); // kept on screen
  const both = second.page.getByRole('region', { name: /^Someone else saved this conference at \d\d:\d\d: your changes are not saved yet$/ });
  await expect(both).toBeVisible();
  const row = both.getByRole('row', { name: /^Minute-taker / });
  await expect(row.getByRole('cell').nth(0)).toHaveText('Bea Lorimer, typed by the second chair');
  await expect(row.getByRole('cell').nth(1)).toHaveText('Alex Penrose, typed by the first chair');
  await both.scrollIntoViewIfNeeded();
  await second.page.screenshot({ path: `${SHOTS}/conflict-both-versions.png` });

  await both.getByRole('button', { name: 'Keep my version' }).click();
  await expect(both).toBeHidden();
  await expect(second.page.getByLabel('Minute-taker', { exact: true })).toHaveValue('Bea Lorimer, typed by the second chair');
  await expect(saveStatus(second.page)).toHaveText(/^All changes saved/);

  // The first chair, opening it again, has the second's text: the choice was saved.
  await open(first.page, /Maya Whitfield/);
  await expect(first.page.getByLabel('Minute-taker', { exact: true })).toHaveValue('Bea Lorimer, typed by the second chair');
});
