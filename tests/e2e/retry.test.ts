/**
 * A cut connection, then the cashier tries again: the fee payment reaches the counter, but its answer never
 * reaches the browser (Chromium's network cut after the request was sent); pressing 确认收款 again sends the
 * same requestId, and the counter answers the payment it already took — one payment, one receipt number, and
 * the screen says it was not done twice. Runtime: Node (drives the browser).
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { visible } from './support/counter';
import { launchChromium, newPage, type Served, serveDemo } from './support/serve';

const ACCOUNT = '010101000001';

describe('a cashier retrying after a cut connection', () => {
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
  // biome-ignore lint/suspicious/noExplicitAny: the API's JSON answer, checked by the assertions.
  const feeSales = (): Promise<any> =>
    page.evaluate(`(async () => {
      const r = await fetch('./api/sales.list', {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: 'Bearer ' + sessionStorage.getItem('gasdesk.token'),
          'x-gasdesk-session': sessionStorage.getItem('gasdesk.session') ?? '' },
        body: '{}',
      });
      return (await r.json()).result.items.filter((s) => s.kind === 'fee');
    })()`);

  it('takes the payment once, and the second press shows the first one', async () => {
    await page.goto(served!.url);
    const username = await visible(label('登录名'));
    await username.fill('wangfang');
    await username.press('Enter');
    await page.keyboard.type('demo1234');
    await page.keyboard.press('Enter');
    await visible(page.getByLabel('查询内容'));

    await page.keyboard.press('F6');
    const float = label('备用金（元）');
    await visible(float);
    await float.fill('500');
    await float.press('Enter');
    await visible(label('用户（可不选）'));
    await page.keyboard.type(ACCOUNT);
    await page.keyboard.press('Enter');
    // The customer chosen first (choosing one sets the fee lines afresh), then the quantity.
    await visible(page.getByText('侯珍洋', { exact: true }));
    await label('换表 数量').fill('1');
    await visible(page.getByTestId('fee-total').filter({ hasText: '￥150.00' }));
    await label('实收现金（元）').fill('150');

    // The first request reaches the counter; its answer is lost on the way back.
    const sent: string[] = [];
    await page.route('**/api/sales.payFees', async (route) => {
      sent.push(route.request().postDataJSON().requestId);
      if (sent.length === 1) {
        await route.fetch();
        await route.abort('connectionreset');
      } else await route.continue();
    });
    await label('实收现金（元）').press('Enter');
    await visible(page.getByText('无法连接柜台服务', { exact: false }));
    expect(await feeSales()).toHaveLength(1); // it was taken, though the cashier saw an error

    await label('实收现金（元）').press('Enter');
    await visible(page.getByText('收款成功，谢谢！'));
    await visible(page.getByText('这笔业务刚才已经办理成功', { exact: false }));
    expect(sent).toHaveLength(2);
    expect(sent[1]).toBe(sent[0]);
    const sales = await feeSales();
    expect(sales).toHaveLength(1);
    expect(await page.getByRole('main').textContent()).toContain(sales[0].receiptNo);
  });
});
