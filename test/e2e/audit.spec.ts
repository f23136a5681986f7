import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { expect, startShell, test } from './fixtures';
import { expectNoSeriousViolations } from './axe';
import { DEMO_PASSPHRASE, prepareAuditStore } from './audit-store';

const SHOTS = process.env['CPC_AUDIT_SHOTS'] ?? '/tmp/audit-shots';

test('the manager audits the non-plan cohort, judges a decision, exports it, and the chair sees the judgement', async ({ page }) => {
  test.setTimeout(180_000);
  mkdirSync(SHOTS, { recursive: true });
  const prepared = await prepareAuditStore();
  const shell = await startShell({ CPC_DATA_DIR: prepared.dataDir, CPC_HEAD_DIR: `${prepared.dataDir}-head` });
  try {
    await page.goto(shell.url);
    await page.getByLabel('Passphrase').fill(DEMO_PASSPHRASE);
    await page.getByRole('button', { name: 'Unlock' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Conferences' })).toBeVisible();

    // From the conference list to the audit, by keyboard.
    await page.getByRole('link', { name: 'Audit non-plan outcomes' }).focus();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1, name: 'Audit of non-plan outcomes' })).toBeVisible();

    // An empty period says so.
    await page.getByLabel('Conferences from').fill('01/01/2024');
    await page.getByLabel('to', { exact: true }).fill('31/12/2024');
    await page.getByRole('button', { name: 'Show the cohort' }).click();
    await expect(page.getByRole('heading', { name: 'Nothing to audit in this period' })).toBeVisible();
    await expect(page.getByText('No child left an initial conference (or was new to conference at a review) without a child protection plan between 01/01/2024 and 31/12/2024.')).toBeVisible();

    // Ten years is refused in plain words, nothing shown.
    await page.getByLabel('Conferences from').fill('01/01/2016');
    await page.getByLabel('to', { exact: true }).fill('31/12/2025');
    await page.getByRole('button', { name: 'Show the cohort' }).click();
    await expect(page.getByRole('alert')).toContainText('An audit covers at most 3 years');

    // A date that does not exist is caught on the page, with a link to the field.
    await page.getByLabel('Conferences from').fill('31/02/2026');
    await page.getByRole('button', { name: 'Show the cohort' }).click();
    await expect(page.getByRole('alert')).toContainText('Start of the period: 31/02/2026 is not a real date: February 2026 has 28 days.');

    await page.getByLabel('Conferences from').fill('01/12/2025');
    await page.getByLabel('to', { exact: true }).fill('31/03/2026');
    await page.getByRole('button', { name: 'Show the cohort' }).click();
    await expect(page.getByRole('status').filter({ hasText: '3 children from 01/12/2025 to 31/03/2026' })).toBeVisible();

    // Daniel Osei: contextual safeguarding plan, the police dissent and its escalation shown.
    const daniel = page.getByRole('row', { name: /Daniel Osei/ });
    await expect(daniel).toContainText('Police dissents; will escalate through the professional resolution process');
    await expect(daniel).toContainText('Contextual safeguarding plan');
    await expect(daniel.getByRole('cell').nth(5)).toHaveText('No'); // departs from majority: shown, not judged
    // The primary concern as the council records it (template 5).
    await expect(daniel.getByRole('cell').nth(2)).toHaveText('Child sexual or criminal exploitation');
    await expect(page.getByRole('row', { name: /Maya Whitfield/ }).getByRole('cell').nth(2)).toHaveText('Domestic abuse');
    // Whitfield (plans at the demo's conference) are not in it; Brennan (a review, already on a plan) is not either.
    await expect(page.getByRole('row', { name: /Ava Brennan/ })).toHaveCount(0);
    await expectNoSeriousViolations(page, 'audit cohort');
    await page.screenshot({ path: `${SHOTS}/cohort.png`, fullPage: true });

    // Filter by primary concern: domestic abuse is the earlier Whitfield conference's two children.
    await page.getByLabel('Primary concern').selectOption('Domestic abuse');
    await expect(page.getByRole('status').filter({ hasText: '3 children' })).toContainText('2 shown');
    await expect(page.getByRole('row', { name: /Daniel Osei/ })).toHaveCount(0);
    await page.getByLabel('Primary concern').selectOption('');

    // Filter to decisions that depart from the majority: the earlier Whitfield conference only.
    await page.getByLabel('Departs from the majority of agencies').check();
    await expect(page.getByRole('status').filter({ hasText: '3 children' })).toContainText('2 shown');
    await expect(page.getByRole('row', { name: /Daniel Osei/ })).toHaveCount(0);
    const maya = page.getByRole('row', { name: /Maya Whitfield/ });
    await expect(maya).toContainText('Possible match');
    await expect(maya).toContainText('Child in need plan');

    // Drill down to Maya and judge the decision, by keyboard.
    await maya.getByRole('button', { name: 'Maya Whitfield' }).focus();
    await page.keyboard.press('Enter');
    const detail = page.getByRole('region', { name: /Maya Whitfield, 10\/12\/2025/ });
    await expect(detail.getByRole('heading', { level: 2 })).toBeFocused();
    await expect(detail).toContainText('The decision departs from the majority: 3 of the 5 agencies giving a view recommended otherwise');
    await expect(detail).toContainText('Possible match for you to confirm: a child of the same name and date of birth was at a new initial conference on 15/01/2026');
    await expect(detail.getByRole('link', { name: 'Open the conference: record, collation and minutes' })).toBeVisible();
    await page.screenshot({ path: `${SHOTS}/drill-down.png`, fullPage: false });
    await detail.getByRole('button', { name: 'Record judgement' }).click();
    await expect(detail.getByText('Choose good, requires improvement or inadequate.')).toBeVisible();
    await detail.getByLabel('Requires improvement').focus();
    await page.keyboard.press('Space');
    await detail.getByLabel('Comment').focus();
    await page.keyboard.type('The child in need plan went against three agencies; the rationale weighs the IDVA view but not why the risk was manageable without a plan.');
    await detail.getByLabel('Action for the chair, if one is needed').focus();
    await page.keyboard.type('=Reconsider the risk analysis at the next conference');
    await detail.getByRole('button', { name: 'Record judgement' }).focus();
    await page.keyboard.press('Enter');
    await expect(detail.getByRole('status')).toContainText('It is not signed: no signing profile is set up on this computer.');
    await expect(page.getByRole('row', { name: /Maya Whitfield/ })).toContainText('Requires improvement (not signed)');
    await expect(page.getByRole('status').filter({ hasText: '3 children' })).toContainText('Judged so far: 1 of 3');
    await expectNoSeriousViolations(page, 'audit drill-down');

    // The CSV of what is shown (departs from the majority): opened and checked.
    const [csvDownload] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download the cohort as CSV' }).click()]);
    expect(csvDownload.suggestedFilename()).toBe('audit-non-plan-2025-12-01-to-2026-03-31.csv');
    const csvPath = `${SHOTS}/cohort.csv`;
    await csvDownload.saveAs(csvPath);
    const csv = readFileSync(csvPath);
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = csv.toString('utf8').slice(1).split('\r\n').filter((line) => line !== '');
    expect(lines).toHaveLength(3);
    const mayaLine = lines.find((line) => line.includes('"Maya Whitfield"'));
    expect(mayaLine).toContain('"Requires improvement"');
    // Typed as a formula, exported as text.
    expect(mayaLine).toContain(`"'=Reconsider the risk analysis at the next conference"`);
    expect(mayaLine).toContain('"Possible match"');

    // The PDF summary, read back with pdftotext.
    const [pdfDownload] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download the audit summary (PDF)' }).click()]);
    const pdfPath = `${SHOTS}/summary.pdf`;
    await pdfDownload.saveAs(pdfPath);
    const text = execFileSync('pdftotext', [pdfPath, '-']).toString('utf8').replace(/\s+/g, ' ');
    expect(text).toContain('Audit of children who left a conference without a child protection plan');
    expect(text).toContain('2 children in the cohort shown with these filters: departs from the majority of agencies');
    expect(text).toContain('Requires improvement (not signed)');

    // The charts, each with its table.
    await page.getByLabel('Departs from the majority of agencies').uncheck();
    const charts = page.getByRole('region', { name: 'Charts' });
    await expect(charts.getByRole('table', { name: /Outcomes by month, as a table/ })).toContainText('Dec 2025');
    await expect(charts.getByRole('table', { name: /Came back by outcome/ })).toContainText('Contextual safeguarding plan');
    await charts.scrollIntoViewIfNeeded();
    await charts.screenshot({ path: `${SHOTS}/charts.png` });

    // The chair opens Maya's conference and sees the judgement.
    // Maya's detail is still open below the table: its drill-down link goes to her conference.
    await expect(page.getByRole('row', { name: /Maya Whitfield/ }).getByRole('button', { name: 'Maya Whitfield' })).toHaveAttribute('aria-expanded', 'true');
    await page.getByRole('link', { name: 'Open the conference: record, collation and minutes' }).click();
    const block = page.getByRole('region', { name: 'Audit judgements' });
    await expect(block).toContainText('Maya Whitfield: Requires improvement');
    await expect(block).toContainText('Action for you: =Reconsider the risk analysis at the next conference');
    await page.screenshot({ path: `${SHOTS}/chair-sees-judgement.png`, fullPage: false });
  } finally {
    await shell.stop();
    await prepared.remove();
  }
});
