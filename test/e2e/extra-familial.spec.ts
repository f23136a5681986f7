import { expect, test } from './fixtures';
import { ashworthInitial, withoutFields } from './journey-families';
import { childGroup, choose, expectReady, expectSaved, main, readiness, sectionHeading, shot, startConference, throughSections, typeDate } from './journey-chair';

// A step that cannot find its control fails within half a minute, not at the test's end.
test.use({ actionTimeout: 30_000 });

const EXTRA_FAMILIAL_FIELDS = ['places', 'peersAssociates', 'missingEpisodes', 'onlineHarm', 'parentsAsPartners'] as const;

/**
 * An initial conference about Tyler Ashworth, 15, criminally exploited by a county line. The
 * chair records that the harm comes from outside the family; the risk analysis then asks about
 * places, peers, missing episodes, online harm and the parents as partners, and the
 * conference ends in a contextual safeguarding plan with its own lead, forum and review.
 */
test('exploitation outside the family ends in a contextual safeguarding plan with its lead, forum and review date', async ({ page, shell }) => {
  test.setTimeout(420_000);
  const record = ashworthInitial();
  const background = withoutFields(record, { reason: ['harmSource'], risk: EXTRA_FAMILIAL_FIELDS, decision: ['outcome'], plan: ['lead', 'forum', 'reviewDate'] });
  const driver = await startConference(page, shell.url, record, background);
  const tyler = 'Tyler Ashworth';

  await throughSections(driver, {
    reason: async (entered) => {
      await choose(main(page), /^Where the harm comes from/, 'Outside the family (extra-familial harm)');
      await entered();
      await shot(page, 'extra-familial-reason', sectionHeading(page, 'Reason for the conference'));
      expect(await driver.axe(), 'axe on the reason').toEqual([]);
    },
    risk: async (entered) => {
      await entered();
      const answers: Record<(typeof EXTRA_FAMILIAL_FIELDS)[number], [RegExp, string]> = {
        places: [/^Places and spaces where the child is at risk/, 'The takeaway on Tanner Street and the underpass by the retail park, after school and late in the evening.'],
        peersAssociates: [/^Peers and associates/, 'Two older young men known to the police as runners for the line recruited Tyler through a classmate.'],
        missingEpisodes: [/^Missing episodes/, 'Three, in December and January, of 6 to 30 hours, each reported by his parents within hours; return home interviews offered each time.'],
        onlineHarm: [/^Online harm/, 'The line contacted Tyler through a messaging app on a second phone.'],
        parentsAsPartners: [/^The parents as partners in protection/, 'Michelle and Dean report every missing episode at once and have agreed to a new phone number.'],
      };
      for (const [label, text] of Object.values(answers)) await main(page).getByLabel(label).fill(text);
      // The danger statement's hint speaks of the places, the people and online, not the parents.
      await expect(
        main(page)
          .getByText(
            'Who is worried, about what might happen to the child outside the family (the places, the people, online), and the impact if nothing changes. The parents are partners in keeping the child safe, not the source of this danger. Plain words; about three at most.',
          )
          .first(),
      ).toBeVisible();
      await expect(main(page).getByText(/about what the adults might do/)).toHaveCount(0);
      await shot(page, 'extra-familial-risk', sectionHeading(page, 'Risk analysis'));
      expect(await driver.axe(), 'axe on the risk analysis').toEqual([]);
    },
    decision: async (entered) => {
      await choose(childGroup(page, tyler), /^Outcome/, 'Contextual safeguarding plan (extra-familial harm)');
      await entered();
      const decision = childGroup(page, tyler);
      // Three agencies recommended the contextual plan; the police's plan differs, and their
      // dissent (recorded in the next section) answers it.
      await expect(decision.getByText('Contextual safeguarding plan (extra-familial harm): 3 agencies')).toBeVisible();
      await expect(decision.getByRole('row', { name: /^Police/ })).toContainText('Differs from the decision');
      await expect(decision.getByRole('row', { name: /^Youth justice/ })).not.toContainText('Differs from the decision');
      await expect(decision.getByLabel(/^Why the alternative plan gives sufficient safeguards \(required\)/)).toBeVisible();
      await shot(page, 'extra-familial-decision', sectionHeading(page, 'Decision for each child'));
      expect(await driver.axe(), 'axe on the decision').toEqual([]);
    },
    plan: async (entered) => {
      const plan = childGroup(page, tyler);
      await plan.getByLabel(/^Lead social worker or lead professional \(required\)/).fill('Nadia Brook, social worker (adolescent safeguarding team)');
      await plan.getByLabel(/^Forum that oversees the contextual safeguarding plan \(required\)/).fill('Northshire exploitation (MACE) panel');
      await expect(plan.getByText(/^e\.g\. the exploitation \(MACE\) panel or the contextual safeguarding meeting/)).toBeVisible();
      // A child protection plan's parts are not asked of a contextual plan.
      await expect(plan.getByLabel(/^Core group members/)).toHaveCount(0);
      await expect(plan.getByLabel(/^First core group meeting by/)).toHaveCount(0);
      await entered();
      // Mistyped a month early: before the conference.
      await typeDate(plan, /^Review by/, '03/01/2026');
      await shot(page, 'extra-familial-plan', sectionHeading(page, 'Plan'));
      expect(await driver.axe(), 'axe on the plan').toEqual([]);
    },
  });

  const panel = await readiness(page);
  await expect(panel.getByText('Not ready to sign: 1 thing needs doing first')).toBeVisible();
  const review = panel.getByRole('link', {
    name: 'For Tyler Ashworth, the review of the contextual safeguarding plan is dated 03/01/2026, which is not after this conference on 03/02/2026.',
  });
  await expect(review).toBeVisible();
  await shot(page, 'extra-familial-readiness-review-date');
  await review.click();
  await expect(childGroup(page, tyler).getByLabel(/^Review by/)).toBeFocused();
  await typeDate(childGroup(page, tyler), /^Review by/, '03/03/2026');

  await expectReady(page);
  await shot(page, 'extra-familial-readiness');
  expect(await driver.axe(), 'axe on readiness').toEqual([]);

  // The collation of every agency's view against the contextual plan.
  await page.getByRole('button', { name: /Collation of agency views/ }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Collation of agency views' })).toBeFocused();
  const collation = main(page).getByRole('region', { name: `What the agencies said about ${tyler}` });
  await expect(collation.getByText('Contextual safeguarding plan (extra-familial harm)', { exact: true }).first()).toBeVisible();
  await expect(collation.getByRole('row', { name: /^Police/ })).toContainText('Child protection plan');
  // The police's view is answered by their dissent, so nothing more is asked of the chair.
  await expect(collation.getByRole('listitem').filter({ hasText: 'Police recommended “Child protection plan”. Their dissent is recorded.' })).toHaveCount(1);
  await expect(collation.getByText(/^Record how each of these views was weighed/)).toHaveCount(0);
  await shot(page, 'extra-familial-collation');
  expect(await driver.axe(), 'axe on the collation').toEqual([]);
  await expectSaved(page);
});
