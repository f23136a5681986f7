import { expect, test } from '@playwright/test';
import type { ConferenceRecord } from '../../domain/record/conference';
import { oseiRecord } from '../../main/demo/scenarios/osei';
import { passphraseOf } from '../integration/team/team-fixture';
import { screenshot } from './app';
import { teamOnOneServer } from './team-apps';

/**
 * The accuracy review on a council's team store: the chair (an app started with
 * CPC_TEAM_SETTINGS) sees the Osei draft minutes overdue in the list, approves the draft and
 * sends it to the police, and the list then names one agency overdue with its comments. The
 * Osei record is put in through the store itself (entering it screen by screen is other tests' job).
 */

test.setTimeout(180_000);

const apps = teamOnOneServer('e2e review');

test('a chair on the team store circulates the Osei draft, and the list says what is overdue', async ({ browser }) => {
  const login = apps.team.login('ch.lowe');
  await apps.team.join(login, 'chair');
  const store = apps.team.storeFor(login);
  await store.unlock(passphraseOf(login));
  await store.setProfile({ name: 'Martin Lowe', role: 'Independent Child Protection Chair', council: 'Northshire County Council' });
  const osei = oseiRecord();
  const created: ConferenceRecord = await store.createConference({ type: osei.type, date: '2026-02-03', children: [{ name: 'Daniel Osei' }] });
  await store.save({ id: created.id, baseRevision: created.revision, sections: osei.sections });
  await store.lock();

  const { page } = await apps.open(browser, login);

  // Not yet sent to anyone, long after it was due (15 working days after 03/02/2026).
  const row = page.getByRole('row', { name: /Daniel Osei/ });
  await expect(row.getByTestId('list-overdue')).toHaveText('Draft minutes overdue: due by 24/02/2026');

  await row.getByRole('link', { name: 'Open' }).click();
  await page.getByRole('link', { name: 'Accuracy review by agencies' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Accuracy review of the draft minutes' })).toBeVisible();
  await page.getByRole('button', { name: 'Approve the draft for circulation' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Draft 1 approved and signed as a draft' })).toBeVisible();
  const form = page.locator('section[aria-labelledby="send-title"]');
  await form.getByLabel('Agency in the minutes').selectOption({ label: (await form.getByRole('option', { name: /^Police/ }).textContent()) ?? '' });
  await form.getByLabel('Secure email address').fill('ryan.holt@police.example.gov.uk');
  await form.getByLabel('Full minutes').check();
  await form.getByLabel('Date sent').fill('19/02/2026');
  const [download] = await Promise.all([page.waitForEvent('download'), form.getByRole('button', { name: 'Record and download the review copy' }).click()]);
  expect(download.suggestedFilename()).toMatch(/\.docx$/);
  await expect(page.getByTestId('recipient-Police')).toContainText('Overdue');
  await page.locator('section[aria-labelledby="circulation-title"]').screenshot({ path: 'test-results/screenshots/team-review-circulation.png' });

  await page.getByRole('link', { name: 'Conferences', exact: true }).click();
  await expect(page.getByRole('row', { name: /Daniel Osei/ }).getByTestId('list-overdue')).toHaveText('Accuracy comments overdue: 1 agency');
  await screenshot(page, 'team-review-list-overdue');
});
