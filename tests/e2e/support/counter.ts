/**
 * Small helpers the counter's end-to-end tests share: waiting for what the operator sees, the focused
 * element, and keyboard moves (Tab until a named control has the focus). Runtime: Node (drives the browser).
 */
import type { Locator, Page } from 'playwright-core';

export async function visible(locator: Locator, timeout = 10_000): Promise<Locator> {
  await locator.waitFor({ state: 'visible', timeout });
  return locator;
}

export async function text(locator: Locator): Promise<string> {
  return (await (await visible(locator)).textContent()) ?? '';
}

export const focusedText = (page: Page) =>
  page.evaluate<string>('document.activeElement?.textContent?.trim() ?? ""');
export const activeId = (page: Page) => page.evaluate<string>('document.activeElement?.id ?? ""');

/** Presses Tab (or Shift+Tab) until the focused element's text is `name`; fails after `max` presses. */
export async function tabTo(page: Page, name: string, opts: { back?: boolean; max?: number } = {}) {
  const { back = false, max = 60 } = opts;
  for (let i = 0; i < max; i++) {
    if ((await focusedText(page)) === name) return;
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
  }
  throw new Error(
    `no control named “${name}” within ${max} Tab presses (focus on “${await focusedText(page)}”)`,
  );
}

/** Waits until the focused element's text is `name`. */
export async function focusIs(page: Page, name: string, timeout = 10_000) {
  const until = Date.now() + timeout;
  for (;;) {
    const now = await focusedText(page);
    if (now === name) return;
    if (Date.now() > until) throw new Error(`focus on “${now}”, expected “${name}”`);
    await page.waitForTimeout(50);
  }
}
