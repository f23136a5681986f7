import { createPassphrase, openApp } from './app';
import { expectNoSeriousViolations } from './axe';
import { childrenLine, openChildrenSection } from './conference-page';
import { expect, test } from './fixtures';
import { readiness } from './journey-chair';

const SHOTS = '/tmp/template7-shots';

/**
 * An unborn baby has no name or date of birth of their own: a chair creates a pre-birth
 * conference for an unnamed baby and a born brother, and is asked the baby's expected date of
 * delivery, never a name or a date of birth; the page, the list and "Ready to sign?" call the
 * baby "Unborn baby" and never ask for either.
 */
test('a chair creates a pre-birth conference for an unnamed unborn baby and a born brother', async ({ page, shell }) => {
  test.setTimeout(180_000);
  await openApp(page, shell.url);
  await createPassphrase(page);
  await page.getByRole('link', { name: 'Create a conference' }).click();
  await page.getByLabel('Type of conference').selectOption({ label: 'Pre-birth initial conference' });
  await page.getByLabel('Conference date').fill('10/02/2026');

  const baby = page.getByRole('group', { name: 'Is child 1 born or unborn?' });
  await expect(baby.getByRole('radio', { name: 'Unborn', exact: true })).toBeChecked();
  await expect(page.getByLabel('Name of child 1, if you want to give one')).toHaveValue('');
  await expect(page.getByLabel(/date of birth/i)).toHaveCount(0);
  await page.getByLabel('Expected date of delivery of child 1').fill('01/05/2026');

  await page.getByRole('button', { name: 'Add another child' }).click();
  await page.getByRole('group', { name: 'Is child 2 born or unborn?' }).getByRole('radio', { name: 'Born', exact: true }).check();
  await expect(page.getByLabel('Expected date of delivery of child 2')).toHaveCount(0);

  // A born child must be named: the error names the field and nothing is created.
  await page.getByRole('button', { name: 'Create conference' }).click();
  const summary = page.getByRole('alert');
  await expect(summary.getByRole('link', { name: 'Enter the name of child 2' })).toBeVisible();
  await expect(summary.getByText(/child 1/)).toHaveCount(0);
  await page.screenshot({ path: `${SHOTS}/create-unborn-error.png`, fullPage: true });
  await expectNoSeriousViolations(page, 'create a conference (pre-birth)');

  await page.getByLabel('Name of child 2', { exact: true }).fill('Kai Osei');
  await page.screenshot({ path: `${SHOTS}/create-unborn.png`, fullPage: true });
  await page.getByRole('button', { name: 'Create conference' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Pre-birth initial conference' })).toBeVisible();
  await expect(childrenLine(page)).toHaveText('Unborn baby, Kai Osei');

  await openChildrenSection(page);
  const babyItem = page.getByRole('group', { name: 'Child 1: Unborn baby' });
  await expect(babyItem.getByRole('radio', { name: 'Unborn', exact: true })).toBeChecked();
  await expect(babyItem.getByLabel(/^Name, if you want to give one/)).toHaveValue('');
  await expect(babyItem.getByLabel(/^Expected date of delivery/)).toHaveValue('01/05/2026');
  await expect(babyItem.getByLabel(/^Date of birth/)).toHaveCount(0);

  const panel = await readiness(page);
  await expect(panel.getByText(/Kai Osei/).first()).toBeVisible();
  // Nothing asks the baby for a name or a date of birth (Kai, who is born, is asked his).
  const findings = await panel.getByRole('link').allTextContents();
  const forBaby = findings.filter((text) => text.includes('Unborn baby'));
  expect(forBaby.length, 'the baby has findings of their own (decision, rationale…)').toBeGreaterThan(0);
  expect(forBaby.filter((text) => /“(Name|Date of birth)/.test(text))).toEqual([]);
  expect(findings.filter((text) => text.includes('Kai Osei') && text.includes('“Date of birth”'))).toHaveLength(1);
  await page.screenshot({ path: `${SHOTS}/create-unborn-readiness.png`, fullPage: false });

  await page.getByRole('link', { name: /Back to conferences|Conferences/ }).first().click();
  const row = page.getByRole('table').getByRole('row').filter({ hasText: '10/02/2026' });
  await expect(row).toContainText('Unborn baby');
  await expect(row).toContainText('Kai Osei');
  await page.screenshot({ path: `${SHOTS}/list-unborn.png`, fullPage: false });
});
