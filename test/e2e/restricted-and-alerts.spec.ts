import { mkdirSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { createConference, createPassphrase, openApp, saveStatus, unlock } from './app';
import { expect, test } from './fixtures';

/**
 * Restricted information and the chair's practice alert, through the UI: a police paragraph
 * marked restricted where it is written, a closed part with who was present, the family
 * version of the rationale clearing readiness's sentence, and an alert whose response is
 * overdue. Each screen is checked with axe and photographed.
 */

const SHOTS = 'test-results/screenshots';
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa'];

async function expectNoSeriousViolations(page: Page, screen: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  const serious = results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
  expect(serious, `axe on the ${screen} screen`).toEqual([]);
}

async function openSection(page: Page, title: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Conference sections' }).getByRole('button', { name: new RegExp(`^\\d+\\. ${title}`) }).click();
  await expect(page.getByRole('heading', { level: 2, name: new RegExp(`^${title}`) })).toBeVisible();
}

async function openReadiness(page: Page): Promise<void> {
  await page.keyboard.press('Alt+Shift+R');
  await expect(page.getByRole('heading', { level: 2, name: 'Ready to sign?' })).toBeFocused();
}

const POLICE =
  'Officers attended three domestic abuse incidents at the address between October and December 2025. Jason was arrested once and released with no further action.';
const FAMILY_VERSION = 'We decided Maya needs a child protection plan because she has seen her dad hurt her mum, and that has frightened her.';
const NO_FAMILY_VERSION = /Maya Whitfield’s rationale has no family version\. If the rationale relies on restricted information, write a family version that leaves it out/;

test('a police paragraph marked restricted, a closed part, a family version of the rationale, and a practice alert', async ({ page, shell }) => {
  test.setTimeout(240_000);
  mkdirSync(SHOTS, { recursive: true });
  await openApp(page, shell.url);
  await createPassphrase(page);
  await createConference(page, { type: 'Initial child protection conference', date: '15/01/2026', children: ['Maya Whitfield'] });
  const main = page.getByRole('main');

  // The police paragraph, marked restricted where it is written.
  await openSection(page, 'Agency contributions');
  await page.keyboard.press('Alt+Shift+A');
  await main.getByRole('combobox', { name: /^Agency( \(required\))?$/ }).selectOption({ label: 'Police' });
  await main.getByLabel(/^Representative and role/).fill('DC Hannah Briggs, public protection unit');
  await main.getByLabel(/^Information shared/).fill(POLICE);
  const tick = main.getByRole('checkbox', { name: 'Restricted: leave out of the family copy (Information shared)' });
  await expect(tick).not.toBeChecked();
  await tick.check();
  await expect(tick).toBeChecked();
  await main.getByLabel(/^Information shared/).scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SHOTS}/restricted-toggle.png` });
  await expectNoSeriousViolations(page, 'agency contributions with a restricted answer');

  // A closed part of the meeting and who was present for it.
  await openSection(page, 'Restricted information');
  await main.getByRole('button', { name: 'Add closed part' }).click();
  await main.getByLabel(/^What the closed part was for/).fill('Confidential police information, 10:40 to 10:55');
  await main.getByLabel(/^Who was present for it/).fill('The chair, DC Hannah Briggs, the social worker and the minute-taker.');
  await main.getByLabel(/^Who was asked to leave, and why/).fill('Kerry and Jason Whitfield, so that information about a previous partner could be heard.');
  await main.getByLabel(/^What was shared in the closed part/).fill('Police hold information about Jason’s relationship with a previous partner.');
  await expect(main.getByText('Restricted: always left out of the family copy.')).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/restricted-closed-part.png`, fullPage: true });
  await expectNoSeriousViolations(page, 'restricted information (closed part)');

  // The rationale, which relies on what the police said: readiness asks for a family version.
  await openSection(page, 'Decision for each child');
  await main.getByLabel(/^Rationale( \(required\))?$/).fill(
    'Police told the conference Jason was arrested once after the third incident. Maya has been present at three incidents of domestic abuse.',
  );
  await openReadiness(page);
  const warning = main.getByRole('link', { name: NO_FAMILY_VERSION });
  await expect(warning).toBeVisible();
  await expect(warning).toContainText('2 restricted answers');
  await page.screenshot({ path: `${SHOTS}/restricted-readiness-before.png`, fullPage: true });

  // The sentence links to the family version's field; writing it clears the sentence.
  await warning.click();
  const family = main.getByLabel(/^Rationale for the family/);
  await expect(family).toBeFocused();
  await family.fill(FAMILY_VERSION);
  await page.screenshot({ path: `${SHOTS}/restricted-family-version.png` });
  await expectNoSeriousViolations(page, 'decision with a family version');
  await openReadiness(page);
  await expect(main.getByRole('link', { name: NO_FAMILY_VERSION })).toHaveCount(0);

  // Unmarking the police paragraph afterwards keeps the family version.
  await openSection(page, 'Agency contributions');
  await main.getByRole('checkbox', { name: 'Restricted: leave out of the family copy (Information shared)' }).uncheck();
  await openSection(page, 'Decision for each child');
  await expect(main.getByLabel(/^Rationale for the family/)).toHaveValue(FAMILY_VERSION);

  // A practice alert raised at stage 1 on Monday 5 January 2026: due 5 working days later, Monday 12 January, so overdue now.
  await openSection(page, 'Practice alerts');
  await main.getByRole('button', { name: 'Add practice alert' }).click();
  await main.getByRole('combobox', { name: /^Concern/ }).selectOption({ label: 'Drift or delay in the plan' });
  await main.getByLabel(/^What the concern is/).fill('No core group has met since the conference and no social work visit is recorded.');
  await main.getByRole('radio', { name: 'Stage 1: team manager' }).check();
  await main.getByLabel(/^Date raised/).fill('05/01/2026');
  await main.getByLabel(/^Date raised/).press('Tab');
  await main.getByLabel(/^Raised with/).fill('Sam Okafor, team manager');
  await expect(main.getByText('Response due by 12/01/2026: 5 working days after it was raised on 05/01/2026 (a local setting).')).toBeVisible();
  await expect(main.getByText(/^Overdue: no response has been recorded by \d\d\/\d\d\/\d{4}\.$/)).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/practice-alert.png`, fullPage: true });
  await expectNoSeriousViolations(page, 'practice alerts');

  await openReadiness(page);
  const overdue = page.locator('.g-panel--warning').getByRole('link', {
    name: /^Practice alert 1 \(drift or delay in the plan\), raised with Sam Okafor, team manager on 05\/01\/2026: a response was due by 12\/01\/2026 and none has been recorded\./,
  });
  await expect(overdue).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/practice-alert-readiness.png`, fullPage: true });
  await expectNoSeriousViolations(page, 'readiness with an overdue alert');

  // A response received clears the warning.
  await overdue.click();
  await main.getByRole('group', { name: /^Response received/ }).getByRole('radio', { name: 'Yes' }).check();
  await main.getByLabel(/^Date of the response/).fill('14/01/2026');
  await main.getByLabel(/^Date of the response/).press('Tab');
  await expect(main.getByText('Response received on 14/01/2026.')).toBeVisible();
  await openReadiness(page);
  await expect(page.getByRole('link', { name: /^Practice alert 1/ })).toHaveCount(0);

  // Everything was saved: after a reload the family version, the closed part, the alert and the (removed) mark are as left.
  await expect(saveStatus(page)).toHaveText(/^All changes saved/);
  await page.reload();
  await unlock(page);
  await openSection(page, 'Decision for each child');
  await expect(main.getByLabel(/^Rationale for the family/)).toHaveValue(FAMILY_VERSION);
  await openSection(page, 'Agency contributions');
  await expect(main.getByRole('checkbox', { name: 'Restricted: leave out of the family copy (Information shared)' })).not.toBeChecked();
  await main.getByRole('checkbox', { name: 'Restricted: leave out of the family copy (What they are worried about)' }).check();
  await expect(saveStatus(page)).toHaveText(/^All changes saved/);
  await page.reload();
  await unlock(page);
  await openSection(page, 'Agency contributions');
  await expect(main.getByRole('checkbox', { name: 'Restricted: leave out of the family copy (What they are worried about)' })).toBeChecked();
  await openSection(page, 'Restricted information');
  await expect(main.getByLabel(/^What was shared in the closed part/)).toHaveValue('Police hold information about Jason’s relationship with a previous partner.');
  await openSection(page, 'Practice alerts');
  await expect(main.getByText('Response received on 14/01/2026.')).toBeVisible();

  // The response time is the council's: set to 10 working days, the same alert is due on Monday 19 January.
  await page.getByRole('link', { name: 'Settings' }).click();
  await page.getByLabel('A manager answers a practice alert within this many working days').fill('10');
  await page.getByRole('button', { name: 'Save local rules' }).click();
  await expect(page.getByText('Local rules saved')).toBeVisible();
  await page.getByRole('link', { name: 'Conferences', exact: true }).click();
  await page.getByRole('row', { name: /Maya Whitfield/ }).getByRole('link', { name: 'Open' }).click();
  await openSection(page, 'Practice alerts');
  await expect(main.getByText('Response due by 19/01/2026: 10 working days after it was raised on 05/01/2026 (a local setting).')).toBeVisible();
});
