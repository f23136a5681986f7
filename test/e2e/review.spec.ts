import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { screenshot } from './app';
import { expectNoSeriousViolations } from './axe';
import { expect, startShell, test } from './fixtures';
import { bookmarkOf, WordFile } from '../integration/review/word-edits';

const DEMO_PASSPHRASE = 'fictional demo data only';

/**
 * The Osei draft reviewed by agencies, as a chair does it: approved as a draft, sent to three
 * agencies (each copy downloaded), the police's copy comes back from Word with a comment and a
 * tracked change (written as Word stores them), one accepted and one declined with a reason;
 * the school has no comments; CAMHS sends nothing and is overdue; the final minutes are signed
 * with the accepted change in them, and the history shows every step.
 */

async function send(page: Page, agency: RegExp, email: string, document: 'Full minutes' | 'Family copy') {
  const form = page.locator('section[aria-labelledby="send-title"]');
  await form.getByLabel('Agency in the minutes').selectOption({ label: (await form.getByRole('option', { name: agency }).textContent()) ?? '' });
  await form.getByLabel('Secure email address').fill(email);
  await form.getByLabel(document === 'Full minutes' ? 'Full minutes' : /Family copy/).check();
  await form.getByLabel('Date sent').fill('19/02/2026');
  const [download] = await Promise.all([page.waitForEvent('download'), form.getByRole('button', { name: 'Record and download the review copy' }).click()]);
  await expect(page.getByRole('status')).toContainText('has been downloaded');
  return download;
}

test('the Osei draft is reviewed by three agencies in Word and the final minutes carry the accepted change', async ({ page }) => {
  test.setTimeout(240_000);
  const demo = await startShell({ CPC_DEMO: '1' });
  const folder = await mkdtemp(join(tmpdir(), 'cpc-e2e-review-'));
  try {
    await page.goto(demo.url);
    await page.getByLabel('Passphrase').fill(DEMO_PASSPHRASE);
    await page.getByRole('button', { name: 'Unlock' }).click();
    await page.getByRole('link', { name: 'Settings' }).click();
    await page.getByLabel('Your name, as it should appear on signed minutes').fill('Martin Lowe');
    await page.getByLabel('Your role').fill('Independent Child Protection Chair');
    await page.getByLabel('Council').fill('Northshire County Council');
    await page.getByRole('button', { name: 'Save chair profile' }).click();
    await expect(page.getByText(/Chair profile saved/)).toBeVisible();

    await page.getByRole('link', { name: 'Conferences', exact: true }).click();
    await page.getByRole('row', { name: /Daniel Osei/ }).getByRole('link', { name: 'Open' }).click();
    await page.getByRole('link', { name: 'Accuracy review by agencies' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Accuracy review of the draft minutes' })).toBeVisible();
    await expect(page.getByTestId('minutes-due')).toHaveText(/due by 24\/02\/2026 \(15 working days after the conference on 03\/02\/2026\)/);

    await page.getByRole('button', { name: 'Approve the draft for circulation' }).click();
    await expect(page.getByRole('status')).toContainText('Draft 1 approved and signed as a draft');

    const policeCopy = await send(page, /^Police/, 'ryan.holt@police.example.gov.uk', 'Full minutes');
    await send(page, /^Castlegate Academy/, 'dsl@castlegate.example.sch.uk', 'Family copy');
    await send(page, /^CAMHS/, 'ruth.ellis@nhs.example.net', 'Full minutes');

    // Sent on 19/02/2026, due 05/03/2026: today is long after, so all three are overdue until they answer.
    const table = page.getByRole('table', { name: /Who was sent the draft/ });
    await expect(table.getByRole('row')).toHaveCount(4);
    await expect(page.getByTestId('recipient-CAMHS')).toContainText('Overdue');
    await expect(page.getByTestId('recipient-CAMHS')).toContainText('05/03/2026');
    await expect(page.getByTestId('overdue-summary')).toHaveText('3 agencies are overdue with their comments.');
    await page.locator('section[aria-labelledby="circulation-title"]').screenshot({ path: 'test-results/screenshots/review-circulation.png' });
    await expectNoSeriousViolations(page, 'accuracy review (circulation)');
    // The conference page says who is overdue.
    await page.getByRole('link', { name: 'Back to the conference' }).click();
    await expect(page.getByTestId('review-summary')).toContainText('Accuracy review: draft 1 sent to 3 agencies; overdue: Police, Castlegate Academy, CAMHS.');
    // So does the conference list, counted against today from the due dates in the list's summary.
    await page.getByRole('link', { name: 'Conferences', exact: true }).click();
    const oseiRow = page.getByRole('row', { name: /Daniel Osei/ });
    await expect(oseiRow.getByTestId('list-overdue')).toHaveText('Accuracy comments overdue: 3 agencies');
    await screenshot(page, 'review-list-overdue');
    await oseiRow.getByRole('link', { name: 'Open' }).click();
    await page.getByRole('link', { name: 'Accuracy review by agencies' }).click();

    // The police edit their copy in Word: a comment, and a tracked change.
    const saved = join(folder, 'police.docx');
    await policeCopy.saveAs(saved);
    const word = new WordFile(await readFile(saved));
    word.comment(bookmarkOf(word, 'Daniel is at serious risk of violence'), 'PC Ryan Holt', 'Please add that Daniel was found with a knife in November.');
    word.trackedReplace(bookmarkOf(word, 'Daniel was found 40 miles from home carrying cash'), '40 miles', '35 miles', 'PC Ryan Holt');
    const returned = join(folder, 'police-returned.docx');
    await writeFile(returned, word.bytes());
    await page.getByTestId('recipient-Police').locator('input[type="file"]').setInputFiles(returned);
    await expect(page.getByRole('status')).toContainText('Imported the copy returned by Police: 2 comments and changes');
    await expect(page.getByTestId('recipient-Police')).toContainText('Comments received');

    // The same file again is recognised.
    await page.getByTestId('recipient-Police').locator('input[type="file"]').setInputFiles(returned);
    await expect(page.getByRole('alert')).toContainText('This file was already imported');

    const change = page.getByRole('article', { name: 'Tracked change by PC Ryan Holt' });
    const comment = page.getByRole('article', { name: 'Comment by PC Ryan Holt' });
    await expect(change).toContainText('Daniel was found 35 miles from home carrying cash');
    await expect(comment).toContainText('Please add that Daniel was found with a knife in November.');
    await expect(page.getByRole('heading', { level: 4, name: 'Agency contributions' })).toBeVisible();
    await page.locator('section[aria-labelledby="returns-title"]').screenshot({ path: 'test-results/screenshots/review-comments.png' });
    await expectNoSeriousViolations(page, 'accuracy review (comments)');

    // Accept the change by keyboard; decline the comment with a reason.
    await change.getByRole('button', { name: 'Accept' }).focus();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('status')).toContainText('Accepted: the draft now reads as Police suggested');
    // A lazy reason would go into the letter to the police: refused beside the box, and nothing is declined.
    await comment.getByLabel(/Reason/).fill('see above');
    await comment.getByRole('button', { name: 'Decline' }).click();
    await expect(comment.getByText('“see above” does not tell the agency why.')).toBeVisible();
    await expect(comment.getByLabel(/Reason/)).toBeFocused();
    await expect(comment.getByTestId('decision')).toHaveCount(0);
    await comment.getByLabel(/Reason/).fill('The knife was not raised at the conference; it will be considered at the review.');
    await comment.getByRole('button', { name: 'Decline' }).click();
    await expect(page.getByRole('status')).toContainText('Declined Police’s comment');
    await expect(page.getByTestId('recipient-Police')).toContainText('Answered');

    const school = page.getByTestId('recipient-Castlegate Academy');
    await school.getByRole('button', { name: /No comments/ }).click();
    await expect(school).toContainText('No comments');
    await expect(page.getByTestId('recipient-CAMHS')).toContainText('Overdue');
    // The list now names one agency overdue: CAMHS.
    await page.getByRole('link', { name: 'Conferences', exact: true }).click();
    await expect(page.getByRole('row', { name: /Daniel Osei/ }).getByTestId('list-overdue')).toHaveText('Accuracy comments overdue: 1 agency');
    await page.getByRole('row', { name: /Daniel Osei/ }).getByRole('link', { name: 'Open' }).click();
    await page.getByRole('link', { name: 'Accuracy review by agencies' }).click();

    // The accepted correction changed the draft; CAMHS is overdue; the final minutes can be signed.
    const [letter] = await Promise.all([page.waitForEvent('download'), page.getByTestId('recipient-Police').getByRole('button', { name: /Response letter \(Word\)/ }).click()]);
    expect(letter.suggestedFilename()).toBe('2026-02-03 Osei - response to Police.docx');
    await page.getByRole('button', { name: 'Sign the final minutes' }).click();
    await expect(page.getByRole('status')).toContainText('The final minutes are signed (version 1');

    // The signed minutes hold the accepted wording.
    await page.getByRole('link', { name: 'Back to the conference' }).click();
    const exportBlock = page.locator('section[aria-labelledby="export-title"]');
    await expect(exportBlock).toContainText('carries the signature');
    const [minutes] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Full minutes as Word' }).click()]);
    const minutesPath = join(folder, 'minutes.docx');
    await minutes.saveAs(minutesPath);
    const finalXml = new WordFile(await readFile(minutesPath)).document;
    expect(finalXml).toContain('Daniel was found 35 miles from home carrying cash');
    expect(finalXml).not.toContain('Daniel was found 40 miles from home carrying cash');

    await page.getByRole('link', { name: 'Change history' }).click();
    const history = page.getByRole('table');
    for (const words of ['Draft approved and signed by the chair', 'Draft sent for accuracy review', 'Returned copy imported', 'Correction accepted', 'Correction declined', 'Agency had no comments', 'Signed by the chair']) {
      await expect(history).toContainText(words);
    }
    await expect(history).toContainText('Accepted Police’s tracked change on Agency contributions');
    await expect(history).toContainText('Declined Police’s comment on Agency contributions');
    await expect(history).toContainText('Draft 1 (full minutes) sent to CAMHS on 19/02/2026; comments due 05/03/2026');
    await screenshot(page, 'review-history');
  } finally {
    await demo.stop();
    await rm(folder, { recursive: true, force: true });
  }
});
