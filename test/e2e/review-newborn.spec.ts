import { expect, test } from './fixtures';
import { pembertonReview, withoutFields } from './journey-families';
import { childGroup, choose, expectReady, expectSaved, readiness, sectionHeading, shot, startConference, throughSections, typeDate } from './journey-chair';

// A step that cannot find its control fails within half a minute, not at the test's end.
test.use({ actionTimeout: 30_000 });

/**
 * A review where Isla Pemberton continues on her plan and her brother Rory, born since the
 * initial conference, is new to conference and made subject to a plan. The outcomes offered
 * follow each child's status, and Rory's plan starts here: his first core group is due within
 * 10 working days and his first review within 3 months, while Isla's plan runs on.
 */
test('a review: Isla continues on her plan, her newborn brother Rory is made subject to one, and the minutes are ready to sign', async ({ page, shell }) => {
  test.setTimeout(420_000);
  const { record } = pembertonReview();
  // The chair answers the children's status, the decisions and the plans' dates by hand.
  const background = withoutFields(record, { children: ['planStatus', 'dateOfBirth'], decision: 'all', plan: ['firstCoreGroupDate', 'reviewDate'] });
  const driver = await startConference(page, shell.url, record, background);

  await throughSections(driver, {
    children: async (entered) => {
      await entered();
      const isla = childGroup(page, 'Isla Pemberton');
      const rory = childGroup(page, 'Rory Pemberton');
      await choose(isla, /^Status at this conference/, 'Already subject to a child protection plan');
      await choose(rory, /^Status at this conference/, 'New to conference: considered for a plan for the first time');
      await typeDate(isla, /^Date of birth/, '27/02/2022');
      await typeDate(rory, /^Date of birth/, '20/01/2026');
      await shot(page, 'review-newborn-children', sectionHeading(page, 'Children'));
      expect(await driver.axe(), 'axe on Children').toEqual([]);
    },
    decision: async () => {
      const isla = childGroup(page, 'Isla Pemberton');
      const rory = childGroup(page, 'Rory Pemberton');
      // Isla is reviewed: continue or end. Rory is new: make a plan or not.
      const islaOutcome = isla.getByRole('combobox', { name: /^Outcome/ });
      const roryOutcome = rory.getByRole('combobox', { name: /^Outcome/ });
      await expect(islaOutcome.getByRole('option', { name: 'Continue the child protection plan', exact: true })).toHaveCount(1);
      await expect(islaOutcome.getByRole('option', { name: 'End the plan: child in need plan', exact: true })).toHaveCount(1);
      await expect(islaOutcome.getByRole('option', { name: 'Child protection plan', exact: true })).toHaveCount(0);
      await expect(roryOutcome.getByRole('option', { name: 'Child protection plan', exact: true })).toHaveCount(1);
      await expect(roryOutcome.getByRole('option', { name: 'Continue the child protection plan', exact: true })).toHaveCount(0);
      await expect(rory.getByText('This child is new to conference (see Children): the decision is whether to make a child protection plan.')).toBeVisible();
      await expect(isla.getByText('Is the child still likely to suffer significant harm?')).toBeVisible();

      await choose(isla, /^Has the child suffered ill-treatment/, 'Yes');
      await choose(isla, /^Is it the professional judgement/, 'Yes');
      await choose(isla, /^Is the child still likely to suffer significant harm/, 'Yes');
      await choose(isla, /^Outcome/, 'Continue the child protection plan');
      await isla.getByRole('group', { name: /^Category of the plan/ }).getByRole('checkbox', { name: 'Neglect' }).check();
      await isla.getByLabel(/^Rationale( \(required\))?$/).fill('Isla is still likely to suffer significant harm: the change is real but only three months old, and home conditions have not yet held. Every agency recommended continuing the plan.');

      await choose(rory, /^Has the child suffered ill-treatment/, 'No');
      await choose(rory, /^Is it the professional judgement/, 'Yes');
      await choose(rory, /^Is the child likely to suffer significant harm/, 'Yes');
      await choose(rory, /^Outcome/, 'Child protection plan');
      await rory.getByRole('group', { name: /^Category of the plan/ }).getByRole('checkbox', { name: 'Neglect' }).check();
      await rory
        .getByLabel(/^Rationale( \(required\))?$/)
        .fill('Rory was born into the home where his sister is on a plan for neglect. He has not been harmed, but as a newborn he depends entirely on care that is not yet consistent, so harm is likely.');

      // Beside Rory's decision, the agencies' views: three for a plan, the nursery gave none.
      await expect(rory.getByText('Child protection plan: 3 agencies')).toBeVisible();
      await expect(rory.getByText('No recommendation given: 1 agency')).toBeVisible();
      await expect(rory.getByText('No agency’s recommendation differs from the decision.')).toBeVisible();
      await expect(rory.getByText('Differs from the decision', { exact: true })).toHaveCount(0);
      await shot(page, 'review-newborn-decision', sectionHeading(page, 'Decision for each child'));
      expect(await driver.axe(), 'axe on the decision').toEqual([]);
    },
    plan: async (entered) => {
      await entered();
      const isla = childGroup(page, 'Isla Pemberton');
      const rory = childGroup(page, 'Rory Pemberton');
      // Rory's plan starts here, so his first core group is required; Isla's plan runs on.
      await expect(rory.getByLabel(/^First core group meeting by \(required\)/)).toBeVisible();
      await expect(isla.getByLabel(/^First core group meeting by/)).not.toHaveAccessibleName(/required/);
      await typeDate(isla, /^Review by/, '09/09/2026');
      // Dates an on-plan child could have, but a plan that starts today cannot.
      await typeDate(rory, /^First core group meeting by/, '01/04/2026');
      await typeDate(rory, /^Review by/, '09/09/2026');
      await shot(page, 'review-newborn-plan', sectionHeading(page, 'Plan'));
      expect(await driver.axe(), 'axe on the plan').toEqual([]);
    },
  });

  const panel = await readiness(page);
  // A review beyond Rory's 3 months blocks signing; a late first core group is a warning.
  await expect(panel.getByText('Not ready to sign: 1 thing needs doing first')).toBeVisible();
  const review = panel.getByRole('link', {
    name: 'For Rory Pemberton, the review conference on 09/09/2026 is too late: it must be by 11/06/2026 (within 3 months of the conference on 11/03/2026, where the plan started). Set an earlier date.',
  });
  await expect(review).toBeVisible();
  const coreGroup = panel.getByRole('region', { name: '1 warning to check (these do not stop signing)' }).getByRole('link', {
    name: 'For Rory Pemberton, the first core group on 01/04/2026 is 15 working days after the conference; it should be by 25/03/2026 (10 working days after the conference on 11/03/2026).',
  });
  await expect(coreGroup).toBeVisible();
  // Isla's review, six months on, is within her plan's timescale: nothing is said of it.
  await expect(panel.getByText(/For Isla Pemberton/)).toHaveCount(0);
  await shot(page, 'review-newborn-readiness-dates');
  expect(await driver.axe(), 'axe on readiness, not ready').toEqual([]);

  // Each sentence links to its field; the chair follows the link and corrects the date.
  await coreGroup.click();
  await expect(childGroup(page, 'Rory Pemberton').getByLabel(/^First core group meeting by/)).toBeFocused();
  await typeDate(childGroup(page, 'Rory Pemberton'), /^First core group meeting by/, '24/03/2026');
  await readiness(page);
  await review.click();
  await expect(childGroup(page, 'Rory Pemberton').getByLabel(/^Review by/)).toBeFocused();
  await typeDate(childGroup(page, 'Rory Pemberton'), /^Review by/, '10/06/2026');

  const ready = await expectReady(page);
  await expect(ready.getByText(/Rory Pemberton/)).toHaveCount(0);
  await shot(page, 'review-newborn-readiness');
  expect(await driver.axe(), 'axe on readiness, ready').toEqual([]);
  await expectSaved(page);
});
