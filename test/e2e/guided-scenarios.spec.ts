import { mkdirSync } from 'node:fs';
import { formatUkDate } from '../../domain/calendar/dates';
import { childName, childrenOf, meetingValues, textOf } from '../../domain/record/access';
import { CONFERENCE_TYPE_LABELS, type ConferenceRecord } from '../../domain/record/conference';
import { brennanRecord } from '../../main/demo/scenarios/brennan';
import { oseiRecord } from '../../main/demo/scenarios/osei';
import { createConference, createPassphrase, openApp, saveStatus } from './app';
import { expect, test } from './fixtures';
import { GuidedDriver, normaliseSection } from './guided-driver';

const SHOTS = 'test-results/screenshots';

const SCENARIOS: { name: string; build: () => ConferenceRecord; outcome: RegExp }[] = [
  // No plan: a contextual safeguarding plan, with police dissent escalated.
  { name: 'osei', build: oseiRecord, outcome: /Contextual safeguarding plan/ },
  // A review that ends the plan and steps down to a child in need plan.
  { name: 'brennan', build: brennanRecord, outcome: /End the plan: child in need plan/ },
];

for (const scenario of SCENARIOS) {
  test(`the ${scenario.name} scenario entered through the guided form is ready to sign and stored as entered`, async ({ page, shell }) => {
    test.setTimeout(240_000);
    mkdirSync(SHOTS, { recursive: true });
    const fixture = scenario.build();
    const driver = new GuidedDriver(page, fixture);
    await openApp(page, shell.url);
    await createPassphrase(page);
    await createConference(page, {
      type: CONFERENCE_TYPE_LABELS[fixture.type],
      date: formatUkDate(textOf(meetingValues(fixture)['date'])),
      children: childrenOf(fixture).map((child) => childName(fixture, child.id)),
    });
    const conferenceId = /#\/conferences\/([0-9a-f-]{36})/.exec(page.url())?.[1] ?? '';

    for (const section of driver.template.sections) {
      await driver.open(section.id);
      if (section.id === 'children') await driver.matchChildren();
      await driver.fillSection(section);
      if (section.id === 'decision') {
        // The non-plan (or ending) outcome is shown against every agency's view.
        await expect(page.locator('.g-collation').first()).toContainText(scenario.outcome);
        expect(await driver.axe(), 'axe on the decision').toEqual([]);
      }
    }

    await page.getByRole('button', { name: /Collation of agency views/ }).click();
    await expect(page.getByRole('heading', { level: 2, name: 'Collation of agency views' })).toBeFocused();
    await page.screenshot({ path: `${SHOTS}/guided-${scenario.name}-collation.png` });

    await page.keyboard.press('Alt+Shift+R');
    await expect(page.locator('.g-panel--ready')).toContainText('Ready to sign');
    await expect(saveStatus(page)).toHaveText(/^All changes saved at \d\d:\d\d$/);
    const stored = await driver.storedRecord(conferenceId);
    for (const [sectionId, value] of Object.entries(fixture.sections)) {
      expect(normaliseSection(stored[sectionId]), `section ${sectionId}`).toEqual(normaliseSection(value));
    }
  });
}
