import { expect, type Page } from '@playwright/test';

/** Steps through the UI the way a chair would; the tests read as the journey they check. */

export const PASSPHRASE = 'violet tractor harbour pebble 47';

export async function openApp(page: Page, launchUrl: string): Promise<void> {
  await page.goto(launchUrl);
}

export async function createPassphrase(page: Page, passphrase = PASSPHRASE): Promise<void> {
  await expect(page.getByRole('heading', { level: 1, name: 'Create a passphrase' })).toBeVisible();
  await page.getByLabel('Passphrase', { exact: true }).fill(passphrase);
  await page.getByLabel('Confirm passphrase').fill(passphrase);
  await page.getByRole('button', { name: 'Create passphrase' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Conferences' })).toBeVisible();
}

export async function unlock(page: Page, passphrase = PASSPHRASE): Promise<void> {
  await expect(page.getByRole('heading', { level: 1, name: 'Unlock your records' })).toBeVisible();
  await page.getByLabel('Passphrase').fill(passphrase);
  await page.getByRole('button', { name: 'Unlock' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /Conferences|conference/ })).toBeVisible();
}

export interface NewConferenceInput {
  type: string;
  date: string;
  children: string[];
}

export async function createConference(page: Page, input: NewConferenceInput): Promise<void> {
  await page.getByRole('link', { name: 'Create a conference' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Create a conference' })).toBeVisible();
  await page.getByLabel('Type of conference').selectOption({ label: input.type });
  await page.getByLabel('Conference date').fill(input.date);
  for (const [index, name] of input.children.entries()) {
    if (index > 0) await page.getByRole('button', { name: 'Add another child' }).click();
    await page.getByLabel(`Name of child ${index + 1}`).fill(name);
  }
  await page.getByRole('button', { name: 'Create conference' }).click();
  await expect(page.getByRole('heading', { level: 1, name: input.type })).toBeVisible();
}

export function saveStatus(page: Page) {
  return page.locator('#save-status');
}

export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `test-results/screenshots/${name}.png`, fullPage: false });
}
