/**
 * The cash desk in Chromium against `gasdesk serve --demo`: 王芳 closes her shift 50 元 short — the close
 * states the 短款 and asks for a supervisor (above the 10 元 tolerance), 刘强 types his credentials and the
 * close goes through, naming him; she opens another shift and leaves it; 刘强 closes it for her from the day
 * report (代为交班), closes the day, and records the next morning's bank deposit against it, shown as 补录.
 * Runtime: Node (drives the browser).
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activeId, focusedText, tabTo, text, visible } from './support/counter';
import { launchChromium, newPage, type Served, serveDemo } from './support/serve';

describe('the cash desk in the browser', () => {
  let served: Served | undefined;
  let browser: Browser | undefined;
  let page: Page;

  beforeAll(async () => {
    served = await serveDemo();
    browser = await launchChromium();
    page = await newPage(browser);
  });

  afterAll(async () => {
    await browser?.close();
    await served?.stop();
  });

  const label = (name: string) => page.getByLabel(name, { exact: true });

  async function login(user: string) {
    const username = await visible(label('登录名'));
    await username.fill(user);
    await username.press('Enter');
    await page.keyboard.type('demo1234');
    await page.keyboard.press('Enter');
    await visible(page.getByLabel('查询内容'));
  }

  async function openShift(float: string) {
    await page.keyboard.press('F8');
    await visible(label('备用金（元）'));
    await expect.poll(() => activeId(page)).toBe('float');
    await page.keyboard.type(float);
    await page.keyboard.press('Enter');
    await visible(label('实点现金（元）'));
  }

  it('needs the supervisor for a large shortage, and lets him close a shift left open', async () => {
    await page.goto(served!.url);
    await login('wangfang');
    await openShift('500');
    await label('实点现金（元）').fill('450');
    await visible(page.getByTestId('close-difference').filter({ hasText: '-￥50.00' }));
    // Above the tolerance: the close asks for a supervisor before anything is sent.
    const ask = await visible(page.getByTestId('close-needs-approval'));
    expect(await ask.textContent()).toBe('差额 短款 ￥50.00 超过允许范围 ￥10.00，须班长审批后才能交班。');
    await label('差异说明').fill('少了一张五十元');
    await page.getByRole('button', { name: '确认交班' }).click();
    await visible(page.getByText('请填写审批人账号'));
    await label('审批人账号').fill('liuqiang');
    await label('审批人密码').fill('demo1234');
    await page.getByRole('button', { name: '确认交班' }).click();
    // The confirmation states the difference before the close is confirmed.
    await visible(page.locator('.ant-modal-confirm-title', { hasText: '确认交班吗？' }));
    expect(await text(page.getByTestId('close-confirm-difference'))).toBe('短款 ￥50.00');
    // Enter out of habit goes back: a shortage is never confirmed by Enter alone.
    await expect.poll(() => focusedText(page)).toBe('取消');
    await tabTo(page, '确认交班');
    await page.keyboard.press('Enter');
    const report = await visible(page.getByTestId('shift-report'));
    await visible(report.getByText('差额审批'));
    expect(await report.textContent()).toContain('刘强');

    // Another shift, left open when she goes home.
    await page.getByRole('button', { name: '开新班次' }).click();
    await visible(label('备用金（元）'));
    await page.keyboard.type('200');
    await page.keyboard.press('Enter');
    await visible(label('实点现金（元）'));
    await page.getByRole('button', { name: '退出登录' }).click();
    // With her shift open, logging out asks first (the shell's reminder).
    await (await visible(page.getByRole('button', { name: '仍然退出' }))).click();

    await login('liuqiang');
    await page.getByRole('menuitem', { name: '日报' }).click();
    await visible(page.getByTestId('day-cash-floats').filter({ hasText: '￥700.00' }));
    await page.getByTestId('day-shifts').getByRole('button', { name: '代为交班' }).click();
    const dialog = await visible(page.getByRole('dialog', { name: '代为交班：王芳 的班次' }));
    await visible(dialog.getByTestId('shift-expected').filter({ hasText: '￥200.00' }));
    await dialog.getByLabel('实点现金（元）', { exact: true }).fill('200');
    await dialog.getByRole('button', { name: '确认交班' }).click();
    await visible(page.locator('.ant-modal-confirm-title', { hasText: '确认交班吗？' }));
    expect(await text(page.getByTestId('close-confirm-difference'))).toBe('账实相符');
    await page.locator('.ant-modal-confirm-btns').getByRole('button', { name: '确认交班' }).click();
    await visible(page.getByText('已代 王芳 交班。'));
    await dialog.waitFor({ state: 'hidden' });
    await expect
      .poll(() => page.getByTestId('day-shifts').getByRole('button', { name: '代为交班' }).count())
      .toBe(0);

    // 日结: the floats stay in the drawers; 应缴 is nothing (no sales), and the 50 元 short is stated apart.
    await page.getByRole('button', { name: '日结', exact: true }).click();
    await visible(page.locator('.ant-modal-confirm-content', { hasText: '日结后本营业日不能再办理业务' }));
    await page.locator('.ant-modal-confirm-btns').getByRole('button', { name: '日结' }).click();
    await visible(page.getByTestId('day-status').filter({ hasText: '已日结' }));
    expect(await text(page.getByTestId('day-cash-differences'))).toBe('-￥50.00');
    expect(await text(page.getByTestId('day-to-deposit'))).toContain('￥0.00');

    // A deposit against the closed day is taken, said to be late before and after.
    await page.getByRole('button', { name: '缴款', exact: true }).click();
    const deposit = await visible(page.getByRole('dialog', { name: /^补录缴款（该营业日已日结）/ }));
    await deposit.getByLabel('缴款金额（元）', { exact: true }).fill('1');
    await deposit.getByLabel('银行', { exact: true }).fill('工商银行');
    await deposit.getByLabel('缴款单号', { exact: true }).fill('JK0001');
    await deposit.getByRole('button', { name: '缴款' }).click();
    // The confirmation states the figures, with the focus on going back.
    expect(await text(page.getByTestId('deposit-confirm'))).toContain(
      '缴款 ￥1.00（工商银行，缴款单号 JK0001）',
    );
    await expect.poll(() => focusedText(page)).toBe('返回修改（Esc）');
    await page.locator('.ant-modal-confirm-btns').getByRole('button', { name: '确认' }).click();
    await visible(page.getByText('缴款已登记，谢谢。'));
    const late = await visible(page.getByTestId('deposit-late'));
    expect(await late.textContent()).toMatch(/^补录\d{4}-\d{2}-\d{2} \d{2}:\d{2}(:\d{2})? 登记$/);
    expect(await text(page.getByTestId('day-cash-deposited'))).toBe('￥1.00（其中补录 ￥1.00）');
  });
});
