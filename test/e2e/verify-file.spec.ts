import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import forge from 'node-forge';
import { screenshot } from './app';
import { expectNoSeriousViolations } from './axe';
import { expect, startShell, test } from './fixtures';

const DEMO_PASSPHRASE = 'fictional demo data only';
const SHOTS = '/tmp/pades-shots';

test('a signed PDF exported from the app checks as valid on “Check a signed file”; the same file with one byte changed checks as altered', async ({ page }) => {
  test.setTimeout(180_000);
  const demo = await startShell({ CPC_DEMO: '1' });
  const folder = await mkdtemp(join(tmpdir(), 'cpc-e2e-verify-'));
  await mkdir(SHOTS, { recursive: true });
  try {
    await page.goto(demo.url);
    await page.getByLabel('Passphrase').fill(DEMO_PASSPHRASE);
    await page.getByRole('button', { name: 'Unlock' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Conferences' })).toBeVisible();

    await page.getByRole('link', { name: 'Settings' }).click();
    await page.getByLabel('Your name, as it should appear on signed minutes').fill('Priya Natarajan');
    await page.getByLabel('Your role').fill('Independent Child Protection Chair');
    await page.getByLabel('Council').fill('Carrowby Borough Council');
    await page.getByRole('button', { name: 'Save chair profile' }).click();
    await expect(page.getByText(/Chair profile saved\./)).toBeVisible();
    // The certificate signed PDFs will carry, made with the profile.
    await expect(page.getByRole('region', { name: 'Certificate for signed PDFs' }).or(page.locator('section[aria-labelledby="pdf-certificate-title"]'))).toContainText(
      'Made by this app (self-signed): Priya Natarajan, Independent Child Protection Chair, Carrowby Borough Council',
    );
    await page.screenshot({ path: `${SHOTS}/settings-certificate.png`, fullPage: true });

    // A council-issued certificate: a wrong password is refused in plain words, the right one is taken.
    const p12 = join(folder, 'council.p12');
    await writeFile(p12, councilP12('council-issued 2026'));
    await page.getByLabel('Your council’s certificate file (optional)').setInputFiles(p12);
    await page.getByLabel('The certificate file’s password').fill('not the password');
    await page.getByRole('button', { name: 'Import certificate' }).click();
    await expect(page.getByText('That password does not open this certificate file.')).toBeVisible();
    await expect(page.getByLabel('Your council’s certificate file (optional)')).toBeFocused();
    await page.getByLabel('The certificate file’s password').fill('council-issued 2026');
    await page.getByRole('button', { name: 'Import certificate' }).click();
    await expect(page.getByText('Certificate imported.')).toBeVisible();
    await expect(page.locator('section[aria-labelledby="pdf-certificate-title"]')).toContainText('Imported from your council: Priya Natarajan, Carrowby Borough Council');
    await expectNoSeriousViolations(page, 'settings with the certificate form');

    await page.getByRole('link', { name: 'Conferences', exact: true }).click();
    await page.getByRole('row', { name: /Maya Whitfield/ }).getByRole('link', { name: 'Open' }).click();
    await expect(page.getByRole('navigation', { name: 'Conference sections' })).toBeVisible();
    await page.keyboard.press('Alt+Shift+R');
    await page.getByRole('button', { name: 'Sign the minutes' }).click();
    await page.getByRole('button', { name: 'Yes, sign the minutes' }).click();
    await expect(page.getByRole('region', { name: 'Signed minutes: locked' })).toBeVisible();

    const exportBlock = page.locator('section[aria-labelledby="export-title"]');
    await exportBlock.scrollIntoViewIfNeeded();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Family copy as PDF' }).click()]);
    const signed = join(folder, download.suggestedFilename());
    await download.saveAs(signed);

    // From the conference list, through the main navigation.
    await page.getByRole('link', { name: 'Conferences', exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Conferences' })).toBeVisible();
    await page.getByRole('link', { name: 'Check a signed file' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Check a signed file' })).toBeFocused();

    // Keyboard only: Tab to the file input, choose the file, Tab to the button, Enter.
    const input = page.getByLabel('File to check');
    await input.focus();
    await expect(input).toBeFocused();
    await input.setInputFiles(signed);
    await page.keyboard.press('Tab');
    await expect(page.getByRole('button', { name: 'Check this file' })).toBeFocused();
    await page.keyboard.press('Enter');
    const status = page.getByRole('status');
    await expect(status).toContainText('Matches the signed minutes');
    await expect(status).toContainText(/This file matches the family copy, signed version 1 of the initial child protection conference of 15 January 2026 \(conference [0-9a-f-]{36}\), the latest signed version\./);
    await expect(status).toContainText('Signed by Priya Natarajan, Independent Child Protection Chair, Carrowby Borough Council.');
    await expect(status).toContainText('made with this store’s chair’s certificate (“Priya Natarajan, Carrowby Borough Council”)');
    await expectNoSeriousViolations(page, 'check a signed file (valid)');
    await page.screenshot({ path: `${SHOTS}/verify-valid.png`, fullPage: true });
    await screenshot(page, 'verify-valid');

    // One byte changed inside the signed part (a letter of the Producer entry).
    const bytes = await readFile(signed);
    const at = bytes.indexOf('\n(Conference Recorder)') + 3;
    expect(at).toBeGreaterThan(3);
    bytes[at] = bytes[at] === 0x41 ? 0x42 : 0x41;
    const altered = join(folder, 'family copy (changed).pdf');
    await writeFile(altered, bytes);
    await input.setInputFiles(altered);
    await page.getByRole('button', { name: 'Check this file' }).click();
    await expect(status).toContainText('Altered since it was signed');
    await expect(status).toContainText('This PDF has been altered. Its content has been changed since it was signed');
    await page.screenshot({ path: `${SHOTS}/verify-altered.png`, fullPage: true });

    // Not a document at all, and no file chosen: plain answers.
    const notes = join(folder, 'notes.pdf');
    await writeFile(notes, 'Meeting notes, not minutes.');
    await input.setInputFiles(notes);
    await page.getByRole('button', { name: 'Check this file' }).click();
    await expect(status).toContainText('Not a signed conference document');
    await expect(status).toContainText('This file is named .pdf but is not a PDF inside');
    await input.setInputFiles([]);
    await page.getByRole('button', { name: 'Check this file' }).click();
    await expect(page.getByText('Choose a PDF or Word file to check')).toBeVisible();
    await expect(input).toBeFocused();
  } finally {
    await demo.stop();
    await rm(folder, { recursive: true, force: true });
  }
});

/** A council-issued PKCS#12: the chair's key and certificate, issued by the council's own CA. */
function councilP12(password: string): Buffer {
  const ca = forge.pki.rsa.generateKeyPair(1024);
  const own = forge.pki.rsa.generateKeyPair(1024);
  const issuer = [{ shortName: 'CN', value: 'Carrowby Borough Council Signing CA' }];
  const cert = forge.pki.createCertificate();
  cert.publicKey = own.publicKey;
  cert.serialNumber = '02';
  cert.validity.notBefore = new Date(Date.now() - 86_400_000);
  cert.validity.notAfter = new Date(Date.now() + 365 * 86_400_000);
  cert.setSubject([{ shortName: 'CN', value: 'Priya Natarajan' }, { shortName: 'O', value: 'Carrowby Borough Council' }]);
  cert.setIssuer(issuer);
  cert.sign(ca.privateKey, forge.md.sha256.create());
  return Buffer.from(forge.asn1.toDer(forge.pkcs12.toPkcs12Asn1(own.privateKey, [cert], password, { algorithm: '3des' })).getBytes(), 'binary');
}
