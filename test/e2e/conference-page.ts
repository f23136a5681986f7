import type { Locator, Page } from '@playwright/test';

/**
 * The conference page as the tests see it. The editor under the heading is being replaced by the
 * template-driven guided form (one section at a time, template labels such as "Date of the
 * conference (required)"), so the tests reach fields through these helpers, which accept either
 * editor's wording and open the right section when there is section navigation.
 */

const MEETING_LABELS = {
  date: /^(Conference date|Date of the conference)/,
  startTime: /^Start time/,
  endTime: /^End time/,
  chair: /^Chair/,
  minuteTaker: /^Minute-taker/,
} as const;

export type MeetingField = keyof typeof MEETING_LABELS;

export function meetingField(page: Page, field: MeetingField): Locator {
  return page.getByRole('main').getByLabel(MEETING_LABELS[field]);
}

async function openSection(page: Page, title: RegExp): Promise<void> {
  const nav = page.getByRole('navigation', { name: 'Conference sections' }).getByRole('button', { name: title });
  if ((await nav.count()) > 0) await nav.first().click();
}

export function openMeetingSection(page: Page): Promise<void> {
  return openSection(page, /^\d+\. Meeting/);
}

export function openChildrenSection(page: Page): Promise<void> {
  return openSection(page, /^\d+\. Children/);
}

export function childGroup(page: Page, number: number): Locator {
  return page.getByRole('group', { name: new RegExp(`^Child ${number}\\b`) });
}

export function childName(page: Page, number: number): Locator {
  return childGroup(page, number).getByLabel(/^(Full name|Name)\b/);
}

export function childDateOfBirth(page: Page, number: number): Locator {
  return childGroup(page, number).getByLabel(/^Date of birth/);
}

/** The line under the heading that names the conference's children. */
export function childrenLine(page: Page): Locator {
  return page.locator('main p.lead');
}
