/**
 * A counter morning with the keyboard only — no mouse click at all (the page counts them) — in Chromium
 * against `gasdesk serve --demo`: 王芳 logs in, opens her shift (F8), puts a blank card in the reader from the
 * training panel (F9, Tab, Enter), issues it from the first customer's file (F3, Tab to 发卡), reads it (F5),
 * sells gas to its owner (F2) and the receipt prints by itself (the paper shows the name and the 大写); Esc
 * serves the next customer, who has no card yet: 发卡 takes the focus on the sale screen, another blank card
 * goes in, Enter issues it, and the second sale prints too. Then every main screen is reached by keyboard and
 * checked with axe (no serious or critical violation, colour contrast included).
 * Runtime: Node (drives the browser).
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toChineseCapitals } from '../../core/capitals';
import { seriousProblems } from './support/axe';
import { activeId, focusedText, focusIs, tabTo, text, visible } from './support/counter';
import { launchChromium, newPage, type Served, serveDemo } from './support/serve';

/** Two residential demo households, active, inspection normal, without a gas card. */
const FIRST = { account: '010101000001', name: '侯珍洋' };
const SECOND = { account: '010101000002', name: '周浩涵' };

describe('a counter morning by keyboard', () => {
  let served: Served | undefined;
  let browser: Browser | undefined;
  let page: Page;
  const problems: string[] = [];

  beforeAll(async () => {
    served = await serveDemo();
    browser = await launchChromium();
    page = await newPage(browser);
    // Counts real mouse presses in the page: the morning must need none.
    await page.addInitScript({
      content:
        'window.mouseClicks = 0; window.addEventListener("mousedown", (e) => { if (e.isTrusted) window.mouseClicks++; }, true);',
    });
  });

  afterAll(async () => {
    await browser?.close();
    await served?.stop();
  });

  const key = (k: string) => page.keyboard.press(k);
  const type = (s: string) => page.keyboard.type(s);
  const panel = () => page.getByRole('complementary', { name: '培训面板' });
  const lastEvent = () => text(page.getByTestId('training-last-event'));
  const axe = async (where: string) => {
    problems.push(...(await seriousProblems(page, where)));
  };

  /** The training panel by keyboard: F9, Tab to a button, Enter, and Esc gives the focus back. */
  async function inTrainingPanel(steps: { button: string; event: string }[]) {
    await key('F9');
    await visible(panel());
    await focusIs(page, '关闭（Esc）');
    for (const step of steps) {
      await tabTo(page, step.button);
      await key('Enter');
      await expect.poll(lastEvent).toContain(step.event);
    }
    await key('Escape');
    await panel().waitFor({ state: 'detached' });
  }

  /** The left menu by keyboard: Shift+Tab until it has the focus, then ↓ to the entry and Enter. */
  async function menuTo(name: string) {
    for (
      let i = 0;
      i < 40 && (await page.evaluate('document.activeElement?.getAttribute("role")')) !== 'menu';
      i++
    )
      await key('Shift+Tab');
    for (let i = 0; i < 12 && (await focusedText(page)) !== name; i++) {
      await key('ArrowDown');
      await page.waitForTimeout(100); // the menu moves its focus in the next frame
    }
    expect(await focusedText(page)).toBe(name);
    await key('Enter');
  }

  /** On the sale screen with the customer's card ready: volume, Enter, cash, Enter; the receipt prints. */
  async function sell(customer: typeof FIRST, volume: string, due: string, fen: number, cash: string) {
    await expect.poll(() => activeId(page)).toBe('sale_figure');
    await visible(page.getByTestId('sale-card-line').and(page.locator('[data-state="ready"]')));
    await type(volume);
    await visible(page.getByTestId('amount-due').filter({ hasText: due }));
    await page.locator('.quote-stale').waitFor({ state: 'detached' });
    await key('Enter');
    expect(await activeId(page)).toBe('sale_tenders_0_received');
    await type(cash);
    await key('Enter');
    await visible(page.getByText('收款成功，谢谢！'));
    expect(await text(page.getByTestId('sale-status'))).toBe('写卡成功');
    // Printed by itself: the paper is what the printer printed.
    await visible(page.getByTestId('print-status').filter({ hasText: '打印成功' }));
    const paper = await text(page.getByTestId('receipt-paper'));
    expect(paper).toContain(customer.name);
    expect(paper).toContain(customer.account);
    expect(paper).toContain(toChineseCapitals(fen));
    expect(await text(page.getByTestId('result-paid'))).toContain(toChineseCapitals(fen));
    await focusIs(page, '下一位用户（Enter）');
  }

  it('serves two customers and every screen passes axe', async () => {
    await page.goto(served!.url);
    await visible(page.getByLabel('登录名', { exact: true }));
    await axe('login');
    expect(await activeId(page)).toBe('username');
    await type('wangfang');
    await key('Enter');
    await type('demo1234');
    await key('Enter');
    await visible(page.getByLabel('查询内容'));
    await expect.poll(() => text(page.getByTestId('printer-status'))).toBe('打印机：正常');

    // F8: the shift opens with a 500 元 float.
    await key('F8');
    await visible(page.getByLabel('备用金（元）', { exact: true }));
    await expect.poll(() => activeId(page)).toBe('float');
    await type('500');
    await key('Enter');
    await visible(page.getByLabel('实点现金（元）', { exact: true }));

    // The first customer brings a new account's blank card: into the reader (F9), then 发卡 on the file.
    await inTrainingPanel([{ button: '插入读卡器', event: '卡 C001 已插入读卡器' }]);
    await key('F3');
    await expect.poll(() => activeId(page)).toBe('search-query');
    await type(FIRST.account);
    await key('Enter');
    await visible(page.getByRole('cell', { name: FIRST.name }));
    await key('ArrowDown');
    await key('Enter');
    await visible(page.getByRole('heading', { name: FIRST.name }));
    await focusIs(page, '购气（F2）');
    await tabTo(page, '发卡');
    await key('Enter');
    await visible(page.getByRole('dialog').getByText('读卡器中是空白卡，可以发卡。'));
    await focusIs(page, '发卡');
    await key('Enter');
    await visible(page.getByTestId('card-notice').filter({ hasText: '已发卡' }));
    await axe('customer file');

    // F5 reads the card: whose it is; F2 sells to its owner.
    await key('F5');
    expect(await text(page.getByTestId('card-owner'))).toBe(FIRST.name);
    expect(await text(page.getByTestId('card-count'))).toBe('0');
    await axe('read card');
    await key('F2');
    await visible(page.getByText(FIRST.name, { exact: true }));
    await sell(FIRST, '10', '￥27.50', 2750, '50');
    await visible(page.getByTestId('result-change').filter({ hasText: '￥22.50' }));
    await axe('sale result with the receipt');

    // Esc: the next customer, who has no card — 发卡 takes the focus; another blank card goes in.
    await key('Escape');
    await expect.poll(() => activeId(page)).toBe('sale-customer');
    await type(SECOND.account);
    await key('Enter');
    await visible(page.getByText(SECOND.name, { exact: true }));
    await visible(page.getByTestId('sale-card-line').and(page.locator('[data-state="noActiveCard"]')));
    await focusIs(page, '发卡（Enter）');
    await inTrainingPanel([{ button: '插入读卡器', event: '卡 C002 已插入读卡器' }]);
    await focusIs(page, '发卡（Enter）');
    await key('Enter');
    await visible(page.getByRole('dialog').getByText('读卡器中是空白卡，可以发卡。'));
    await focusIs(page, '发卡');
    await key('Enter');
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    // F5 reads the card again where it is (the sale screen's card line).
    await key('F5');
    await visible(page.getByTestId('sale-card-line').filter({ hasText: '卡已就绪' }));
    await sell(SECOND, '20', '￥55.00', 5500, '60');
    await key('Escape');
    await expect.poll(() => activeId(page)).toBe('sale-customer');
    await axe('sale');

    // Every other main screen, by keyboard.
    await key('F6');
    await visible(page.getByLabel('用户（可不选）'));
    await axe('fees');
    await key('F5');
    await visible(page.getByTestId('card-owner'));
    await axe('read card (second)');
    await key('F8');
    await visible(page.getByTestId('shift-expected').filter({ hasText: '￥582.50' }));
    await axe('shift');
    await key('F3');
    await type(SECOND.account);
    await key('Enter');
    await visible(page.getByRole('cell', { name: SECOND.name }));
    await axe('search');
    await key('ArrowDown');
    await key('Enter');
    await visible(page.getByRole('heading', { name: SECOND.name }));

    // 预览/补打 of the second sale: a reprint, marked 重打 by the server.
    await tabTo(page, '预览/补打');
    await key('Enter');
    const preview = await visible(page.getByRole('dialog', { name: /收据预览/ }));
    await visible(preview.getByTestId('receipt-paper').filter({ hasText: SECOND.name }));
    await focusIs(page, '补打（Ctrl+P）');
    await axe('print preview');
    await key('Enter');
    await visible(preview.getByTestId('print-status').filter({ hasText: '重打 第 1 次' }));
    expect(await text(preview.getByTestId('receipt-paper'))).toContain('重打 第1次');
    await key('Escape');
    await preview.waitFor({ state: 'detached' });

    await key('F9');
    await visible(panel());
    await axe('training panel');
    await key('Escape');
    await panel().waitFor({ state: 'detached' });

    // 日报 from the menu, by keyboard: Shift+Tab to the menu, ↓ to the entry, Enter.
    await menuTo('日报');
    await visible(page.getByTestId('day-status'));
    await axe('day report');

    // 关于, then the lock screen and back.
    await tabTo(page, '关于', { back: true, max: 80 });
    await key('Enter');
    await visible(page.getByTestId('about-version'));
    await axe('about');
    await key('Escape');
    await page.getByTestId('about-version').waitFor({ state: 'detached' });
    await tabTo(page, '锁屏');
    await key('Enter');
    await visible(page.getByText('屏幕已锁定'));
    await axe('lock');
    await type('demo1234');
    await key('Enter');
    await page.getByText('屏幕已锁定').waitFor({ state: 'detached' });

    expect(await page.evaluate('window.mouseClicks')).toBe(0);
    expect(problems).toEqual([]);
  });
});
