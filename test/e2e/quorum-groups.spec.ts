import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import type { ConferenceRecord } from '../../domain/record/conference';
import { whitfieldRecord } from '../../main/demo/scenarios';
import { handlersFor } from '../../main/services/app-services';
import { dispatch } from '../../main/services/dispatch';
import { ConferenceStore } from '../../main/services/store/store';
import { PASSPHRASE, unlock } from './app';
import { expectNoSeriousViolations } from './axe';
import { expect, startShell, test } from './fixtures';
import { readiness } from './journey-chair';

const SHOTS = '/tmp/template7-shots';

/**
 * The Whitfield conference with only children's social care, the health visitor and the GP in
 * the room (the others sent apologies): social care plus two other agencies, so quorate by the
 * common rule, until the council groups every health service as one "health" agency.
 */
async function prepare(): Promise<{ dataDir: string; id: string }> {
  const dataDir = await mkdtemp(join(tmpdir(), 'cpc-e2e-quorum-'));
  const store = new ConferenceStore({ dataDir });
  const handlers = handlersFor(store);
  const call = async <T>(operation: string, input: unknown): Promise<T> => {
    const result = await dispatch(handlers, operation, input);
    if (!result.ok) throw new Error(`${operation}: ${result.error.code}`);
    return result.value as T;
  };
  try {
    await call('vault.create', { passphrase: PASSPHRASE });
    const record = whitfieldRecord();
    const children = record.sections['children'];
    const agencies = record.sections['agencies'];
    if (children?.kind !== 'list' || agencies?.kind !== 'list') throw new Error('Whitfield has no children or agencies');
    const inTheRoom = new Set(['social-care', 'health-visiting', 'gp']);
    const items = agencies.items.map((item) => ({
      ...item,
      values: inTheRoom.has(String(item.values['agency'])) ? { ...item.values, attendance: 'present', directContact: true } : { ...item.values, attendance: 'apologies' },
    }));
    const created = await call<ConferenceRecord>('conferences.create', {
      type: record.type,
      date: (record.sections['meeting']?.kind === 'single' && String(record.sections['meeting'].values['date'])) || '',
      children: children.items.map((child) => ({ name: String(child.values['name']) })),
    });
    await call('conferences.save', { id: created.id, baseRevision: created.revision, sections: { ...record.sections, agencies: { kind: 'list', items } } });
    return { dataDir, id: created.id };
  } finally {
    await store.lock();
  }
}

async function openTheConference(page: Page) {
  await page.getByRole('link', { name: 'Conferences', exact: true }).click();
  await page.getByRole('link', { name: /^Open/ }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: /conference/ })).toBeVisible();
}

test('a council groups every health service as one agency for the quorum, and the readiness panel follows', async ({ page }) => {
  test.setTimeout(240_000);
  const { dataDir } = await prepare();
  const shell = await startShell({ CPC_DATA_DIR: dataDir });
  try {
    await page.goto(shell.url);
    await unlock(page);
    await openTheConference(page);
    let panel = await readiness(page);
    await expect(panel).toBeVisible();
    await expect(panel.getByText(/Not quorate/)).toHaveCount(0);
    await page.screenshot({ path: `${SHOTS}/quorum-before-readiness.png`, fullPage: false });

    // Settings, by keyboard only: add a group, name it, and try to save it with no agency.
    await page.getByRole('link', { name: 'Settings', exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
    await expect(page.getByText('No quorum groups: every agency counts on its own.')).toBeVisible();
    await page.getByRole('button', { name: 'Add a quorum group' }).focus();
    await page.keyboard.press('Enter');
    await expect(page.getByLabel('Name of quorum group 1')).toBeFocused();
    await page.keyboard.type('health');
    await page.getByRole('button', { name: 'Save local rules' }).focus();
    await page.keyboard.press('Enter');
    const summary = page.getByRole('alert');
    const noAgency = summary.getByRole('link', { name: 'Quorum group “health” names no agency: tick the agencies that count as one, or remove the group' });
    await expect(noAgency).toBeVisible();
    await expect(summary).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(noAgency).toBeFocused();
    await page.keyboard.press('Enter');
    // The link goes to the group's first tick box.
    const group = page.getByRole('group', { name: 'Quorum group 1: health' });
    await expect(group.getByRole('checkbox').first()).toBeFocused();
    await page.getByRole('group', { name: 'Quorum groups' }).scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SHOTS}/quorum-group-error.png`, fullPage: true });
    await expectNoSeriousViolations(page, 'settings with a quorum group naming no agency');

    for (const name of ['Health visiting', 'School nursing', 'GP', 'Midwifery']) {
      const box = group.getByRole('checkbox', { name, exact: true });
      await box.focus();
      await page.keyboard.press('Space');
      await expect(box).toBeChecked();
    }
    await page.getByRole('button', { name: 'Save local rules' }).focus();
    await page.keyboard.press('Enter');
    await expect(page.getByText('Local rules saved')).toBeVisible();
    await expect(page.getByRole('alert')).toHaveCount(0);
    await page.getByRole('group', { name: 'Quorum groups' }).scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SHOTS}/quorum-group-editor.png`, fullPage: true });
    await expectNoSeriousViolations(page, 'settings with a quorum group');

    // The list does not show a count made under the old rules as if it were current.
    await page.getByRole('link', { name: 'Conferences', exact: true }).click();
    await expect(page.getByRole('table').getByText('Open to check')).toBeVisible();

    await openTheConference(page);
    panel = await readiness(page);
    await expect(
      panel.getByRole('link', {
        name: 'Not quorate: children’s social care attended; 1 other agency with direct contact with the child attended (health (Health visiting, GP)), and at least 2 are needed. Record why the conference went ahead without a quorum.',
      }),
    ).toBeVisible();
    await page.screenshot({ path: `${SHOTS}/quorum-group-readiness.png`, fullPage: false });

    // After a reload the group is still there: it was saved, not only shown.
    await page.getByRole('link', { name: 'Settings', exact: true }).click();
    await expect(page.getByLabel('Name of quorum group 1')).toHaveValue('health');
    await expect(page.getByRole('group', { name: 'Quorum group 1: health' }).getByRole('checkbox', { name: 'GP', exact: true })).toBeChecked();
  } finally {
    await shell.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
});
