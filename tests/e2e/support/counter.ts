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

/**
 * Waits until no dialog is showing, closing ones included: a dialog takes Esc and the function keys for itself
 * until it is gone (renderer/shell/shortcuts.ts), and one closing behind another can outlast it by a moment.
 */
export async function noDialog(page: Page): Promise<void> {
  // A function, not a string: the page's CSP refuses a string's eval (script-src 'self').
  await page.waitForFunction(() => {
    // biome-ignore lint/suspicious/noExplicitAny: the page's document (the tests have no DOM types).
    const wraps: any[] = Array.from((globalThis as any).document.querySelectorAll('.ant-modal-wrap'));
    return !wraps.some((el) => el.getClientRects().length > 0);
  });
}

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

/**
 * F3, search for `query`, wait for this search's own answer (the previous search's rows may still show, and
 * choosing among them opens nothing), then choose the first row and wait for `name`'s file to open.
 */
export async function openCustomerFile(page: Page, query: string, name: string, timeout = 15_000) {
  await page.keyboard.press('F3');
  const search = await visible(page.getByLabel('查询内容'), timeout);
  await search.fill(query);
  const answered = page.waitForResponse((r) => r.url().includes('customers.search'), { timeout });
  await search.press('Enter');
  await answered;
  await visible(page.getByRole('cell', { name }), timeout);
  await search.press('ArrowDown');
  await search.press('Enter');
  await visible(page.getByRole('heading', { name }), timeout);
}

/**
 * Calls a counter operation from the page as its UI does (the signed-in session, a fresh requestId): its result,
 * or an Error naming the operation and the error the API answered.
 */
// biome-ignore lint/suspicious/noExplicitAny: an operation's JSON answer, checked by the test's assertions.
export const callOp = (page: Page, op: string, input: unknown): Promise<any> =>
  page.evaluate(`(async () => {
    const r = await fetch('./api/${op}', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer ' + sessionStorage.getItem('gasdesk.token'),
        'x-gasdesk-session': sessionStorage.getItem('gasdesk.session') ?? '' },
      body: JSON.stringify({ ...${JSON.stringify(input)}, requestId: crypto.randomUUID() }),
    });
    const j = await r.json();
    if (!j.ok) throw new Error('${op}: ' + JSON.stringify(j.error));
    return j.result;
  })()`);
