import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createConference, createPassphrase, PASSPHRASE } from './app';
import { expect, test } from './fixtures';

test('a damaged conference file is reported plainly, without names, and the rest still opens', async ({ page, shell }) => {
  await page.goto(shell.url);
  await createPassphrase(page);
  await createConference(page, { type: 'Initial child protection conference', date: '27/03/2025', children: ['Maya Whitfield'] });
  const id = new URL(page.url()).hash.replace('#/conferences/', '');
  await page.getByRole('link', { name: 'Back to conferences' }).click();
  await createConference(page, { type: 'Review child protection conference', date: '03/04/2025', children: ['Leo Whitfield'] });
  await page.getByRole('button', { name: 'Lock', exact: true }).click();

  // Damage one conference's encrypted file while the store is locked.
  await writeFile(join(shell.dataDir, 'conferences', `${id}.enc`), 'not an encrypted record');

  await page.getByLabel('Passphrase').fill(PASSPHRASE);
  await page.getByRole('button', { name: 'Unlock' }).click();
  await page.getByRole('link', { name: 'Conferences', exact: true }).click();
  await expect(page.getByRole('row', { name: /Leo Whitfield/ })).toBeVisible();

  await page.getByRole('row', { name: /Maya Whitfield/ }).getByRole('link', { name: /^Open/ }).click();
  await expect(page.getByRole('alert')).toContainText('The conference could not be opened.');
  await expect(page.getByRole('alert')).not.toContainText('Maya');
  await expect(page.getByRole('alert')).toContainText('could not be read');

  // The list now carries the store's report, by id and date only, above the conferences.
  await page.getByRole('link', { name: 'Back to conferences' }).click();
  const panel = page.getByRole('region', { name: 'Some records need attention' });
  await expect(panel).toContainText(`Conference ${id} (27/03/2025) could not be read`);
  await expect(panel).not.toContainText('Maya');
  await expect(page.getByRole('row', { name: /Leo Whitfield/ })).toBeVisible();
});
