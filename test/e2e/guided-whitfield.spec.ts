import { mkdirSync } from 'node:fs';
import { whitfieldRecord } from '../../main/demo/scenarios/whitfield';
import { childName, childrenOf } from '../../domain/record/access';
import { refDomId, sectionHeadingId } from '../../renderer/src/guided/scope';
import { createConference, createPassphrase, openApp, saveStatus } from './app';
import { expect, test } from './fixtures';
import { GuidedDriver, normaliseSection } from './guided-driver';

const SHOTS = 'test-results/screenshots';

test('a chair minutes the Whitfield conference through the guided form until it is ready to sign', async ({ page, shell }) => {
  // Longer since the decision also records how each differing view was weighed, on a shared 2-core machine.
  test.setTimeout(420_000);
  mkdirSync(`${SHOTS}/full`, { recursive: true });
  const fixture = whitfieldRecord();
  const driver = new GuidedDriver(page, fixture);
  const [maya, leo] = childrenOf(fixture).map((child) => childName(fixture, child.id));

  await openApp(page, shell.url);
  await createPassphrase(page);
  await createConference(page, { type: 'Initial child protection conference', date: '15/01/2026', children: [maya ?? '', leo ?? ''] });
  const conferenceId = /#\/conferences\/([0-9a-f-]{36})/.exec(page.url())?.[1] ?? '';
  expect(conferenceId).not.toBe('');

  // Before anything is recorded the readiness check lists what blocks signing, as sentences.
  await page.keyboard.press('Alt+Shift+R');
  await expect(page.getByRole('heading', { level: 2, name: 'Ready to sign?' })).toBeFocused();
  const blocking = page.locator('.g-panel--blocking');
  await expect(blocking).toContainText(/Not ready to sign: \d+ things need doing first/);
  await expect(blocking.getByRole('link', { name: `${maya}: record when the child was seen and by whom, or why they could not be seen.` })).toBeVisible();
  await expect(blocking.getByRole('link', { name: 'Meeting details and timescales: enter “Start time”.' })).toBeVisible();
  await expect(page.getByText('Ready to sign', { exact: true })).toHaveCount(0);
  await page.screenshot({ path: `${SHOTS}/guided-whitfield-00-not-ready.png` });
  expect(await driver.axe(), 'axe on readiness, not ready').toEqual([]);
  // Each message is a link to the field that resolves it.
  await blocking.getByRole('link', { name: 'Meeting details and timescales: enter “Start time”.' }).click();
  await expect(driver.el(refDomId({ section: 'meeting', field: 'startTime' }))).toBeFocused();

  const sections = driver.template.sections;
  for (const [index, section] of sections.entries()) {
    if (index === 0) await driver.open(section.id);
    else await driver.next(section.id);
    if (section.id === 'children') await driver.matchChildren();
    if (section.id === 'decision') await decideWithRationaleLast(driver, maya ?? '');
    else await driver.fillSection(section);

    if (section.id === 'decision') {
      // The collation sits beside each decision: every agency's view, the spread, the departures.
      const collation = page.locator(`[id="collation--${driver.ids.get(childrenOf(fixture)[0]?.id ?? '')}--compact"]`).locator('xpath=..');
      await expect(collation.getByRole('row')).toHaveCount(7);
      await expect(collation).toContainText('Child protection plan: 3 agencies');
      await expect(collation).toContainText('Child in need plan (section 17): 2 agencies');
      await expect(collation).toContainText('No recommendation given: 1 agency');
      await expect(collation).toContainText('Lowest 2, median 3, highest 6 (5 agencies scored)');
      await expect(collation.getByRole('row', { name: /IDVA service/ })).toContainText('Differs from the decision');
      await expect(collation.getByRole('row', { name: /Police/ })).not.toContainText('Differs from the decision');
      await expect(collation.getByRole('img', { name: /Bar chart of safety scale scores: Children’s social care 3, Police 2/ })).toBeVisible();
    }

    // Once the rules have caught up with the typing, screenshot from the section's heading down.
    await expect(page.getByRole('navigation', { name: 'Conference sections' })).not.toHaveAttribute('aria-busy', 'true');
    await driver.el(sectionHeadingId(section.id)).evaluate((heading) => heading.scrollIntoView({ block: 'start' }));
    const name = `guided-whitfield-${String(index + 1).padStart(2, '0')}-${section.id}`;
    await page.screenshot({ path: `${SHOTS}/${name}.png` });
    await page.screenshot({ path: `${SHOTS}/full/${name}.png`, fullPage: true });
    expect(await driver.axe(), `axe on ${section.title}`).toEqual([]);
  }

  // The whole record: the collation view, then readiness.
  await page.getByRole('button', { name: /Collation of agency views/ }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Collation of agency views' })).toBeFocused();
  await expect(page.getByRole('heading', { name: `What the agencies said about ${leo}` })).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/guided-whitfield-collation.png` });
  await page.screenshot({ path: `${SHOTS}/full/guided-whitfield-collation.png`, fullPage: true });
  expect(await driver.axe(), 'axe on the collation').toEqual([]);

  await page.keyboard.press('Alt+Shift+R');
  await expect(page.getByRole('heading', { level: 2, name: 'Ready to sign?' })).toBeFocused();
  await expect(page.locator('.g-panel--ready')).toContainText('Ready to sign');
  await expect(page.locator('.g-panel--blocking')).toHaveCount(0);
  await page.screenshot({ path: `${SHOTS}/guided-whitfield-ready.png` });
  expect(await driver.axe(), 'axe on readiness').toEqual([]);

  // Autosave kept exactly what was entered: the stored record is the scenario's.
  await expect(saveStatus(page)).toHaveText(/^All changes saved at \d\d:\d\d$/);
  const stored = await driver.storedRecord(conferenceId);
  for (const [sectionId, value] of Object.entries(fixture.sections)) {
    expect(normaliseSection(stored[sectionId]), `section ${sectionId}`).toEqual(normaliseSection(value));
  }
});

/**
 * The decision section, with checks on the way: each agency whose recommendation differs
 * (health visiting, the IDVA service) blocks signing; a rationale that names them does not
 * clear it (naming is not weighing); the health visitor's weighing does, and the IDVA's
 * dissent, recorded later in the Dissent section, answers the IDVA's view.
 */
async function decideWithRationaleLast(driver: GuidedDriver, maya: string): Promise<void> {
  const section = driver.template.sections.find((s) => s.id === 'decision');
  const value = driver.fixture.sections['decision'];
  if (!section || value?.kind !== 'perChild') throw new Error('The fixture has no decision');
  const page = driver.page;
  const children = childrenOf(driver.fixture);
  const later = new Set(['rationale', 'weighings']);
  const first = section.fields.filter((f) => !later.has(f.id));
  const rationale = section.fields.filter((f) => f.id === 'rationale');
  const weighings = section.fields.filter((f) => f.id === 'weighings');
  const fill = async (fields: typeof first) => {
    for (const child of children) {
      await driver.fillFields(fields, value.perChild[child.id] ?? {}, { section: 'decision', childId: driver.ids.get(child.id) });
    }
  };
  await fill(first);
  const departure = (agency: string) =>
    page.getByRole('link', {
      name: new RegExp(
        `^${maya}: ${agency} recommended “Child in need plan \\(section 17\\)”, which differs from the decision\\. Record how their view was weighed, under “How each differing view was weighed”, or record their dissent\\.`,
      ),
    });
  await page.getByText(/items? in this section blocks? signing/).click();
  await expect(departure('IDVA service')).toBeVisible();
  await expect(departure('Health visiting')).toBeVisible();
  await fill(rationale);
  // The rationale names both agencies; that is a hint, not a weighing.
  await expect(departure('Health visiting')).toContainText('naming an agency is not weighing its view');
  await fill(weighings);
  await expect(departure('Health visiting')).toHaveCount(0);
  await expect(departure('IDVA service')).toBeVisible();
}
