import type { Page } from '@playwright/test';
import { outcomeLabel } from '../../domain/decision/outcomes';
import { countOf } from '../../domain/template/plural';
import { screenshot, unlock } from './app';
import { expectNoSeriousViolations } from './axe';
import { expect, startShell, test } from './fixtures';
import { LONG_AGENCIES, prepareStore, type PreparedStore } from './list-and-chart-store';

/**
 * The visible slips of issue 6: the list shows each child's outcome and the readiness the
 * domain rules give; the error summary is an alert that takes focus; a field reached with the
 * keyboard is never under the sticky save bar; agency names on the chart do not overlap.
 */

let prepared: PreparedStore;
test.beforeAll(async () => {
  // Preparing the store derives a real passphrase key (scrypt): seconds on a loaded machine.
  test.setTimeout(120_000);
  prepared = await prepareStore();
});
test.afterAll(async () => {
  await prepared?.remove();
});

async function openPrepared(page: Page) {
  const shell = await startShell({ CPC_DATA_DIR: prepared.dataDir });
  await page.goto(shell.url);
  await unlock(page);
  return shell;
}

test('the list shows each child’s outcome in words and how far each conference is from signing', async ({ page }) => {
  const shell = await openPrepared(page);
  try {
    const table = page.getByRole('table');
    await expect(table.getByRole('columnheader', { name: 'Readiness' })).toBeVisible();
    const decidedRow = table.getByRole('row').filter({ hasText: '02/03/2025' });
    await expect(decidedRow).toContainText('Idris Calloway');
    await expect(decidedRow).toContainText(outcomeLabel('continue-plan'));
    await expect(decidedRow).toContainText(outcomeLabel('end-plan-cin'));
    const decided = prepared.summaries.find((s) => s.id === prepared.decided.id);
    const toFinish = decided?.readiness?.toFinish ?? 0;
    expect(toFinish).toBeGreaterThan(0);
    await expect(decidedRow).toContainText(`${countOf(toFinish, 'thing')} to finish`);

    const undecidedRow = table.getByRole('row').filter({ hasText: '14/05/2025' });
    await expect(undecidedRow.getByText('No decision yet')).toHaveCount(6);

    // The demo's finished conferences are ready by the same rules.
    await expect(table.getByText('Ready to sign', { exact: true })).toHaveCount(3);
    await screenshot(page, 'contract-list-outcomes-readiness');
    await expectNoSeriousViolations(page, 'conference list');
  } finally {
    await shell.stop();
  }
});

test('the error summary is an alert and takes focus', async ({ page }) => {
  const shell = await openPrepared(page);
  try {
    await page.getByRole('link', { name: 'Create a conference' }).click();
    await page.getByRole('button', { name: 'Create conference' }).click();
    const summary = page.getByRole('alert').filter({ hasText: 'There is a problem' });
    await expect(summary).toBeVisible();
    await expect(summary).toBeFocused();
    await screenshot(page, 'contract-error-summary-alert');
    await expectNoSeriousViolations(page, 'create conference with errors');
  } finally {
    await shell.stop();
  }
});

test('a field reached with the keyboard is never under the sticky save bar', async ({ page }) => {
  // 90 key presses and axe over a section of nine agencies for six children: about a minute
  // alone, two on a loaded machine.
  test.setTimeout(240_000);
  const shell = await openPrepared(page);
  try {
    await page.getByRole('link', { name: /Open the conference of 14\/05\/2025/ }).click();
    await page.getByRole('navigation', { name: 'Conference sections' }).getByRole('button', { name: /Agency contributions/ }).click();
    const fields = page.locator('.g-main').locator('input, textarea, select');
    await fields.last().focus();
    const obscured: string[] = [];
    let checked = 0;
    // Backwards through the long section (where fields come into view from under the bar), then
    // forwards: each newly focused field must sit below the bar.
    for (let presses = 0; presses < 90; presses += 1) {
      await page.keyboard.press(presses < 60 ? 'Shift+Tab' : 'Tab');
      const where = await page.evaluate(() => {
        const focused = document.activeElement as HTMLElement | null;
        const bar = document.querySelector('.g-savebar');
        if (!focused || !bar || bar.contains(focused) || !focused.closest('.g-main')) return null;
        const box = focused.getBoundingClientRect();
        return { id: focused.id || focused.tagName, top: box.top, barBottom: bar.getBoundingClientRect().bottom };
      });
      if (where === null) continue;
      checked += 1;
      if (where.top < where.barBottom) obscured.push(`${where.id} at ${Math.round(where.top)} under the bar ending at ${Math.round(where.barBottom)}`);
    }
    expect(checked).toBeGreaterThan(60);
    expect(obscured).toEqual([]);
    await screenshot(page, 'contract-focus-clear-of-save-bar');
    await expectNoSeriousViolations(page, 'agency contributions');
  } finally {
    await shell.stop();
  }
});

test('agency names on the collation chart do not overlap (six children, nine long names)', async ({ page }) => {
  const shell = await openPrepared(page);
  try {
    await page.getByRole('link', { name: /Open the conference of 14\/05\/2025/ }).click();
    await page.getByRole('navigation', { name: 'Conference sections' }).getByRole('button', { name: /Collation of agency views/ }).click();
    const chart = page.locator('.g-chart').first();
    await chart.scrollIntoViewIfNeeded();
    const ticks = chart.locator('.recharts-yAxis-tick-labels text');
    await expect(ticks).toHaveCount(LONG_AGENCIES.length);
    const labels = await ticks.evaluateAll((texts) =>
      texts.map((text) => {
        const box = text.getBoundingClientRect();
        return { text: text.textContent ?? '', top: box.top, bottom: box.bottom, right: box.right };
      }),
    );
    expect(labels).toHaveLength(LONG_AGENCIES.length);
    // No name runs into the bars: the plot starts at the grid's left edge.
    const plotLeft = await chart.locator('.recharts-cartesian-grid').evaluate((grid) => grid.getBoundingClientRect().left);
    for (const label of labels) expect(label.right, `“${label.text}” runs into the bars`).toBeLessThanOrEqual(plotLeft);
    const sorted = [...labels].sort((a, b) => a.top - b.top);
    for (let i = 1; i < sorted.length; i += 1) {
      expect(sorted[i]!.top, `“${sorted[i]!.text}” overlaps “${sorted[i - 1]!.text}”`).toBeGreaterThanOrEqual(sorted[i - 1]!.bottom);
    }
    await chart.screenshot({ path: 'test-results/screenshots/contract-chart-long-names.png' });
  } finally {
    await shell.stop();
  }
});

test('an empty list of agencies says “No agencies yet.”, not “agencys”', async ({ page }) => {
  const shell = await openPrepared(page);
  try {
    await page.getByRole('link', { name: /Open the conference of 02\/03\/2025/ }).click();
    await page.getByRole('navigation', { name: 'Conference sections' }).getByRole('button', { name: /Agency contributions/ }).click();
    await expect(page.getByText('No agencies yet.', { exact: true })).toBeVisible();
    await expect(page.getByText(/agencys/)).toHaveCount(0);
    await screenshot(page, 'contract-no-agencies-yet');
  } finally {
    await shell.stop();
  }
});
