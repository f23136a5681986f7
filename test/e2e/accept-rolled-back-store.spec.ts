import { copyFile, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ConferenceRecord } from '../../domain/record/conference';
import { handlersFor } from '../../main/services/app-services';
import { resolveHeadFile } from '../../main/services/data-dir';
import { dispatch } from '../../main/services/dispatch';
import { FileHeadAnchor } from '../../main/services/store/store-head';
import { ConferenceStore } from '../../main/services/store/store';
import { PASSPHRASE, unlock } from './app';
import { expectNoSeriousViolations } from './axe';
import { expect, startShell, test } from './fixtures';

const SHOTS = '/tmp/template7-shots';

/**
 * A data folder put back to an earlier state (an older index, with a conference and its history
 * removed), prepared through the services with the head anchored where the shell will look for
 * it. Fictional names only.
 */
async function folderPutBack(): Promise<string> {
  const dataDir = await mkdtemp(join(tmpdir(), 'cpc-e2e-putback-'));
  const headFile = resolveHeadFile({ CPC_HEAD_DIR: `${dataDir}-head` }, 'linux', homedir(), dataDir);
  const store = new ConferenceStore({ dataDir, headAnchor: new FileHeadAnchor(headFile) });
  const handlers = handlersFor(store);
  const call = async <T>(operation: string, input: unknown = {}): Promise<T> => {
    const result = await dispatch(handlers, operation, input);
    if (!result.ok) throw new Error(`${operation}: ${result.error.code}`);
    return result.value as T;
  };
  await call('vault.create', { passphrase: PASSPHRASE });
  await call('conferences.create', { type: 'initial', date: '2025-05-14', children: [{ name: 'Ruby Ashdown' }] });
  await call('vault.lock');
  await call('vault.unlock', { passphrase: PASSPHRASE });
  await call('vault.lock');
  const aside = await mkdtemp(join(tmpdir(), 'cpc-e2e-aside-'));
  await copyFile(join(dataDir, 'index.enc'), join(aside, 'index.enc'));
  await call('vault.unlock', { passphrase: PASSPHRASE });
  const removed = await call<ConferenceRecord>('conferences.create', { type: 'review', date: '2025-04-01', children: [{ name: 'Ottoline Fairbrother' }] });
  await call('vault.lock');
  await call('vault.unlock', { passphrase: PASSPHRASE });
  await call('vault.lock');
  await rm(join(dataDir, 'conferences', `${removed.id}.enc`));
  await rm(join(dataDir, 'history', `${removed.id}.log`));
  await copyFile(join(aside, 'index.enc'), join(dataDir, 'index.enc'));
  await writeFile(join(dataDir, 'index.journal'), '');
  await rm(aside, { recursive: true, force: true });
  return dataDir;
}

test('a chair accepts a store reported as put back, after a confirm step, and the warning goes', async ({ page }) => {
  test.setTimeout(180_000);
  const dataDir = await folderPutBack();
  const shell = await startShell({ CPC_DATA_DIR: dataDir, CPC_HEAD_DIR: `${dataDir}-head` });
  try {
    await page.goto(shell.url);
    await unlock(page);
    const problems = page.getByRole('region', { name: 'Some records need attention' });
    await expect(problems.getByText(/The data folder has been put back to an earlier state/)).toBeVisible();

    // The first button only asks; Cancel changes nothing.
    await problems.getByRole('button', { name: 'I have checked this: accept the store as it is' }).click();
    const confirm = problems.getByRole('group', { name: 'Accept the store as it is?' });
    await expect(confirm.getByRole('heading', { name: 'Accept the store as it is?' })).toBeFocused();
    await page.screenshot({ path: `${SHOTS}/accept-rolled-back-confirm.png`, fullPage: false });
    await expectNoSeriousViolations(page, 'conference list with a rolled-back store');
    await confirm.getByRole('button', { name: 'Cancel' }).click();
    await expect(problems.getByRole('button', { name: 'I have checked this: accept the store as it is' })).toBeFocused();

    await problems.getByRole('button', { name: 'I have checked this: accept the store as it is' }).click();
    await problems.getByRole('button', { name: 'Yes, accept the store as it is' }).click();
    await expect(page.getByText(/The data folder has been put back/)).toHaveCount(0);

    // Locked and unlocked again: accepted for good, not only hidden.
    await page.getByRole('button', { name: 'Lock' }).click();
    await unlock(page);
    await expect(page.getByRole('heading', { level: 1, name: 'Conferences' })).toBeVisible();
    await expect(page.getByText(/The data folder has been put back/)).toHaveCount(0);
    await expect(page.getByRole('table').getByText('Ruby Ashdown', { exact: true })).toBeVisible();
  } finally {
    await shell.stop();
    await rm(dataDir, { recursive: true, force: true });
    await rm(`${dataDir}-head`, { recursive: true, force: true });
  }
});
