import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

/** The WCAG levels UK public-sector services must meet (2.2 AA). */
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa'];

/**
 * Runs axe on the page as a chair sees it and fails with the rule ids and the offending
 * selectors, so a report says what to fix.
 *
 * axe measures geometry (target size, overlap). Long guided sections let the browser skip
 * rendering blocks far off screen (content-visibility: auto, kept for typing speed); those have
 * placeholder sizes until scrolled near, which axe reads as targets overlapping. So the blocks
 * are laid out in full, at the top of the page, for the check, and put back afterwards.
 */
export async function expectNoSeriousViolations(page: Page, screen: string): Promise<void> {
  await page.evaluate(() => {
    for (const block of document.querySelectorAll<HTMLElement>('.g-main .g-child, .g-main .g-item')) block.style.contentVisibility = 'visible';
    window.scrollTo(0, 0);
  });
  const results = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  await page.evaluate(() => {
    for (const block of document.querySelectorAll<HTMLElement>('.g-main .g-child, .g-main .g-item')) block.style.contentVisibility = '';
  });
  const serious = results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
  expect(serious, `axe on the ${screen} screen`).toEqual([]);
}
