/**
 * Nothing the operator typed is changed without a word, and every refusal says why at its field, in Chinese,
 * with the allowed range (issue 19): in Chromium against `gasdesk serve --demo`, 王芳 types a float too large
 * for the drawer, a fee quantity of 1000 and of −1, a purchase of 99999999 m³ — each refused at the field
 * with its range, Enter staying there — sees the fee items by their Chinese names only, and presses Enter in
 * the 交班 confirmation with a shortage: the shift stays open. 刘强 then types an impossible date into the
 * 日报 (the figures clear, saying why) and tries the 日结 with her shift open: the names the server sent show.
 * No validator jargon reaches the 调价 form or the 退款 dialog. Runtime: Node (drives the browser).
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { activeId, focusedText, noDialog, openCustomerFile, text, visible } from './support/counter';
import { launchChromium, newPage, type Served, serveDemo } from './support/serve';

const ACCOUNT = '010101000001';
const NAME = '侯珍洋';
/** zod's own words and English: none may reach the screen. */
const JARGON = /无效输入|期望|实际接收|undefined|string|number|Invalid|expected/;

describe('honest input: refused at the field, never changed silently', () => {
  let served: Served | undefined;
  let browser: Browser | undefined;
  let page: Page;

  beforeAll(async () => {
    served = await serveDemo();
    browser = await launchChromium();
    page = await newPage(browser);
  });

  // On failure, what the screen showed (out/ is not kept).
  afterEach(async (ctx) => {
    if (ctx.task.result?.state === 'fail')
      await page.screenshot({ path: `out/failed-${ctx.task.name.slice(0, 20)}.png` }).catch(() => {});
  });

  afterAll(async () => {
    await browser?.close();
    await served?.stop();
  });

  const label = (name: string) => page.getByLabel(name, { exact: true });
  const errors = () => page.locator('.ant-form-item-explain-error').allInnerTexts();
  const focusedLabel = () =>
    page.evaluate<string>('document.activeElement?.getAttribute("aria-label") ?? ""');

  async function login(user: string) {
    const username = await visible(label('登录名'));
    await username.fill(user);
    await username.press('Enter');
    await page.keyboard.type('demo1234');
    await page.keyboard.press('Enter');
    await visible(page.getByLabel('查询内容'));
  }

  it('refuses out-of-range figures at the field, and Enter in the 交班 confirmation goes back', async () => {
    await page.goto(served!.url);
    await login('wangfang');

    // 开班 with a float larger than any amount: the field says the largest, nothing is opened.
    await page.keyboard.press('F8');
    const float = await visible(label('备用金（元）'));
    await expect.poll(() => activeId(page)).toBe('float');
    await page.keyboard.type('99999999999');
    await visible(page.getByText('备用金最多 ￥10,000,000.00'));
    await page.keyboard.press('Enter');
    expect(await errors()).not.toContain('请填写备用金');
    expect(await activeId(page)).toBe('float');
    await float.fill('500');
    await page.keyboard.press('Enter');
    await visible(label('实点现金（元）'));

    // 现金存入 asks first, stating amount and reason; Enter there goes back and records nothing (the
    // expected cash stays ￥500.00, checked at the 交班 below).
    await page.getByRole('button', { name: '现金存入' }).click();
    const movement = await visible(page.getByRole('dialog', { name: '现金存入' }));
    await movement.getByLabel('金额（元）', { exact: true }).fill('50');
    await movement.getByLabel('原因', { exact: true }).fill('补充零钱');
    await movement.getByRole('button', { name: '现金存入' }).click();
    expect(await text(page.getByTestId('movement-confirm'))).toContain('现金存入 ￥50.00，原因：补充零钱');
    await expect.poll(() => focusedText(page)).toBe('返回修改（Esc）');
    await page.keyboard.press('Enter');
    await page.getByTestId('movement-confirm').waitFor({ state: 'detached' });
    await page.keyboard.press('Escape');
    await movement.waitFor({ state: 'detached' });

    // 收费项目: the Chinese names only; 1000 stays 1000 and is refused with the range, as is −1.
    await page.keyboard.press('F6');
    await expect.poll(() => activeId(page)).toBe('fee-customer');
    await page.keyboard.press('Enter');
    const lines = await visible(page.getByTestId('fee-lines'));
    expect(await text(lines)).not.toMatch(/[A-Z]{2,}_|METER|CARD|[A-Z]{4,}/);
    const qty = label('换表 数量');
    await qty.fill('1000');
    expect(await qty.inputValue()).toBe('1000');
    await visible(lines.getByText('数量为 0 到 100 的整数'));
    await qty.press('Enter');
    expect(await focusedText(page)).toBe('');
    expect(await focusedLabel()).toBe('换表 数量');
    await qty.fill('-1');
    expect(await qty.inputValue()).toBe('-1');
    await visible(lines.getByText('数量为 0 到 100 的整数'));
    await page.getByRole('button', { name: '确认收款（Enter）' }).click();
    await expect.poll(focusedLabel).toBe('换表 数量');
    await qty.fill('1');
    await expect.poll(() => lines.getByText('数量为 0 到 100 的整数').count()).toBe(0);
    await page.keyboard.press('Escape');

    // 购气 of 99999999 m³: the field gives the range, no quote is asked for, Enter stays in the field.
    await openCustomerFile(page, ACCOUNT, NAME);
    await noDialog(page);
    await page.keyboard.press('F2');
    const figure = await visible(label('购气量（m³）'));
    await figure.click();
    await page.keyboard.type('99999999');
    await visible(page.getByText('购气量最多 1,000,000 m³'));
    await page.keyboard.press('Enter');
    await page.waitForTimeout(300);
    await expect.poll(() => activeId(page)).toBe('sale_figure');
    expect(await figure.getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByText('收款成功，谢谢！').count()).toBe(0);
    await page.keyboard.press('Escape');

    // 交班 five yuan short (within the tolerance): the confirmation states the figures, with the focus on
    // 取消 — Enter out of habit goes back and the shift stays open.
    await page.keyboard.press('F8');
    const counted = await visible(label('实点现金（元）'));
    await counted.fill('495');
    await visible(page.getByTestId('close-difference').filter({ hasText: '-￥5.00' }));
    await label('差异说明').fill('少了五元');
    await page.getByRole('button', { name: '确认交班' }).click();
    const ask = await visible(page.locator('.ant-modal-confirm', { hasText: '确认交班吗？' }));
    expect(await text(ask)).toContain('实点 ￥495.00，应有 ￥500.00');
    expect(await text(page.getByTestId('close-confirm-difference'))).toBe('短款 ￥5.00');
    await expect.poll(() => focusedText(page)).toBe('取消');
    await page.keyboard.press('Enter');
    await ask.waitFor({ state: 'detached' });
    await visible(label('实点现金（元）'));
    await visible(page.getByTestId('shift-report').getByText('未交班'));
    expect(await page.getByRole('button', { name: '打印交班报表' }).count()).toBe(0);

    // A Tab pressed while the confirmation is still opening stays on the OK button once it has opened (the
    // focus put on 取消 at the end of the opening took it back: a quick Tab, Enter went back instead).
    await page.getByRole('button', { name: '确认交班' }).click();
    const again = await visible(page.locator('.ant-modal-confirm', { hasText: '确认交班吗？' }));
    await page.keyboard.press('Tab');
    const okText = await text(again.locator('.counter-confirm-ok'));
    await expect
      .poll(() => page.evaluate<string>(`document.querySelector('.ant-modal-confirm')?.className ?? ''`))
      .not.toMatch(/appear|enter/);
    await page.evaluate('new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))');
    expect(await focusedText(page)).toBe(okText);
    await page.keyboard.press('Escape');
    await again.waitFor({ state: 'detached' });

    await page.getByRole('button', { name: '退出登录' }).click();
    await (await visible(page.getByRole('button', { name: '仍然退出' }))).click();
  });

  it('clears the day report for a date it cannot show, and names the open shifts that block the 日结', async () => {
    await login('liuqiang');
    await page.getByRole('menuitem', { name: '日报' }).click();
    await visible(page.getByTestId('day-status'));
    const date = label('营业日');

    await date.fill('2026-1-5');
    await date.press('Enter');
    expect(await text(page.getByTestId('day-date-error'))).toBe('营业日格式为 年-月-日，如 2026-11-26');
    expect(await page.getByTestId('day-status').count()).toBe(0);
    expect(await page.getByTestId('day-to-deposit').count()).toBe(0);

    await date.fill('2026-02-30');
    await date.press('Enter');
    await expect
      .poll(() => text(page.getByTestId('day-date-error')))
      .toContain('查不到营业日 2026-02-30 的日报');
    expect(await page.getByTestId('day-status').count()).toBe(0);

    // Back to today (the demo's business day) and the 日结 with 王芳's shift still open.
    await page.getByRole('menuitem', { name: '收费' }).click();
    await page.getByRole('menuitem', { name: '日报' }).click();
    await visible(page.getByTestId('day-status'));
    expect(await page.getByTestId('day-date-error').count()).toBe(0);
    await page.getByRole('button', { name: '日结', exact: true }).click();
    const ask = await visible(page.locator('.ant-modal-confirm'));
    expect(await text(page.getByTestId('close-day-figures'))).toMatch(
      /^应缴现金 ￥.+，已缴款 ￥.+，应有未缴 ￥.+。$/,
    );
    await expect.poll(() => focusedText(page)).toBe('取消');
    await ask.getByRole('button', { name: '日结' }).click();
    const blocked = await text(page.getByTestId('day-close-blocked'));
    expect(blocked).toContain('还有未交班的班次');
    expect(blocked).toContain('王芳（营业日 ');
  });

  it('says no validator jargon in the 调价 form and the 退款 dialog (the 冲正 dialog: screenshots.test.ts)', async () => {
    await page.getByRole('button', { name: '退出登录' }).click();
    await login('admin');
    await page.getByRole('menuitem', { name: '气价' }).click();
    await page.getByRole('button', { name: '新建气价版本（调价）' }).click();
    const form = await visible(page.getByRole('dialog'));
    await form
      .getByRole('button', { name: /确定|保存|调价/ })
      .last()
      .click();
    await expect.poll(async () => (await errors()).length).toBeGreaterThan(0);
    for (const e of await errors()) expect(e).not.toMatch(JARGON);
    await page.keyboard.press('Escape');
    await noDialog(page);

    // A fee paid for the household, then its 退款 submitted with nothing filled in.
    await page.keyboard.press('F8');
    await visible(label('备用金（元）'));
    await page.keyboard.type('100');
    await page.keyboard.press('Enter');
    await visible(label('实点现金（元）'));
    await page.keyboard.press('F6');
    const picker = await visible(label('用户（可不选）'));
    await picker.fill(ACCOUNT);
    await picker.press('Enter');
    await visible(page.getByText(NAME, { exact: true }));
    await label('换表 数量').fill('1');
    await page.getByRole('button', { name: '确认收款（Enter）' }).click();
    await visible(page.getByText('收款成功，谢谢！'));
    const receipt = await text(page.getByTestId('receipt-no'));
    await page.keyboard.press('Escape');
    await openCustomerFile(page, ACCOUNT, NAME);
    const sales = await visible(page.getByTestId('customer-sales'));
    await sales.locator('tr', { hasText: receipt }).getByRole('button', { name: '退款' }).click();
    const dialog = await visible(page.getByRole('dialog'));
    await dialog.getByRole('button', { name: /退款/ }).last().click();
    await expect.poll(async () => (await errors()).length).toBeGreaterThan(0);
    for (const e of await errors()) expect(e).not.toMatch(JARGON);
    expect(await errors()).toContain('请填写审批人账号');
  });
});
