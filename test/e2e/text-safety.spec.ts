import { createConference, createPassphrase } from './app';
import { childName, childrenLine, openChildrenSection } from './conference-page';
import { expect, test } from './fixtures';

const NAMES = ['Siobhán O’Brien-Łukasiewicz 🙂', 'زينب', '<script>alert(1)</script>', "Siobhán O'Brien-Łukasiewicz 🙂"];

test('names with accents, emoji, right-to-left script and markup are shown exactly, as text', async ({ page, shell }) => {
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await page.goto(shell.url);
  await createPassphrase(page);
  await createConference(page, { type: 'Transfer-in conference', date: '15/01/2025', children: NAMES });

  // On the conference page: the line under the heading shows the names, the inputs hold them exactly.
  await expect(childrenLine(page)).toHaveText(NAMES.join(', '));
  await openChildrenSection(page);
  for (const [index, name] of NAMES.entries()) {
    await expect(childName(page, index + 1)).toHaveValue(name);
  }
  await expect(childName(page, 2)).toHaveAttribute('dir', 'auto');

  // In the list: each name is its own text node, in a cell that finds its own direction.
  await page.getByRole('link', { name: 'Back to conferences' }).click();
  const row = page.getByRole('row', { name: /15\/01\/2025/ });
  for (const name of NAMES) {
    await expect(row.getByText(name, { exact: true })).toHaveAttribute('dir', 'auto');
  }
  // The markup stayed text: no element was made from it and nothing ran.
  expect(await page.locator('main script').count()).toBe(0);
  expect(await page.locator('main').innerHTML()).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  expect(dialogs).toEqual([]);
});
