import { mkdirSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { createConference, createPassphrase, openApp } from './app';
import { expect, test } from './fixtures';

/**
 * The questions follow each child: an unborn baby at a pre-birth conference (weeks of
 * pregnancy shown, nothing asked of the baby's voice, no name or date of birth forced), and
 * a review where one child continues on a plan and a newborn brother is considered for one.
 */

const SHOTS = 'test-results/screenshots';

async function openSection(page: Page, title: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Conference sections' }).getByRole('button', { name: new RegExp(`^\\d+\\. ${title}`) }).click();
  await expect(page.getByRole('heading', { level: 2, name: new RegExp(`^${title}`) })).toBeVisible();
}

async function fillDate(page: Page, label: RegExp, value: string): Promise<void> {
  const input = page.getByRole('main').getByLabel(label);
  await input.fill(value);
  await input.press('Tab');
}

test('a pre-birth conference for an unborn baby shows the weeks of pregnancy and asks nothing of the baby’s voice', async ({ page, shell }) => {
  test.setTimeout(180_000);
  mkdirSync(SHOTS, { recursive: true });
  await openApp(page, shell.url);
  await createPassphrase(page);
  await createConference(page, { type: 'Pre-birth initial conference', date: '10/02/2026', children: ['Unborn baby of Jade Osei'] });

  await openSection(page, 'Children');
  const main = page.getByRole('main');
  // Preset as unborn: no date of birth asked; the name is optional.
  await expect(main.getByRole('radio', { name: 'Unborn' })).toBeChecked();
  await expect(main.getByLabel(/^Date of birth/)).toHaveCount(0);
  await expect(main.getByLabel(/^Name, if you want to give one/)).toHaveValue('Unborn baby of Jade Osei');
  await fillDate(page, /^Expected date of delivery/, '01/05/2026');
  await expect(main.getByText('28+4 weeks of pregnancy on the day of the conference, 10/02/2026.')).toBeVisible();
  await expect(main.getByText(/Review after the birth: within 20 working days of it, so by 02\/06\/2026/)).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/child-status-prebirth-children.png`, fullPage: true });

  await openSection(page, 'The voice of the child');
  await expect(main.getByLabel(/^How the unborn baby was kept at the centre/)).toBeVisible();
  await expect(main.getByLabel(/^The child’s own words/)).toHaveCount(0);
  await expect(main.getByText(/Participation in the conference/)).toHaveCount(0);
  await page.screenshot({ path: `${SHOTS}/child-status-prebirth-voice.png`, fullPage: true });

  await openSection(page, 'Decision for each child');
  await expect(main.getByText('Is the baby likely to suffer significant harm after birth?')).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/child-status-prebirth-decision.png`, fullPage: true });

  await openSection(page, 'Meeting details');
  await fillDate(page, /^Date of the strategy discussion/, '02/02/2026');
  await expect(main.getByText('Held 6 working days after the strategy discussion on 02/02/2026; the limit is 15, so it is on time.')).toBeVisible();
  await expect(main.getByText(/Held at 28\+4 weeks of pregnancy/)).toBeVisible();
  await expect(main.getByLabel(/^If the conference is late, why/)).not.toHaveAccessibleName(/required/);
  await page.screenshot({ path: `${SHOTS}/child-status-prebirth-meeting.png`, fullPage: true });
});

test('a review: one child continues on a plan, her newborn brother can be made subject to one', async ({ page, shell }) => {
  test.setTimeout(180_000);
  mkdirSync(SHOTS, { recursive: true });
  await openApp(page, shell.url);
  await createPassphrase(page);
  await createConference(page, { type: 'Review child protection conference', date: '11/03/2026', children: ['Ava Brennan', 'Finn Brennan'] });

  await openSection(page, 'Children');
  const main = page.getByRole('main');
  const ava = main.getByRole('group', { name: /Ava Brennan/ }).first();
  const finn = main.getByRole('group', { name: /Finn Brennan/ }).first();
  await ava.getByRole('radio', { name: 'Already subject to a child protection plan' }).check();
  await finn.getByRole('radio', { name: /^New to conference/ }).check();
  await page.screenshot({ path: `${SHOTS}/child-status-review-children.png`, fullPage: true });

  await openSection(page, 'Decision for each child');
  const avaDecision = main.getByRole('group', { name: /Ava Brennan/ }).first();
  const finnDecision = main.getByRole('group', { name: /Finn Brennan/ }).first();
  await expect(avaDecision.getByText('Is the child still likely to suffer significant harm?')).toBeVisible();
  await expect(finnDecision.getByText(/^Is the child likely to suffer significant harm\?/)).toBeVisible();
  const finnOutcome = finnDecision.getByLabel(/^Outcome/);
  await expect(finnOutcome.locator('option', { hasText: 'Child protection plan' })).toHaveCount(1);
  await expect(finnOutcome.locator('option', { hasText: 'Continue the child protection plan' })).toHaveCount(0);
  await expect(avaDecision.getByLabel(/^Outcome/).locator('option', { hasText: 'Continue the child protection plan' })).toHaveCount(1);
  await finnOutcome.selectOption({ label: 'Child protection plan' });
  await expect(finnDecision.getByText(/^Category of the plan/)).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/child-status-review-decision.png`, fullPage: true });
});

test('harm outside the family: the risk analysis asks about places, peers and the parents as partners', async ({ page, shell }) => {
  test.setTimeout(180_000);
  mkdirSync(SHOTS, { recursive: true });
  await openApp(page, shell.url);
  await createPassphrase(page);
  await createConference(page, { type: 'Initial child protection conference', date: '03/02/2026', children: ['Daniel Osei'] });
  const main = page.getByRole('main');

  await openSection(page, 'Attendance');
  // Nothing recorded yet: no "Not quorate" verdict, just what to do.
  await expect(main.getByText('No agencies yet. Add each agency and its attendance in Agency contributions; the quorum is worked out from them.')).toBeVisible();
  await expect(page.getByText(/Not quorate/)).toHaveCount(0);
  await page.screenshot({ path: `${SHOTS}/child-status-attendance-empty.png`, fullPage: true });

  await openSection(page, 'Reason');
  await main.getByRole('radio', { name: 'Outside the family (extra-familial harm)' }).check();
  await openSection(page, 'Risk analysis');
  for (const label of [/^Places and spaces where the child is at risk/, /^Peers and associates/, /^Missing episodes/, /^Online harm/, /^The parents as partners in protection/]) {
    await expect(main.getByLabel(label)).toBeVisible();
  }
  await page.screenshot({ path: `${SHOTS}/child-status-efh-risk.png`, fullPage: true });

  await openSection(page, 'Decision for each child');
  await main.getByLabel(/^Outcome/).selectOption({ label: 'Contextual safeguarding plan (extra-familial harm)' });
  await openSection(page, 'Plan');
  await expect(main.getByLabel(/^Forum that oversees the contextual safeguarding plan \(required\)/)).toBeVisible();
  await expect(main.getByLabel(/^Lead social worker or lead professional \(required\)/)).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/child-status-efh-plan.png`, fullPage: true });
});
