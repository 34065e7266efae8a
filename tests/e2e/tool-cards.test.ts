/**
 * 制作工具卡 on the 读卡 screen, in Chromium against `gasdesk serve --demo`: 刘强 (班长) puts a blank card in the
 * training reader, makes a 清零卡 by keyboard (the arrows choose the kind, Enter makes it), sees its number, and
 * 读卡 says the card is a tool card; asking again on the same card is refused in Chinese (not blank), and Esc
 * closes the dialog. 张丽 (客服员) sees no 制作工具卡 button. Runtime: Node (drives the browser).
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousProblems } from './support/axe';
import { callOp, noDialog, text, visible } from './support/counter';
import { launchChromium, newPage, type Served, serveDemo } from './support/serve';
import { trainingPanel } from './support/training';

describe('tool cards at the counter', () => {
  let served: Served | undefined;
  let browser: Browser | undefined;

  beforeAll(async () => {
    served = await serveDemo();
    browser = await launchChromium();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await served?.stop();
  });

  async function login(user: string, name: string): Promise<Page> {
    const page = await newPage(browser!);
    await page.goto(served!.url);
    const username = await visible(page.getByLabel('登录名', { exact: true }));
    await username.fill(user);
    await username.press('Enter');
    await page.keyboard.type('demo1234');
    await page.keyboard.press('Enter');
    await visible(page.locator('header').getByText(name));
    // The training world is known (F9 opens its panel) once the status bar shows it.
    await visible(page.getByTestId('training-badge').filter({ hasText: '培训模式' }));
    await visible(page.getByTestId('reader-status').filter({ hasText: '读卡器：已连接' }));
    return page;
  }

  const activeValue = (page: Page) =>
    page.evaluate<string>('(document.activeElement && document.activeElement.value) || ""');

  it('a 班长 makes a 清零卡 by keyboard and reads it back as a tool card', async () => {
    const page = await login('liuqiang', '刘强');
    const { training, insert } = trainingPanel(() => page);
    await training(insert);

    await page.keyboard.press('F5');
    await visible(page.getByRole('heading', { name: '读卡' }));
    await visible(page.getByTestId('card-state').filter({ hasText: '空白卡' }));

    const make = page.getByRole('button', { name: '制作工具卡' });
    await make.focus();
    await page.keyboard.press('Enter');
    const dialog = await visible(page.getByRole('dialog'));
    await visible(dialog.getByText('读卡器中是空白卡'));
    // The first kind has the focus; → moves to (and chooses) 清零卡, Enter makes it.
    await expect.poll(() => activeValue(page)).toBe('setup');
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => activeValue(page)).toBe('clear');
    expect(await seriousProblems(page, 'dialog')).toEqual([]);
    await page.keyboard.press('Enter');
    await noDialog(page);

    const notice = await text(page.getByTestId('tool-card-notice'));
    const cardNo = /卡号 (\S+?)。/.exec(notice)?.[1];
    expect(notice).toContain('已制作清零卡');
    expect(cardNo).toMatch(/^\d+$/);
    // 读卡 (re-read once the reader changed) says it is this hall's 清零卡, not a user card.
    await visible(
      page
        .getByTestId('card-state')
        .filter({ hasText: `这是本营业厅制作的清零卡（卡号 ${cardNo}），是表具维护用的工具卡` }),
    );
    const read = await callOp(page, 'cards.read', {});
    expect(read.state).toBe('unknown');
    expect(read.message).toContain(`清零卡（卡号 ${cardNo}）`);
    expect(await seriousProblems(page, 'page')).toEqual([]);

    // The same card again: refused in Chinese inside the dialog; Esc cancels.
    await make.focus();
    await page.keyboard.press('Enter');
    await visible(page.getByRole('dialog'));
    await expect.poll(() => activeValue(page)).toBe('setup');
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => activeValue(page)).toBe('clear');
    await page.keyboard.press('Enter');
    const refusal = await text(page.getByTestId('tool-card-refusal'));
    expect(refusal).toContain('读卡器里不是空白卡：工具卡只能用空白卡制作');
    expect(refusal).toContain(`卡号 ${cardNo}`);
    await page.keyboard.press('Escape');
    await noDialog(page);
    await page.context().close();
  }, 120_000);

  it('a 客服员 sees no 制作工具卡 button', async () => {
    const page = await login('zhangli', '张丽');
    await page.keyboard.press('F5');
    await visible(page.getByRole('heading', { name: '读卡' }));
    await visible(page.getByRole('button', { name: '读卡（F5）' }));
    expect(await page.getByRole('button', { name: '制作工具卡' }).count()).toBe(0);
    await page.context().close();
  }, 60_000);
});
