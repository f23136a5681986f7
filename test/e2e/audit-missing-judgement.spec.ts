import { mkdirSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ConferenceRecord } from '../../domain/record/conference';
import { scenarioRecords } from '../../main/demo/scenarios';
import { seedDemoStore } from '../../main/demo/seed';
import { handlersFor } from '../../main/services/app-services';
import { dispatch } from '../../main/services/dispatch';
import { openJson, sealJson } from '../../main/services/store/crypto';
import { roles } from '../../main/services/store/paths';
import { ConferenceStore } from '../../main/services/store/store';
import { readVaultFile, unwrapDataKey } from '../../main/services/store/vault-file';
import { expect, startShell, test } from './fixtures';
import { expectNoSeriousViolations } from './axe';
import { DEMO_PASSPHRASE } from './audit-store';

const SHOTS = process.env['CPC_AUDIT_SHOTS'] ?? '/tmp/audit-shots';

/**
 * Two judgements of Daniel Osei's decision, then the second (unfavourable) one taken off the end
 * of the stored document by someone holding the data key: what is left chains and verifies, so
 * only the history shows a judgement went. The manager's cohort and the chair's page must say so.
 */
async function storeWithJudgementRemoved(): Promise<{ dataDir: string; remove: () => Promise<void> }> {
  const dataDir = await mkdtemp(join(tmpdir(), 'cpc-e2e-audit-missing-'));
  const store = new ConferenceStore({ dataDir });
  const handlers = handlersFor(store);
  await seedDemoStore(handlers, scenarioRecords());
  const ok = async <T>(operation: string, input?: unknown): Promise<T> => {
    const result = await dispatch(handlers, operation, input);
    if (!result.ok) throw new Error(`${operation}: ${result.error.code}`);
    return result.value as T;
  };
  const { conferences } = await ok<{ conferences: { id: string; children: { id: string; name: string }[] }[] }>('conferences.list');
  const osei = conferences.find((c) => c.children.some((child) => child.name === 'Daniel Osei'))!;
  const daniel = osei.children[0]!.id;
  await ok('audit.judge', { conferenceId: osei.id, childId: daniel, rating: 'good', comment: 'The police dissent is answered with reasons.' });
  await ok('audit.judge', { conferenceId: osei.id, childId: daniel, rating: 'inadequate', comment: 'On reflection the rationale does not answer the police.' });
  await store.lock();
  const vault = await readVaultFile(store.paths.vault);
  const key = await unwrapDataKey(vault!, DEMO_PASSPHRASE);
  const path = store.paths.conference(osei.id);
  const doc = openJson(key, await readFile(path), roles.conference(osei.id)) as { record: ConferenceRecord; judgements: unknown[] };
  doc.judgements.pop();
  await writeFile(path, sealJson(key, doc, roles.conference(osei.id)));
  return { dataDir, remove: () => rm(dataDir, { recursive: true, force: true }) };
}

test('a judgement removed from the end is shown as missing, in the cohort and on the chair’s page', async ({ page }) => {
  test.setTimeout(120_000);
  mkdirSync(SHOTS, { recursive: true });
  const prepared = await storeWithJudgementRemoved();
  const shell = await startShell({ CPC_DATA_DIR: prepared.dataDir, CPC_HEAD_DIR: `${prepared.dataDir}-head` });
  try {
    await page.goto(shell.url);
    await page.getByLabel('Passphrase').fill(DEMO_PASSPHRASE);
    await page.getByRole('button', { name: 'Unlock' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Conferences' })).toBeVisible();
    await page.getByRole('link', { name: 'Audit non-plan outcomes' }).click();
    await page.getByLabel('Conferences from').fill('01/01/2026');
    await page.getByLabel('to', { exact: true }).fill('31/03/2026');
    await page.getByRole('button', { name: 'Show the cohort' }).click();
    const daniel = page.getByRole('row', { name: /Daniel Osei/ });
    await expect(daniel).toContainText('Judgement missing.');
    await expect(daniel).toContainText('Good');
    await daniel.getByRole('button', { name: 'Daniel Osei' }).click();
    const detail = page.getByRole('region', { name: /Daniel Osei, 03\/02\/2026/ });
    await expect(detail.getByRole('alert')).toHaveText(
      'A judgement is missing: this conference’s history records a judgement that its stored copy no longer holds. Report this to your information governance lead; no judgement can be added to this conference until it is looked into.',
    );
    await expectNoSeriousViolations(page, 'audit missing judgement');
    await page.screenshot({ path: `${SHOTS}/missing-judgement-cohort.png`, fullPage: true });

    await detail.getByRole('link', { name: 'Open the conference: record, collation and minutes' }).click();
    const block = page.getByRole('region', { name: 'Audit judgements' });
    await expect(block.getByRole('alert')).toContainText('A judgement is missing');
    await expect(block).toContainText('Daniel Osei: Good');
    await block.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SHOTS}/missing-judgement-chair.png`, fullPage: false });
  } finally {
    await shell.stop();
    await prepared.remove();
  }
});
