/**
 * Screenshots of every counter screen at 1366×768, for the operator guide (docs/screenshots/<name>.png), in
 * Chromium against `gasdesk serve --demo`: the administrator goes through a day — search, 开户, a file with
 * its card, the training panel, 读卡, a sale across the 400 m³ tier boundary and its printed receipt, fees,
 * 预览/补打, 交班 and its report, the day report, settings, 关于, 冲正, the administrator's pages, the lock
 * screen; then the clerk's, the cashier's and the supervisor's start pages and screens (the clerk's 服务台 with each
 * of its tabs). Each screen is checked
 * with axe (no serious or critical violation, colour contrast included) and, at 1366×768 and at 1920×1080, for
 * text the operator cannot read whole (support/overflow.ts: ellipsis, clipped or sideways-scrolling boxes, cut
 * placeholders, numbers broken across lines). Runtime: Node (drives the browser).
 */
import { mkdirSync, statSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousProblems } from './support/axe';
import { aboveTheFold, cutText } from './support/overflow';
import { activeId, focusIs, noDialog, openCustomerFile, text, visible } from './support/counter';
import { launchChromium, newPage, type Served, serveDemo } from './support/serve';

/**
 * Where the images go: out/screenshots/ on every test run (so the tests never dirty the tree), and
 * docs/screenshots/ when refreshed on purpose with `npm run screenshots`.
 */
const OUT = fileURLToPath(
  new URL(`../../${process.env.GASDESK_SCREENSHOTS_DIR ?? 'out/screenshots'}/`, import.meta.url),
);
mkdirSync(OUT, { recursive: true });
const WIDE = fileURLToPath(new URL('../../out/screenshots-other-sizes/', import.meta.url));
const OTHER_SIZES: [number, number, string][] = [
  [1920, 1080, '1920'],
  [1093, 614, '1366-125%'],
];
mkdirSync(WIDE, { recursive: true });
const ACCOUNT = '010101000001';
const NAME = '侯珍洋';

describe('screenshots of the counter', () => {
  let served: Served | undefined;
  let browser: Browser | undefined;
  let page: Page;
  const written: string[] = [];
  const problems: string[] = [];
  /** Text the operator cannot read whole (support/overflow.ts). */
  const cut: string[] = [];

  beforeAll(async () => {
    await mkdir(OUT, { recursive: true });
    served = await serveDemo();
    browser = await launchChromium();
    page = await newPage(browser);
  });

  afterAll(async () => {
    await browser?.close();
    await served?.stop();
  });

  /** Lets the screen settle (animations, spinners), checks it with axe and saves it. */
  async function shot(name: string) {
    await page.waitForTimeout(400);
    await page.mouse.move(0, 0);
    problems.push(...(await seriousProblems(page, name)));
    cut.push(...(await cutText(page, name)));
    await page.screenshot({ path: `${OUT}${name}.png` });
    written.push(name);
    // The same screen on a 1920×1080 monitor, and on 1366×768 at 125 % scaling (1093×614 CSS pixels):
    // checked too (their pictures stay in out/, not in the guide).
    for (const [w, h, tag] of OTHER_SIZES) {
      await page.setViewportSize({ width: w, height: h });
      await page.waitForTimeout(200);
      cut.push(...(await cutText(page, `${name}@${tag}`)));
      await page.screenshot({ path: `${WIDE}${name}@${tag}.png` });
    }
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.waitForTimeout(100);
  }

  const field = (label: string) => page.getByLabel(label, { exact: true });
  const panel = () => page.getByRole('complementary', { name: '培训面板' });
  const menu = (name: string) => page.getByRole('menuitem', { name }).click();

  it('takes a picture of each screen', async () => {
    await page.goto(served!.url);
    // Pictures without the passing notices ("已开班…"), which would cover the header.
    await page.addStyleTag({ content: '.ant-message { display: none !important; }' });
    await visible(field('登录名'));
    await shot('login');
    await field('登录名').fill('admin');
    await field('登录名').press('Enter');
    await page.keyboard.type('demo1234');
    await page.keyboard.press('Enter');

    // 查询: two characters of an address find the households there.
    const search = await visible(page.getByLabel('查询内容'));
    await search.fill('牛山');
    await search.press('Enter');
    await visible(page.getByText('共找到', { exact: false }));
    await search.press('ArrowDown');
    await shot('search');

    // 开户 (F4), partly filled.
    await page.keyboard.press('F4');
    await visible(page.getByRole('heading', { name: '开户' }));
    await field('用户名称').fill('欧阳明');
    await field('联系电话').fill('13800138000');
    await field('家庭人口').fill('3');
    await field('区县/街道').fill('牛山街道');
    await field('小区').fill('翠湖观邸');
    await shot('open-account');

    // The household's file: a blank card from the training panel becomes its card.
    await openCustomerFile(page, ACCOUNT, NAME);
    await page.keyboard.press('F9');
    const card = (await visible(panel())).getByTestId('training-card-C001');
    await card.getByRole('button', { name: '插入读卡器' }).click();
    await visible(page.getByTestId('training-last-event').filter({ hasText: 'C001 已插入读卡器' }));
    await shot('training-panel');
    await panel().getByRole('button', { name: '关闭（Esc）' }).press('Escape');
    const cards = await visible(page.getByTestId('customer-cards'));
    await cards.getByRole('button', { name: '发卡' }).click();
    await visible(page.getByRole('dialog').getByText('读卡器中是空白卡，可以发卡。'));
    await page.keyboard.press('Enter');
    await visible(cards.getByTestId('card-notice').filter({ hasText: '已发卡' }));
    await cards.evaluate((el) => el.scrollIntoView({ block: 'center' }));
    await shot('customer-detail');

    // 读卡 (F5): whose card, how much gas on it, the meter's write-back.
    await page.keyboard.press('F5');
    await visible(page.getByTestId('card-owner').filter({ hasText: NAME }));
    await shot('read-card');

    // 购气 (F2) for the card's owner: 开班 first, then 450 m³ — across the 400 m³ tier boundary.
    await page.keyboard.press('F2');
    await visible(field('备用金（元）'));
    await shot('open-shift');
    await page.keyboard.type('500');
    await page.keyboard.press('Enter');
    await expect.poll(() => activeId(page)).toBe('sale_figure');
    await visible(page.getByTestId('sale-card-line').and(page.locator('[data-state="ready"]')));
    await page.keyboard.type('450');
    await visible(page.getByTestId('amount-due').filter({ hasText: '￥1,265.00' }));
    await page.locator('.quote-stale').waitFor({ state: 'detached' });
    expect(await page.getByTestId('quote-slices').locator('tbody tr.ant-table-row').count()).toBe(2);
    await shot('sale-quote');
    await page.keyboard.press('Enter');
    await page.keyboard.type('1300');
    // 找零 and 确认收款 are on the screen as the cash is typed, without scrolling (1366×768).
    await visible(page.getByTestId('change').filter({ hasText: '￥35.00' }));
    expect(await aboveTheFold(page, '[data-testid="change"]'), '找零 above the fold').toBe(true);
    expect(await aboveTheFold(page, '[data-testid="sale-confirm"]'), '确认收款 above the fold').toBe(true);
    await page.keyboard.press('Enter');
    await page.keyboard.type('liuqiang');
    await page.keyboard.press('Enter');
    await page.keyboard.type('demo1234');
    await page.keyboard.press('Enter');
    await visible(page.getByText('收款成功，谢谢！'));
    await visible(page.getByTestId('print-status').filter({ hasText: '打印成功' }));
    expect(await text(page.getByTestId('receipt-paper'))).toContain('壹仟贰佰陆拾伍元整');
    await shot('sale-result');

    // 收费项目 (F6): no customer (Enter in the empty box), one item.
    await page.keyboard.press('Escape');
    await page.keyboard.press('F6');
    await visible(page.getByLabel('用户（可不选）'));
    await expect.poll(() => activeId(page)).toBe('fee-customer');
    await page.keyboard.press('Enter');
    await expect.poll(() => activeId(page)).toMatch(/^fees_qty_/);
    await page.keyboard.type('1');
    await visible(page.getByTestId('fee-total').filter({ hasNotText: '￥0.00' }));
    await shot('fees');

    // 预览/补打 from 业务记录.
    await openCustomerFile(page, ACCOUNT, NAME);
    const sales = await visible(page.getByTestId('customer-sales'));
    await sales.getByRole('button', { name: '预览/补打' }).first().click();
    const preview = await visible(page.getByRole('dialog'));
    await visible(preview.getByTestId('receipt-paper').filter({ hasText: NAME }));
    await shot('print-preview');
    await focusIs(page, '补打（Ctrl+P）');
    await page.keyboard.press('Enter');
    await visible(preview.getByTestId('print-status').filter({ hasText: '重打' }));
    await visible(preview.getByTestId('receipt-paper').filter({ hasText: '重打' }));
    await page.keyboard.press('Escape');
    await preview.waitFor({ state: 'detached' });

    // 交班 (F8): counted cash against expected, then the report with 打印交班报表.
    await page.keyboard.press('F8');
    await visible(field('实点现金（元）'));
    await page.keyboard.type('1765');
    await visible(page.getByTestId('close-difference').filter({ hasText: '账实相符' }));
    await shot('shift-close');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    await visible(page.locator('.ant-modal-confirm-title', { hasText: '确认交班吗？' }));
    await focusIs(page, '取消');
    await page.keyboard.press('Tab');
    await focusIs(page, '确认交班');
    await page.keyboard.press('Enter');
    await visible(page.getByRole('button', { name: '打印交班报表' }));
    await focusIs(page, '打印交班报表');
    await page.keyboard.press('Enter');
    await visible(page.getByTestId('print-status').filter({ hasText: '打印成功' }));
    await shot('shift-report');

    await menu('日报');
    await visible(page.getByTestId('day-status'));
    await shot('day-report');

    await menu('系统设置');
    await visible(page.getByTestId('printer-state').filter({ hasText: '正常' }));
    await page.getByTestId('backup-now').click();
    await visible(page.getByTestId('backups-card').locator('tbody tr.ant-table-row'), 30_000);
    // The new backup's row can show while the button still spins (dimmed: axe would count its contrast).
    await page.locator('[data-testid="backup-now"]:not(.ant-btn-loading)').waitFor({ timeout: 30_000 });
    await shot('settings');

    await page.getByTestId('about').click();
    await visible(page.getByTestId('about-version'));
    await shot('about');
    await page.keyboard.press('Escape');

    // 冲正 of the sale (the dialog, and its refusals with nothing filled in: no validator jargon).
    await page.keyboard.press('Escape');
    await openCustomerFile(page, ACCOUNT, NAME);
    const records = await visible(page.getByTestId('customer-sales'));
    await records.getByRole('button', { name: '冲正' }).first().click();
    const reverse = await visible(page.getByRole('dialog'));
    await reverse.getByRole('button', { name: '冲正' }).last().click();
    await expect.poll(() => reverse.locator('.ant-form-item-explain-error').count()).toBeGreaterThan(0);
    for (const e of await reverse.locator('.ant-form-item-explain-error').allTextContents())
      expect(e).not.toMatch(/无效输入|期望|实际接收|undefined|string/);
    await shot('reverse');
    await page.keyboard.press('Escape');
    await noDialog(page);

    // The administrator's pages.
    await menu('气价');
    await visible(page.getByRole('button', { name: '新建气价版本（调价）' }));
    await shot('prices');
    await page.getByRole('button', { name: '新建气价版本（调价）' }).click();
    await visible(page.getByRole('dialog'));
    await shot('price-version');
    await page.keyboard.press('Escape');
    await noDialog(page);
    await menu('收费项目');
    await visible(page.getByRole('cell', { name: '换表' }));
    await shot('fee-catalogue');
    await menu('发票号段');
    await visible(page.getByRole('heading', { name: '发票号段' }));
    await shot('invoice-ranges');
    await menu('限购');
    await visible(page.getByRole('heading', { name: '限购' }));
    await shot('limits');
    await menu('员工管理');
    await visible(page.getByRole('cell', { name: 'wangfang' }));
    await shot('staff');

    await page.getByRole('button', { name: '锁屏' }).click();
    await visible(page.getByText('屏幕已锁定'));
    await shot('lock');

    for (const name of written) expect(statSync(`${OUT}${name}.png`).size, name).toBeGreaterThan(10_000);
    expect(written.length).toBeGreaterThanOrEqual(12);
    expect(problems).toEqual([]);
    expect(cut).toEqual([]);
  });

  it('takes each role’s start page and screens', async () => {
    // A fresh browser session (the administrator's screen is locked).
    page = await newPage(browser!);
    await page.goto(served!.url);
    await page.addStyleTag({ content: '.ant-message { display: none !important; }' });
    const as = async (user: string) => {
      await visible(field('登录名'));
      await field('登录名').fill(user);
      await field('登录名').press('Enter');
      await page.keyboard.type('demo1234');
      await page.keyboard.press('Enter');
      await visible(page.getByLabel('查询内容'));
    };
    const logout = async () => {
      await page.getByRole('button', { name: '退出登录' }).click();
      const anyway = page.getByRole('button', { name: '仍然退出' });
      await Promise.race([anyway.waitFor().then(() => anyway.click()), field('登录名').waitFor()]);
      await visible(field('登录名'));
    };

    // 客服员: recent customers and a quick search; the file as the clerk sees it.
    await as('zhangli');
    await shot('home-clerk');
    await openCustomerFile(page, ACCOUNT, NAME);
    await shot('customer-file-clerk');
    // 服务台 (F7) and its tabs (Alt+1…Alt+7), each with its first field or list shown.
    await page.keyboard.press('F7');
    await visible(page.getByRole('heading', { name: '服务台' }));
    await shot('service-acceptance');
    const tab = async (key: string, name: string, shotName: string) => {
      await page.keyboard.press(key);
      await visible(page.getByRole('tab', { name, selected: true }));
      await shot(shotName);
    };
    await tab('Alt+2', '投诉跟踪', 'service-complaints');
    await tab('Alt+3', '回访', 'service-followups');
    await tab('Alt+4', '预约', 'service-appointments');
    await tab('Alt+5', '工单', 'service-work-orders');
    await tab('Alt+6', '安检', 'service-inspections');
    await tab('Alt+7', '零散报装', 'service-installations');
    await logout();

    // 收费员: the shift and today's figures; the sale desk waiting for a customer; the cash desk.
    await as('wangfang');
    await shot('home-cashier');
    await page.keyboard.press('F8');
    await visible(field('备用金（元）'));
    await page.keyboard.type('300');
    await page.keyboard.press('Enter');
    await visible(field('实点现金（元）'));
    await shot('cash-desk');
    await page.keyboard.press('F2');
    await visible(page.getByLabel('查找用户', { exact: false }).first());
    await shot('sale-start');
    await menu('日报');
    await visible(page.getByTestId('day-status'));
    await shot('day-report-cashier');
    await logout();

    // 班长: open shifts and what needs a look; the day report with 代为交班 and 日结.
    await as('liuqiang');
    await shot('home-supervisor');
    await menu('日报');
    await visible(page.getByTestId('day-shifts').getByRole('button', { name: '代为交班' }).first());
    await shot('day-report-supervisor');
    await logout();

    expect(problems).toEqual([]);
    expect(cut).toEqual([]);
  });
});
