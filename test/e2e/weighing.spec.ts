import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { harlowReview, withoutFields } from './journey-families';
import { childGroup, choose, expectReady, expectSaved, readiness, sectionHeading, shot, startConference, throughSections } from './journey-chair';

// A step that cannot find its control fails within half a minute, not at the test's end.
test.use({ actionTimeout: 30_000 });

const POPPY = 'Poppy Harlow';
const DIFFERING = ['Health visiting', 'Bluebell Nursery', 'Substance misuse service'] as const;
const INSTRUCTION = 'Record how each of these views was weighed (under “How each differing view was weighed”), or record the agency’s dissent.';

function departure(panel: Locator, agency: string): Locator {
  return panel.getByRole('link', {
    name: new RegExp(
      `^${POPPY}: ${agency} recommended “Continue the child protection plan”, which differs from the decision\\. Record how their view was weighed, under “How each differing view was weighed”, or record their dissent\\.`,
    ),
  });
}

/** Adds a weighing under the decision with the Add button, chooses the agency and writes it. */
async function weigh(page: Page, agency: string, text: string): Promise<void> {
  const decision = childGroup(page, POPPY);
  const weighings = decision.getByRole('region', { name: 'How each differing view was weighed' });
  await decision.getByRole('button', { name: 'Add weighing' }).click();
  const item = weighings.getByRole('group', { name: /^Weighing \d+/ }).last();
  // The new weighing's first answer, the agency, takes focus.
  await expect(item.getByRole('combobox', { name: /^Agency/ })).toBeFocused();
  await item.getByRole('combobox', { name: /^Agency/ }).selectOption({ label: agency });
  await item.getByLabel(/^How their view was weighed/).fill(text);
}

/**
 * A review where three of four agencies recommend continuing Poppy Harlow's plan and the
 * chair ends it with a child in need plan. A rationale that only names the three agencies
 * does not make the minutes ready to sign; a weighing of each of their views does.
 */
test('most agencies recommend a plan and the chair decides a child in need plan: naming them is not enough, weighing each is', async ({ page, shell }) => {
  test.setTimeout(420_000);
  const { record } = harlowReview();
  const background = withoutFields(record, { decision: 'all' });
  const driver = await startConference(page, shell.url, record, background);

  await throughSections(driver, {
    decision: async () => {
      const decision = childGroup(page, POPPY);
      await choose(decision, /^Has the child suffered ill-treatment/, 'No');
      await choose(decision, /^Is it the professional judgement/, 'No');
      await choose(decision, /^Is the child still likely to suffer significant harm/, 'No');
      await choose(decision, /^Outcome/, 'End the plan: child in need plan');
      await choose(decision, /^Why the plan ends/, 'No longer likely to suffer significant harm');
      // The rationale only names the agencies whose view differs.
      await decision.getByLabel(/^Rationale( \(required\))?$/).fill('Health visiting. Bluebell Nursery. Substance misuse service.');

      // The collation beside the decision marks each differing view.
      await expect(decision.getByText('Continue the child protection plan: 3 agencies')).toBeVisible();
      await expect(decision.getByText('End the plan: child in need plan: 1 agency')).toBeVisible();
      for (const agency of DIFFERING) await expect(decision.getByRole('row', { name: new RegExp(`^${agency}`) })).toContainText('Differs from the decision');
      await expect(decision.getByRole('row', { name: /^Children’s social care/ })).not.toContainText('Differs from the decision');
      await expect(decision.getByText('The decision departs from 3 agencies’ recommendations:')).toBeVisible();
      for (const agency of DIFFERING) {
        await expect(decision.getByRole('listitem').filter({ hasText: `${agency} recommended “Continue the child protection plan”. Not yet weighed.` })).toHaveCount(1);
      }
      await expect(decision.getByText(INSTRUCTION)).toBeVisible();
      await expect(decision.getByRole('region', { name: 'How each differing view was weighed' })).toBeVisible();
      await shot(page, 'weighing-decision-named-only', sectionHeading(page, 'Decision for each child'));
      expect(await driver.axe(), 'axe on the decision').toEqual([]);
    },
  });

  const named = await readiness(page);
  await expect(named.getByText('Not ready to sign: 3 things need doing first')).toBeVisible();
  for (const agency of DIFFERING) {
    await expect(departure(named, agency)).toHaveAccessibleName(
      `${POPPY}: ${agency} recommended “Continue the child protection plan”, which differs from the decision. Record how their view was weighed, under “How each differing view was weighed”, or record their dissent. The rationale mentions them (“${agency}.”); naming an agency is not weighing its view.`,
    );
  }
  await expect(named.getByText('Ready to sign', { exact: true })).toHaveCount(0);
  await shot(page, 'weighing-readiness-named-only');
  expect(await driver.axe(), 'axe on readiness, named only').toEqual([]);

  // Following a sentence's link leads to the weighings; "noted" is not a weighing either.
  await departure(named, 'Health visiting').click();
  await weigh(page, 'Health visiting', 'Health visiting: noted.');
  const thin = await readiness(page);
  await expect(
    thin.getByRole('link', {
      name: `${POPPY}: “Health visiting: noted.” does not show how Health visiting’s view was weighed. Say in at least 5 words, besides the agency’s name, what their view was and why the decision differs.`,
    }),
  ).toBeVisible();
  await expect(thin.getByText('Not ready to sign: 3 things need doing first')).toBeVisible();

  await sectionLink(page);
  await childGroup(page, POPPY)
    .getByRole('group', { name: /^Weighing 1/ })
    .getByLabel(/^How their view was weighed/)
    .fill('Health visiting wanted the plan kept for three more months; the Graded Care Profile 2 grade of 2, which they gave, shows the change has held, and their monthly visits continue under the child in need plan.');
  await weigh(
    page,
    'Bluebell Nursery',
    'The nursery feared attendance would fall without the plan; attendance has been 96% for three months and the nursery will tell the social worker the same day if it falls.',
  );
  const twoWeighed = await readiness(page);
  await expect(twoWeighed.getByText('Not ready to sign: 1 thing needs doing first')).toBeVisible();
  await expect(departure(twoWeighed, 'Substance misuse service')).toBeVisible();
  await expect(departure(twoWeighed, 'Health visiting')).toHaveCount(0);

  await departure(twoWeighed, 'Substance misuse service').click();
  await weigh(
    page,
    'Substance misuse service',
    'The recovery worker wanted a longer period of testing under the plan; ten weeks of negative tests and Gemma’s engagement were weighed as enough, and testing continues in the child in need plan.',
  );
  // Beside the collation, each differing view now reads with its weighing.
  for (const agency of DIFFERING) {
    await expect(
      childGroup(page, POPPY)
        .getByRole('listitem')
        .filter({ hasText: `${agency} recommended “Continue the child protection plan”. Weighed: ` }),
    ).toHaveCount(1);
  }
  // With every view weighed, the collation no longer asks for what is done.
  await expect(childGroup(page, POPPY).getByText(INSTRUCTION)).toHaveCount(0);
  await shot(page, 'weighing-decision-weighed', sectionHeading(page, 'Decision for each child'));
  expect(await driver.axe(), 'axe on the decision with weighings').toEqual([]);

  await expectReady(page);
  await shot(page, 'weighing-readiness');
  expect(await driver.axe(), 'axe on readiness, weighed').toEqual([]);

  // The weighings sit beside the differing agencies in the collation.
  await page.getByRole('button', { name: /Collation of agency views/ }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Collation of agency views' })).toBeFocused();
  await shot(page, 'weighing-collation');
  expect(await driver.axe(), 'axe on the collation').toEqual([]);
  await expectSaved(page);
});

/** Back to the decision from readiness, by the section navigation. */
async function sectionLink(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Conference sections' }).getByRole('button', { name: /^\d+\. Decision for each child/ }).click();
  await expect(sectionHeading(page, 'Decision for each child')).toBeFocused();
}
