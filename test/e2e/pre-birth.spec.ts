import { expect, test } from './fixtures';
import { marsdenPreBirth, withoutFields } from './journey-families';
import { childGroup, expectReady, expectSaved, main, sectionHeading, shot, startConference, throughSections, typeDate } from './journey-chair';

// A step that cannot find its control fails within half a minute, not at the test's end.
test.use({ actionTimeout: 30_000 });

/**
 * A pre-birth initial conference on 23/03/2026 for the unborn baby of Chloe Marsden, due on
 * 14/06/2026. Worked by hand: 83 days before the due date is 11 weeks 6 days, so 40+0 − 11+6
 * = 28+1 weeks of pregnancy; the local target (34 weeks) is 42 days before the due date,
 * 03/05/2026; the review after the birth, 20 working days after Sunday 14/06/2026, is Friday
 * 10/07/2026. The baby is never asked a date of birth or their own words.
 */
test('a pre-birth conference for an unborn baby shows the weeks of pregnancy, the local target, the birth plan and the review after birth', async ({ page, shell }) => {
  test.setTimeout(420_000);
  const { record } = marsdenPreBirth();
  const background = withoutFields(record, { children: ['expectedDeliveryDate'], plan: ['birthPlan', 'reviewDate'] });
  const driver = await startConference(page, shell.url, record, background);
  const baby = 'Unborn baby of Chloe Marsden';

  await throughSections(driver, {
    meeting: async (entered) => {
      await entered();
      // No due date yet: the conference's own clock only.
      await expect(main(page).getByText('Held 10 working days after the strategy discussion on 09/03/2026; the limit is 15, so it is on time.')).toBeVisible();
    },
    children: async (entered) => {
      await entered();
      const child = childGroup(page, baby);
      await expect(child.getByRole('radio', { name: 'Unborn' })).toBeChecked();
      await expect(child.getByLabel(/^Name, if you want to give one/)).toHaveValue(baby);
      await expect(child.getByLabel(/^Date of birth/)).toHaveCount(0);
      await expect(child.getByLabel(/^First language/)).toHaveCount(0);
      await expect(child.getByText('Enter the expected date of delivery to see the weeks of pregnancy at the conference.')).toBeVisible();
      await typeDate(child, /^Expected date of delivery/, '14/06/2026');
      await expect(child.getByText('28+1 weeks of pregnancy on the day of the conference, 23/03/2026.', { exact: true })).toBeVisible();
      await expect(child.getByText('Local target: by 34 weeks of pregnancy, 03/05/2026, so the conference is on time.', { exact: true })).toBeVisible();
      await expect(child.getByText('Review after the birth: within 20 working days of it, so by 10/07/2026 if the baby is born on 14/06/2026.', { exact: true })).toBeVisible();
      await shot(page, 'pre-birth-children', sectionHeading(page, 'Children'));
      expect(await driver.axe(), 'axe on Children').toEqual([]);
    },
    voice: async (entered) => {
      await entered();
      const voice = childGroup(page, baby);
      await expect(voice.getByLabel(/^How the unborn baby was kept at the centre/)).toHaveValue(/kept the baby’s safety on the ward/);
      await expect(voice.getByLabel(/^The child’s own words/)).toHaveCount(0);
      await expect(voice.getByText(/Participation in the conference/)).toHaveCount(0);
      await shot(page, 'pre-birth-voice', sectionHeading(page, 'The voice of the child'));
      expect(await driver.axe(), 'axe on the voice of the child').toEqual([]);
    },
    decision: async (entered) => {
      await entered();
      const decision = childGroup(page, baby);
      await expect(decision.getByRole('group', { name: /^Is the baby likely to suffer significant harm after birth\?/ })).toBeVisible();
      await expect(decision.getByRole('group', { name: /^Has the child suffered ill-treatment/ })).toHaveCount(0);
      await shot(page, 'pre-birth-decision', sectionHeading(page, 'Decision for each child'));
      expect(await driver.axe(), 'axe on the decision').toEqual([]);
    },
    plan: async (entered) => {
      await entered();
      const plan = childGroup(page, baby);
      await expect(plan.getByText(/^Within 3 months, and a review soon after the birth \(within 20 working days of it by default/)).toBeVisible();
      await plan
        .getByLabel(/^Birth plan \(required\)/)
        .fill('The ward is told of the father’s bail conditions; he may not visit. Chloe tells Nadia Brook when labour starts. Mother and baby go home together when the midwife and the social worker agree the home is safe.');
      await typeDate(plan, /^Review by/, '19/06/2026');
      await shot(page, 'pre-birth-plan', sectionHeading(page, 'Plan'));
      expect(await driver.axe(), 'axe on the plan').toEqual([]);
    },
  });

  // The meeting's timescales now count the pregnancy and the review after the birth.
  await driver.open('meeting');
  await expect(
    main(page).getByText('Held at 28+1 weeks of pregnancy (expected date of delivery 14/06/2026); the local target is by 34 weeks of pregnancy, 03/05/2026, so it is on time.'),
  ).toBeVisible();
  await expect(main(page).getByText('Review after the birth by 10/07/2026 (20 working days after the birth, if the baby is born on the expected date, 14/06/2026).')).toBeVisible();
  await shot(page, 'pre-birth-meeting', sectionHeading(page, 'Meeting details'));

  const panel = await expectReady(page);
  await expect(panel.getByText(/date of birth/i)).toHaveCount(0);
  await shot(page, 'pre-birth-readiness');
  expect(await driver.axe(), 'axe on readiness').toEqual([]);
  await expectSaved(page);
});
