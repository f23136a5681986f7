import { mkdirSync } from 'node:fs';
import { expect, type Locator, type Page } from '@playwright/test';
import { formatUkDate } from '../../domain/calendar/dates';
import { childName, childrenOf, meetingValues, textOf } from '../../domain/record/access';
import { CONFERENCE_TYPE_LABELS, type ConferenceRecord } from '../../domain/record/conference';
import { createConference, createPassphrase, openApp } from './app';
import { GuidedDriver } from './guided-driver';

/**
 * What a chair does in the journey specs, by what they see: roles, labels and the sentences
 * on screen. The background of each conference (the sections a journey is not about) is
 * entered by the guided driver from the family's record; the steps a journey is about are
 * written in the spec with these helpers.
 */

export const SHOTS = 'test-results/screenshots';

/** Creates the passphrase and the conference, and returns a driver for the background. */
export async function startConference(page: Page, launchUrl: string, full: ConferenceRecord, background: ConferenceRecord): Promise<GuidedDriver> {
  mkdirSync(SHOTS, { recursive: true });
  await openApp(page, launchUrl);
  await createPassphrase(page);
  await createConference(page, {
    type: CONFERENCE_TYPE_LABELS[full.type],
    date: formatUkDate(textOf(meetingValues(full)['date'])),
    children: childrenOf(full).map((child) => childName(full, child.id)),
  });
  return new GuidedDriver(page, background);
}

/**
 * Goes through the sections in the template's order (Alt+Shift+→ from one to the next), the
 * driver entering each section's background; a step given for a section replaces that, and
 * may call `background()` itself before or after its own answers.
 */
export async function throughSections(driver: GuidedDriver, steps: Record<string, (background: () => Promise<void>) => Promise<void>>): Promise<void> {
  for (const [index, section] of driver.template.sections.entries()) {
    if (index === 0) await driver.open(section.id);
    else await driver.next(section.id);
    if (section.id === 'children') await driver.matchChildren();
    const background = () => driver.fillSection(section);
    const step = steps[section.id];
    if (step) await step(background);
    else await background();
  }
}

export function main(page: Page): Locator {
  return page.getByRole('main');
}

/** One child's part of a per-child section (or their item in Children, "Child 2: …"), by the child's name. */
export function childGroup(page: Page, name: string): Locator {
  return main(page).getByRole('group', { name: new RegExp(`^(Child \\d+: )?${name}`) }).first();
}

/**
 * Chooses an answer the way the form offers it: a drop-down list by its label, or a set of
 * radio buttons by its group's name (the field's label), pressing Space on the option.
 */
export async function choose(scope: Locator, label: RegExp, option: string): Promise<void> {
  const list = scope.getByRole('combobox', { name: label });
  if ((await list.count()) > 0) {
    await list.first().selectOption({ label: option });
    return;
  }
  const radio = scope.getByRole('group', { name: label }).first().getByRole('radio', { name: option, exact: true });
  await radio.focus();
  await radio.press('Space');
  await expect(radio).toBeChecked();
}

/** Types a date as a chair would (dd/mm/yyyy) and tabs on, so the form reads it. */
export async function typeDate(scope: Locator, label: RegExp, value: string): Promise<void> {
  const input = scope.getByLabel(label).first();
  await input.fill(value);
  await input.press('Tab');
}

/** Opens "Ready to sign?" with its shortcut and returns the panel. */
export async function readiness(page: Page): Promise<Locator> {
  await page.keyboard.press('Alt+Shift+R');
  await expect(page.getByRole('heading', { level: 2, name: 'Ready to sign?' })).toBeFocused();
  return main(page).getByRole('region', { name: 'Ready to sign?' });
}

export async function expectReady(page: Page): Promise<Locator> {
  const panel = await readiness(page);
  await expect(panel.getByText('Ready to sign', { exact: true })).toBeVisible();
  await expect(panel.getByText(/^Not ready to sign/)).toHaveCount(0);
  return panel;
}

/** Autosave has caught up: what the chair sees is what is stored. */
export async function expectSaved(page: Page): Promise<void> {
  await expect(page.getByText(/^All changes saved at \d\d:\d\d$/)).toBeVisible();
}

/** A screenshot from a heading down, once the rules have caught up with the typing. */
export async function shot(page: Page, name: string, from?: Locator): Promise<void> {
  await expect(page.getByRole('navigation', { name: 'Conference sections' })).not.toHaveAttribute('aria-busy', 'true');
  if (from) await from.evaluate((el) => el.scrollIntoView({ block: 'start' }));
  await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
}

export function sectionHeading(page: Page, title: string): Locator {
  return page.getByRole('heading', { level: 2, name: new RegExp(`^${title}`) });
}
