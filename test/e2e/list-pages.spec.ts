import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { seedStore } from '../../bench/lib/seed-store';
import { PASSPHRASE, unlock } from './app';
import { expect, startShell, test } from './fixtures';

/**
 * pgbench9: the list a page at a time. 205 fictional conferences (the benchmark's fast set-up,
 * the store's own file formats): the first screen shows 200, most recently saved, and says more
 * are kept; "Show 200 more conferences" brings the other five, each once, and then goes.
 */

let dataDir: string;
test.beforeAll(async () => {
  test.setTimeout(120_000);
  dataDir = await mkdtemp(join(tmpdir(), 'cpc-e2e-pages-'));
  await seedStore(join(dataDir), PASSPHRASE, 205, new Date().toISOString());
});
test.afterAll(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

test('the list shows 200 conferences first, and the rest on asking', async ({ page }) => {
  const shell = await startShell({ CPC_DATA_DIR: dataDir });
  try {
    await page.goto(shell.url);
    await unlock(page);
    const table = page.getByRole('table');
    await expect(table.locator('caption')).toHaveText('200 conferences: the most recently saved. More are listed below the table.');
    await expect(table.getByRole('row')).toHaveCount(201);
    const more = page.getByRole('button', { name: 'Show 200 more conferences' });
    await mkdir('/tmp/pgbench9-shots', { recursive: true });
    await more.scrollIntoViewIfNeeded();
    await page.screenshot({ path: '/tmp/pgbench9-shots/list-first-page.png' });
    await more.click();
    await expect(table.locator('caption')).toHaveText('205 conferences');
    await expect(table.getByRole('row')).toHaveCount(206);
    await expect(more).toHaveCount(0);
    await page.screenshot({ path: '/tmp/pgbench9-shots/list-all-shown.png', fullPage: false });
  } finally {
    await shell.stop();
  }
});
