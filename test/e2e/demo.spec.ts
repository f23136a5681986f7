import { createPassphrase, screenshot } from './app';
import { expect, startShell, test } from './fixtures';

// `npm run demo` starts the shell with CPC_DEMO=1; this starts it the same way.
const DEMO_PASSPHRASE = 'fictional demo data only';

test('a chair\'s own store never shows the demo notice', async ({ page, shell }) => {
  await page.goto(shell.url);
  await createPassphrase(page);
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Unlock your records' })).toBeVisible();
  await expect(page.getByText('This is the demo')).toHaveCount(0);
  await expect(page.getByText(DEMO_PASSPHRASE)).toHaveCount(0);
});

test('the demo opens on the three fictional conferences, each ready to sign, and the local quorum rule changes readiness', async ({ page }) => {
  const demo = await startShell({ CPC_DEMO: '1' });
  try {
    await page.goto(demo.url);
    // The lock screen says it is the demo and gives its passphrase: a newcomer needs nothing else.
    const notice = page.getByRole('region', { name: 'This is the demo' });
    await expect(notice).toContainText('three fictional conferences');
    await expect(notice).toContainText(DEMO_PASSPHRASE);
    await screenshot(page, 'demo-lock-screen');
    await page.getByLabel('Passphrase').fill(DEMO_PASSPHRASE);
    await page.getByRole('button', { name: 'Unlock' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Conferences' })).toBeVisible();
    for (const [child, date, type] of [
      ['Maya Whitfield', '15/01/2026', 'Initial child protection conference'],
      ['Daniel Osei', '03/02/2026', 'Initial child protection conference'],
      ['Ava Brennan', '11/03/2026', 'Review child protection conference'],
    ] as const) {
      const row = page.getByRole('row', { name: new RegExp(child) });
      await expect(row).toContainText(date);
      await expect(row).toContainText(type);
    }
    await screenshot(page, 'demo-list');

    const openReadiness = async (child: string) => {
      await page.getByRole('link', { name: 'Conferences', exact: true }).click();
      await page.getByRole('row', { name: new RegExp(child) }).getByRole('link', { name: 'Open' }).click();
      await expect(page.getByRole('navigation', { name: 'Conference sections' })).toBeVisible();
      await page.keyboard.press('Alt+Shift+R');
      await expect(page.getByRole('heading', { level: 2, name: 'Ready to sign?' })).toBeFocused();
    };

    await openReadiness('Daniel Osei');
    await expect(page.locator('.g-panel--ready')).toContainText('Ready to sign');

    // A council that needs five agencies besides social care: Whitfield (four) becomes inquorate.
    await page.getByRole('link', { name: 'Settings' }).click();
    await page.getByLabel('Agencies other than children’s social care needed for a quorum').fill('5');
    await page.getByRole('button', { name: 'Save local rules' }).click();
    await expect(page.getByText('Local rules saved')).toBeVisible();

    await openReadiness('Maya Whitfield');
    await expect(page.locator('.g-panel--ready')).toHaveCount(0);
    await expect(page.locator('.g-panel--blocking')).toContainText(/quorum/i);
    await screenshot(page, 'demo-whitfield-inquorate');
  } finally {
    await demo.stop();
  }
});
