import { mkdirSync } from 'node:fs';
import { expect, test, type Browser } from '@playwright/test';
import type { ConferenceRecord } from '../../domain/record/conference';
import { oseiRecord } from '../../main/demo/scenarios';
import { handlersFor } from '../../main/services/app-services';
import { dispatch } from '../../main/services/dispatch';
import { passphraseOf } from '../integration/team/team-fixture';
import { teamOnOneServer } from './team-apps';

/**
 * The manager's audit on a council's team store, each person in their own browser and app: the
 * manager finds Daniel Osei (a child in need plan at an initial conference) in the cohort and
 * records a signed judgement; the chair, on another computer, sees it on the conference page.
 * Fictional family, staff and council throughout.
 */

test.describe.configure({ mode: 'serial' });
test.setTimeout(240_000);

const SHOTS = '/tmp/teamjudge-shots';
const MANAGER_PROFILE = { name: 'Ingrid Lindqvist', role: 'Safeguarding Service Manager', council: 'Carrowby Borough Council' };

const apps = teamOnOneServer('e2e-audit');
test.beforeAll(() => {
  mkdirSync(SHOTS, { recursive: true });
});

/** Through the same API handlers the page uses, as that member. */
async function asMember(login: string) {
  const handlers = handlersFor(apps.team.storeFor(login));
  const ok = async <T>(operation: string, input?: unknown): Promise<T> => {
    const result = await dispatch(handlers, operation, input);
    if (!result.ok) throw new Error(`${operation} failed: ${result.error.code}`);
    return result.value as T;
  };
  await ok('vault.unlock', { passphrase: passphraseOf(login) });
  return ok;
}

const memberApp = async (browser: Browser, login: string) => (await apps.open(browser, login)).page;

test('a manager judges a non-plan decision on the team store, and the chair sees it on the conference page', async ({ browser }) => {
  const chair = apps.team.login('ch.marsh');
  const manager = apps.team.login('mg.lindqvist');
  await apps.team.join(chair, 'chair');
  await apps.team.join(manager, 'manager');

  // The chair's conference, entered through the API; the manager's signing profile likewise.
  const asChair = await asMember(chair);
  const osei = oseiRecord();
  const children = osei.sections['children'];
  const created = await asChair<ConferenceRecord>('conferences.create', {
    type: osei.type,
    date: '2026-02-03',
    children: children?.kind === 'list' ? children.items.map((item) => ({ name: String(item.values['name']) })) : [],
  });
  await asChair('conferences.save', { id: created.id, baseRevision: created.revision, sections: osei.sections });
  const asManager = await asMember(manager);
  await asManager('profile.set', MANAGER_PROFILE);

  const m = await memberApp(browser, manager);
  await m.getByRole('link', { name: 'Audit non-plan outcomes' }).click();
  await expect(m.getByRole('heading', { level: 1, name: 'Audit of non-plan outcomes' })).toBeVisible();
  await m.getByLabel('Conferences from').fill('01/01/2026');
  await m.getByLabel('to', { exact: true }).fill('31/12/2026');
  await m.getByRole('button', { name: 'Show the cohort' }).click();
  const daniel = m.getByRole('row', { name: /Daniel Osei/ });
  await expect(daniel).toContainText('Police dissents; will escalate through the professional resolution process');
  await daniel.getByRole('button', { name: 'Daniel Osei' }).click();
  const detail = m.getByRole('region', { name: /Daniel Osei, 03\/02\/2026/ });
  await detail.getByRole('button', { name: 'Record judgement' }).click();
  await detail.getByLabel('Requires improvement').check();
  await detail.getByLabel('Comment').fill('The rationale does not say why the police concerns were manageable without a plan.');
  await detail.getByLabel('Action for the chair, if one is needed').fill('Record the escalation outcome at the review.');
  await detail.getByRole('button', { name: 'Record judgement' }).click();
  await expect(detail.getByRole('status')).toContainText(`Judgement recorded and signed by ${MANAGER_PROFILE.name}`);
  await expect(m.getByRole('row', { name: /Daniel Osei/ })).toContainText('Requires improvement');
  await expect(m.getByRole('row', { name: /Daniel Osei/ })).not.toContainText('not signed');
  await m.screenshot({ path: `${SHOTS}/manager-judged.png`, fullPage: false });

  const c = await memberApp(browser, chair);
  await c.getByRole('row', { name: /Daniel Osei/ }).getByRole('link').first().click();
  const block = c.getByRole('region', { name: 'Audit judgements' });
  await expect(block).toContainText('Daniel Osei: Requires improvement');
  await expect(block).toContainText('Action for you: Record the escalation outcome at the review.');
  await expect(block).toContainText(new RegExp(`${MANAGER_PROFILE.name}, \\d\\d/\\d\\d/\\d{4} at \\d\\d:\\d\\d; signed, code`));
  await block.scrollIntoViewIfNeeded();
  await c.screenshot({ path: `${SHOTS}/chair-sees-judgement.png`, fullPage: false });
});
