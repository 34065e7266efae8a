/**
 * The gas card's whole cycle end to end, in Chromium against `gasdesk serve --demo` (the training world is
 * the reader, the blank cards and the meters), by keyboard wherever a counter would: 刘强 opens an account,
 * takes the 发卡并购气 offer with a blank card, sells the 10 m³ opening gas (written to the card), carries the
 * card home (the meter shows 10 m³), uses 8 m³, inserts the card again (the meter writes its readings back),
 * reads it at the counter (2 m³ left, 8 m³ used),
 * buys 30 m³, loads it once (32 m³; a second insertion loads nothing), is refused the reversal of the loaded
 * purchase, reports the card lost and replaces it from a new blank card. Runtime: Node (drives the browser).
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { residentIdCheckChar } from '../../core/validation/resident-id';
import { type ApiLog, recordApi } from './support/api-log';
import { accessibilityProblems } from './support/axe';
import { tabTo, text, visible } from './support/counter';
import { launchChromium, newPage, type Served, serveDemo } from './support/serve';

const FIRST17 = '32070319850512301';
const ID = FIRST17 + residentIdCheckChar(FIRST17);
const NAME = '欧阳燃';
const ACCOUNT = '880002000001';
const METER = 'E2EC00001';

describe('gas cards in the browser', () => {
  let served: Served | undefined;
  let browser: Browser | undefined;
  let page: Page;
  let apiLog: ApiLog;

  beforeAll(async () => {
    served = await serveDemo();
    browser = await launchChromium();
    page = await newPage(browser);
    apiLog = recordApi(page);
  });

  afterAll(async () => {
    await browser?.close();
    await served?.stop();
  });

  const field = (name: string) => page.getByLabel(name, { exact: true });
  const focusedText = () => page.evaluate<string>('document.activeElement?.textContent ?? ""');
  const activeId = () => page.evaluate<string>('document.activeElement?.id ?? ""');
  const panel = () => page.getByRole('complementary', { name: '培训面板' });
  const lastEvent = () => text(page.getByTestId('training-last-event'));
  const cardRow = (id: string) => panel().getByTestId(`training-card-${id}`);
  const meterRow = () => panel().getByTestId(`training-meter-${METER}`);

  async function openPanel() {
    await page.keyboard.press('F9');
    await visible(panel());
  }

  async function closePanel() {
    await panel().getByRole('button', { name: '关闭（Esc）' }).press('Escape');
    await panel().waitFor({ state: 'detached' });
  }

  /** 带回家插表 by keyboard: Enter in the card's meter box (its default is the customer's meter). */
  async function carryHome(cardId: string) {
    const box = cardRow(cardId).getByLabel(`${cardId} 插入的表号`);
    await expect.poll(() => box.inputValue()).toBe(METER);
    await box.press('Enter');
  }

  /** Sells on the 购气 screen (customer chosen, card ready): the volume, cash, Enter; the card is written. */
  async function sell(volume: string, due: string, received: string) {
    await expect.poll(activeId).toBe('sale_figure');
    await visible(page.getByTestId('sale-card-line').and(page.locator('[data-state="ready"]')));
    await page.keyboard.type(volume);
    await visible(page.getByTestId('amount-due').filter({ hasText: due }));
    await page.locator('.quote-stale').waitFor({ state: 'detached' });
    const slices = await page.getByTestId('quote-slices').locator('tbody tr.ant-table-row').count();
    await page.keyboard.press('Enter');
    await page.keyboard.type(received);
    await page.keyboard.press('Enter');
    await visible(page.getByText('收款成功，谢谢！'));
    expect(await text(page.getByTestId('sale-status'))).toBe('写卡成功');
    expect(await text(page.getByTestId('card-write-result'))).toContain('购气已写入用户的燃气卡');
    return { receipt: await text(page.getByTestId('receipt-no')), slices };
  }

  it('issues, sells, loads, reads, refuses a loaded reversal, reports lost and replaces', async () => {
    await page.goto(served!.url);
    await visible(field('登录名'));
    await field('登录名').fill('liuqiang');
    await field('登录名').press('Enter');
    await page.keyboard.type('demo1234');
    await page.keyboard.press('Enter');
    await visible(page.getByLabel('查询内容'));
    expect(await text(page.getByTestId('reader-status'))).toBe('读卡器：已连接');
    expect(await text(page.getByTestId('training-badge'))).toBe('培训模式');

    // 开户 (F4) of a one-person household with its meter.
    await page.keyboard.press('F4');
    await visible(page.getByRole('heading', { name: '开户' }));
    await field('用户名称').fill(NAME);
    await field('身份证号').fill(ID);
    await field('联系电话').fill('13800138000');
    await field('家庭人口').fill('1');
    await field('区县/街道').fill('牛山街道');
    await field('小区').fill('燃卡花园');
    await field('楼栋').fill('1栋');
    await field('房号').fill('101');
    await field('合同编号').fill('HT-CARD-0001');
    await field('用户编号').fill(ACCOUNT);
    await field('初装费发票号').fill('FP-CARD-0001');
    await field('已核对《燃气用户登记表》').check();
    await page.getByRole('button', { name: '添加表具' }).click();
    await field('表号').fill(METER);
    await field('表厂').fill('金卡智能');
    await field('型号').fill('JK-IC-G2.5');
    await field('型号').press('Control+Enter');
    await visible(page.getByRole('heading', { name: NAME }));

    // The offer has the focus; a blank card goes into the reader first (training panel, F9), then Enter.
    const offer = await visible(page.getByTestId('open-card-offer'));
    await visible(offer.getByRole('button', { name: '发卡并购气' }));
    await expect.poll(focusedText).toBe('发卡并购气');
    await openPanel();
    expect(await text(cardRow('C001'))).toContain('空白卡');
    await cardRow('C001').getByRole('button', { name: '插入读卡器' }).click();
    await expect.poll(lastEvent).toContain('卡 C001 已插入读卡器');
    expect(await accessibilityProblems(page)).toEqual([]);
    await closePanel();
    await expect.poll(focusedText).toBe('发卡并购气');
    await page.keyboard.press('Enter');
    const issue = await visible(page.getByRole('dialog'));
    await visible(issue.getByText('读卡器中是空白卡，可以发卡。'));
    await expect
      .poll(() => page.evaluate<string>('document.activeElement?.closest(".ant-modal")?.textContent ?? ""'))
      .toContain('发卡：');
    await expect.poll(focusedText).toBe('发卡并购气');
    await page.keyboard.press('Enter');

    // No shift yet: 开班 first, then the opening gas for this customer, written to the new card.
    await visible(field('备用金（元）'));
    await page.keyboard.type('500');
    await page.keyboard.press('Enter');
    await visible(page.getByText(NAME, { exact: true }));
    // The line reads the card when the customer arrives: wait for the read, not for the first paint.
    await expect.poll(() => text(page.getByTestId('sale-card-line'))).toContain('已购气 0 次');
    expect(await accessibilityProblems(page)).toEqual([]);
    expect((await sell('10', '￥27.50', '30')).slices).toBe(1);

    // Home: the meter loads 10 m³; 8 m³ are used; the card comes back to the reader.
    await openPanel();
    await carryHome('C001');
    await expect.poll(lastEvent).toContain(`卡插入表 ${METER}：已入表 10.00 m³`);
    expect(await text(meterRow().getByTestId('training-meter-remaining'))).toBe('10.00 m³');
    await meterRow().getByLabel(`表 ${METER} 用气量（m³）`).fill('8');
    await meterRow().getByLabel(`表 ${METER} 用气量（m³）`).press('Enter');
    await expect.poll(() => text(meterRow().getByTestId('training-meter-remaining'))).toBe('2.00 m³');
    // The meter writes its readings onto the card when the card is inserted: the customer inserts it again
    // before coming to the counter (nothing new to load).
    await cardRow('C001').getByLabel('C001 插入的表号').press('Enter');
    await expect.poll(lastEvent).toContain('卡内没有新的气，表内剩余 2.00 m³');
    await cardRow('C001').getByRole('button', { name: '插入读卡器' }).click();
    await expect.poll(lastEvent).toContain('卡 C001 已插入读卡器');
    await closePanel();

    // F5 读卡: the meter's write-back — 2 m³ left, 8 m³ used — and the purchase loaded.
    await page.keyboard.press('F5');
    await visible(page.getByRole('heading', { name: '读卡' }));
    await expect.poll(() => text(page.getByTestId('meter-remaining'))).toBe('2.00 m³');
    expect(await text(page.getByTestId('meter-used'))).toBe('8.00 m³');
    expect(await text(page.getByTestId('card-owner'))).toBe(NAME);
    expect(await text(page.getByTestId('card-count'))).toBe('1');
    expect(await text(page.getByTestId('card-pending'))).toBe('已入表');
    expect(await text(page.getByTestId('meter-status'))).toBe('正常');
    expect(await accessibilityProblems(page)).toEqual([]);

    // F2 from the read: 30 m³ for the same customer (one tier: the household has used 10 m³ this year).
    await page.keyboard.press('F2');
    await visible(page.getByText(NAME, { exact: true }));
    await expect.poll(() => text(page.getByTestId('sale-card-line'))).toContain('已购气 1 次');
    const { receipt, slices } = await sell('30', '￥82.50', '100');
    expect(slices).toBe(1);

    // Home again: 30 m³ load once (32 m³); the same card again loads nothing.
    await openPanel();
    await carryHome('C001');
    await expect.poll(lastEvent).toContain('已入表 30.00 m³，表内剩余 32.00 m³');
    expect(await text(meterRow().getByTestId('training-meter-remaining'))).toBe('32.00 m³');
    await cardRow('C001').getByLabel('C001 插入的表号').press('Enter');
    await expect.poll(lastEvent).toContain('卡内没有新的气，表内剩余 32.00 m³');
    await cardRow('C001').getByRole('button', { name: '插入读卡器' }).click();
    await expect.poll(lastEvent).toContain('卡 C001 已插入读卡器');
    await closePanel();

    // 冲正 of the loaded 30 m³ is refused: the gas is already in the meter.
    await page.keyboard.press('F5');
    await expect.poll(() => text(page.getByTestId('meter-remaining'))).toBe('32.00 m³');
    await page.getByRole('button', { name: '打开用户档案' }).click();
    await visible(page.getByRole('heading', { name: NAME }));
    const sales = await visible(page.getByTestId('customer-sales'));
    await sales.locator('tr', { hasText: receipt }).getByRole('button', { name: '冲正' }).click();
    const reverse = await visible(page.getByRole('dialog', { name: /冲正：/ }));
    await visible(reverse.getByText(`读卡器中是 ${NAME}（${ACCOUNT}）的卡`, { exact: false }));
    await reverse.getByLabel('办理原因', { exact: true }).fill('用户要求退气');
    await reverse.getByLabel('审批人账号', { exact: true }).fill('liuqiang');
    await reverse.getByLabel('审批人密码', { exact: true }).fill('demo1234');
    await reverse.getByLabel('审批人密码', { exact: true }).press('Enter');
    await visible(page.locator('.ant-modal-confirm-title', { hasText: '确认冲正吗？' }));
    await expect.poll(focusedText).toBe('返回修改（Esc）');
    await tabTo(page, '确认');
    await page.keyboard.press('Enter');
    // The approval check (scrypt) and a card read come first: allow for a slow machine. This step failed now and
    // then in CI: the confirmation took the focus back to 返回修改 when it finished opening, after tabTo had
    // reached 确认 (fixed in shell/confirm.ts, proved in honest-input.test.ts). On failure, say what the dialog,
    // the focus and the last calls to the counter showed.
    await visible(
      reverse.getByRole('alert').filter({ hasText: '这笔气已经插表入表，不能冲正。' }),
      30_000,
    ).catch(async (e: unknown) => {
      const shown = await reverse.textContent().catch(() => '(dialog gone)');
      throw new Error(
        `${String(e)}\nthe dialog showed: ${shown}\nthe focus was on: ${await focusedText()}\nthe last calls:\n${apiLog.recent()}`,
      );
    });
    await reverse.getByRole('button', { name: '取消' }).click();
    await reverse.waitFor({ state: 'detached' });

    // 挂失, then 补卡 from a new blank card: the last purchase was loaded, so only the count goes on it.
    const cards = await visible(page.getByTestId('customer-cards'));
    await expect.poll(() => cards.locator('tbody').first().textContent()).toContain('在用');
    await cards.getByRole('button', { name: '挂失' }).click();
    const lost = await visible(page.getByRole('dialog', { name: /挂失：/ }));
    await lost.getByLabel('办理原因', { exact: true }).fill('用户来电称卡遗失');
    await lost.getByLabel('办理原因', { exact: true }).press('Enter');
    await visible(page.locator('.ant-modal-confirm-title', { hasText: '确认挂失吗？' }));
    await expect.poll(focusedText).toBe('返回修改（Esc）');
    await tabTo(page, '确认');
    await page.keyboard.press('Enter');
    await lost.waitFor({ state: 'detached' });
    await expect.poll(() => text(cards.getByTestId('card-notice'))).toContain('已挂失');
    await expect.poll(() => cards.locator('tbody').first().textContent()).toContain('已挂失');

    await openPanel();
    await panel().getByRole('button', { name: '新空白卡' }).click();
    await expect.poll(lastEvent).toContain('拿到一张新空白卡 C004');
    await cardRow('C004').getByRole('button', { name: '插入读卡器' }).click();
    await expect.poll(lastEvent).toContain('卡 C004 已插入读卡器');
    await closePanel();
    await cards.getByRole('button', { name: '补卡' }).click();
    const replace = await visible(page.getByRole('dialog'));
    await visible(replace.getByText('读卡器中是空白卡，可以发卡。'));
    expect(await replace.textContent()).toContain('补卡费请在“收费项目”（F6）中收取。');
    expect(await accessibilityProblems(page)).toEqual([]);
    await replace.getByLabel('办理原因', { exact: true }).fill('旧卡遗失');
    await replace.getByLabel('办理原因', { exact: true }).press('Enter');
    await replace.waitFor({ state: 'detached' });
    const notice = await text(cards.getByTestId('card-notice'));
    expect(notice).toContain('已补卡，新卡号');
    expect(notice).toContain('上次购气已入表（或尚未购气），新卡只写入了购气次数。');
    const rows = await cards.locator('tbody').first().locator('tr.ant-table-row').allInnerTexts();
    expect(rows).toHaveLength(2);
    expect(rows.join('\n')).toMatch(/在用[\s\S]*已挂失|已挂失[\s\S]*在用/);
    expect(await text(cards.getByTestId('meter-readings'))).toContain('32.00 m³');
    expect(await accessibilityProblems(page)).toEqual([]);
  });
});
