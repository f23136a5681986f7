import { expect, type Locator, type Page } from '@playwright/test';

/**
 * Presses Tab (or Shift+Tab) until the target has focus, failing if it is not reached within
 * `limit` presses: proves the control is reachable by keyboard without fixing the exact order.
 */
export async function tabTo(page: Page, target: Locator, { backwards = false, limit = 25 } = {}): Promise<void> {
  for (let presses = 0; presses < limit; presses += 1) {
    if (await target.evaluate((element) => element === document.activeElement)) return;
    await page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab');
  }
  await expect(target, `not reachable with ${limit} presses of ${backwards ? 'Shift+Tab' : 'Tab'}`).toBeFocused();
}

/** The focus indicator is really drawn: the app's yellow ring or highlight, not the browser default. */
export async function expectVisibleFocus(target: Locator): Promise<void> {
  await expect(target).toBeFocused();
  const style = await target.evaluate((element) => {
    const computed = getComputedStyle(element);
    return { outline: `${computed.outlineStyle} ${computed.outlineColor}`, background: computed.backgroundColor, shadow: computed.boxShadow };
  });
  const yellow = 'rgb(255, 221, 0)';
  expect([style.outline, style.background, style.shadow].some((value) => value.includes(yellow))).toBe(true);
}
