/**
 * A card with one PSC try left, in Chromium against `gasdesk serve --demo` (issue P3 items 3, 4 and 9):
 * 王芳 sells to a household whose card has one try left — the sale asks before the last try and takes nothing
 * while she declines; confirmed, the gas goes on the card. The next purchase's card is pulled mid-write: the
 * result says why and what next, the paper beside it is the 待写卡 slip; the card, back in the reader with one
 * try left again, is read on F5, which offers 重新写卡 — asking before the last try. A card whose PSC does not
 * match is refused before payment after one try, and tried once more only with 刘强's approval.
 * Runtime: Node (drives the browser).
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCustomerFile, text, visible } from './support/counter';
import { launchChromium, newPage, type Served, serveDemo } from './support/serve';
import { issueCardOnFile, trainingPanel } from './support/training';

const ACCOUNT = '010101000001';
const NAME = '侯珍洋';
const LAST_TRY = '卡密码只剩最后一次机会';

/** A demo counter and a browser page for one describe block, and the steps its tests take there. */
function counter() {
  let served: Served | undefined;
  let browser: Browser | undefined;
  let page!: Page;
  beforeAll(async () => {
    served = await serveDemo();
    browser = await launchChromium();
    page = await newPage(browser);
  });
  afterAll(async () => {
    await browser?.close();
    await served?.stop();
  });

  const activeId = () => page.evaluate<string>('document.activeElement?.id ?? ""');
  const label = (name: string) => page.getByLabel(name, { exact: true });
  const { panel, lastEvent, card, training, insert } = trainingPanel(() => page);
  const lastTryDialog = () => page.locator('.ant-modal-confirm', { hasText: LAST_TRY });

  const fault = async (button: string, said: string) => {
    await card().getByRole('button', { name: button }).click();
    await expect.poll(lastEvent).toContain(said);
  };

  /** On the 购气 screen with the customer chosen: the volume and the cash, then 确认收款 (Enter). */
  async function pay(volume: string, due: string, received: string) {
    await expect.poll(activeId).toBe('sale_figure');
    await visible(page.getByTestId('sale-card-line').and(page.locator('[data-state="ready"]')));
    await page.keyboard.type(volume);
    await visible(page.getByTestId('amount-due').filter({ hasText: due }));
    await page.locator('.quote-stale').waitFor({ state: 'detached' });
    await page.keyboard.press('Enter');
    await page.keyboard.type(received);
    await page.keyboard.press('Enter');
  }

  /** 王芳 logs in, issues the household a card from a blank one, and opens her shift on the 购气 screen. */
  async function household() {
    await page.goto(served!.url);
    const username = await visible(label('登录名'));
    await username.fill('wangfang');
    await username.press('Enter');
    await page.keyboard.type('demo1234');
    await page.keyboard.press('Enter');
    await visible(page.getByLabel('查询内容'));

    // A card for the household, from a blank one.
    await openCustomerFile(page, ACCOUNT, NAME);
    await issueCardOnFile(page);

    // F2, 开班, and the card now has one PSC try left.
    await page.keyboard.press('F2');
    await visible(label('备用金（元）'));
    await page.keyboard.type('500.00');
    await page.keyboard.press('Enter');
    await visible(page.getByText(NAME, { exact: true }));
  }

  return {
    get page() {
      return page;
    },
    activeId,
    label,
    panel,
    lastEvent,
    card,
    lastTryDialog,
    training,
    insert,
    fault,
    pay,
    household,
  };
}

describe('a card with one PSC try left, in the browser', () => {
  const c = counter();

  it('asks before the last try in the sale and in 重新写卡; the slip first, the receipt once written', async () => {
    await c.household();
    await c.training(() => c.fault('密码剩 1 次', '密码剩余 1 次'));

    // The sale asks first; declined, nothing is paid and the clerk is still on the sale.
    await c.pay('10', '￥27.50', '30');
    await visible(c.lastTryDialog());
    await c.lastTryDialog().getByRole('button', { name: '取消' }).click();
    await c.lastTryDialog().waitFor({ state: 'detached' });
    expect(await c.page.getByText('收款成功，谢谢！').count()).toBe(0);
    await visible(c.page.getByTestId('amount-due').filter({ hasText: '￥27.50' }));
    // Confirmed: paid and written, and the receipt says the gas is on the card.
    await c.page.getByRole('button', { name: '确认收款（Enter）' }).click();
    await visible(c.lastTryDialog());
    await c.lastTryDialog().getByRole('button', { name: '确认继续' }).click();
    await visible(c.page.getByText('收款成功，谢谢！'));
    expect(await text(c.page.getByTestId('sale-status'))).toBe('写卡成功');
    await expect.poll(() => text(c.page.getByTestId('receipt-paper'))).toContain('气已写入燃气卡');

    // Home to the meter, back to the counter; this time the card is pulled while it is written.
    await c.training(async () => {
      const box = c.card().getByLabel('C001 插入的表号');
      await expect.poll(() => box.inputValue()).toBe('M000000001');
      await box.press('Enter');
      await expect.poll(c.lastEvent).toContain('已入表 10.00 m³');
      await c.insert();
      await c.fault('写卡时拔卡', '下次写卡时卡被拔出');
    });
    await c.page.keyboard.press('Enter');
    await visible(c.page.getByLabel('查找用户'));
    await c.page.keyboard.type(ACCOUNT);
    await c.page.keyboard.press('Enter');
    await visible(c.page.getByText(NAME, { exact: true }));
    await c.pay('10', '￥27.50', '30');
    await visible(c.page.getByText('收款成功，谢谢！'));
    expect(await text(c.page.getByTestId('sale-status'))).toBe('请重新插卡并读卡');
    const receiptNo = await text(c.page.getByTestId('receipt-no'));
    // The paper beside it is the 待写卡 slip, not the receipt.
    await expect.poll(() => text(c.page.getByTestId('receipt-paper'))).toContain('购气待写卡凭条');

    // The card back in the reader, with one try left again; 读卡确认: not written, why and what next.
    await c.training(async () => {
      await c.insert();
      await c.fault('密码剩 1 次', '密码剩余 1 次');
    });
    await c.page.getByRole('button', { name: '读卡确认' }).click();
    const failed = c.page.getByTestId('card-write-result');
    await expect.poll(() => text(c.page.getByTestId('sale-status'))).toBe('写卡失败');
    const why = await text(failed);
    expect(why).toContain('重新写卡');
    expect(why).not.toMatch(/reader|[A-Z_]{4,}/);

    // F5: the card's customer has a paid purchase not on a card — 重新写卡 from there asks before the last try.
    await c.page.keyboard.press('F5');
    await visible(c.page.getByRole('heading', { name: '读卡' }));
    const unsettled = await visible(c.page.getByTestId('unsettled-sales'));
    const line = unsettled.getByTestId(`unsettled-${receiptNo}`);
    await line.getByRole('button', { name: '重新写卡' }).click();
    await visible(c.lastTryDialog());
    await c.lastTryDialog().getByRole('button', { name: '确认继续' }).click();
    await visible(c.page.getByText('写卡成功，谢谢。'));
    await c.page.getByTestId('unsettled-sales').waitFor({ state: 'detached' });
  });
});

describe('a card whose PSC does not match, in the browser', () => {
  const c = counter();

  it('is refused before payment after one try; another try only with a 班长’s approval, one try each', async () => {
    const tries = async (n: number) => {
      await c.training(() => expect.poll(() => text(c.card())).toContain(`密码剩余 ${n} 次`));
    };
    const sold = (answer: () => Promise<unknown>) =>
      Promise.all([c.page.waitForResponse((r) => r.url().includes('sales.sellGas')), answer()]);
    await c.household();
    await c.training(() => c.fault('密码不符', '密码改为与本系统不符'));
    await c.pay('10', '￥27.50', '30');
    await visible(c.page.locator('.ant-message').getByText(/卡密码校验未通过/));
    expect(await c.page.getByText('收款成功，谢谢！').count()).toBe(0);
    await tries(2);

    // Again: the program does not try the card; a 班长 must approve, on this screen.
    await sold(() => c.page.getByRole('button', { name: '确认收款（Enter）' }).click());
    await visible(c.page.getByText('这张卡上次密码校验未通过：请班长核实后在下方审批', { exact: false }));
    await tries(2);
    await c.label('审批人账号').fill('liuqiang');
    await c.label('审批人密码').fill('demo1234');
    // The approved try is refused too (the card is not ours): nothing paid, exactly one more try spent.
    await sold(() => c.page.getByRole('button', { name: '确认收款（Enter）' }).click());
    expect(await c.page.getByText('收款成功，谢谢！').count()).toBe(0);
    await tries(1);
  });
});
