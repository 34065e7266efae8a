/**
 * Card edges a clerk meets, in Chromium against `gasdesk serve --demo` (issue P3). 换表 whose carry does not
 * reach the card: 王芳 changes a household's meter with 8 m³ left in the old one while the card is pulled during the write. The meter change
 * stands and the screen says the gas is not lost; once the card is back and read, the file shows the carry owed
 * and 结转写卡 puts it on the card, once. A card that is not a gas card (a bank card) is named so on 读卡. Runtime: Node (drives the browser).
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCustomerFile, text, visible } from './support/counter';
import { launchChromium, newPage, type Served, serveDemo } from './support/serve';
import { issueCardOnFile, trainingPanel } from './support/training';

const ACCOUNT = '010101000001';
const NAME = '侯珍洋';

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

const { panel, lastEvent, card, training, insert } = trainingPanel(() => page);

describe('换表结转 that did not reach the card, in the browser', () => {
  it('the meter change stands, the gas is owed on the file, and 结转写卡 writes it once', async () => {
    await page.goto(served!.url);
    const username = await visible(page.getByLabel('登录名', { exact: true }));
    await username.fill('wangfang');
    await username.press('Enter');
    await page.keyboard.type('demo1234');
    await page.keyboard.press('Enter');
    await visible(page.getByLabel('查询内容'));

    // The household gets a card from a blank one.
    await openCustomerFile(page, ACCOUNT, NAME);
    await issueCardOnFile(page);
    const cards = page.getByTestId('customer-cards');

    // 换表 with 8 m³ left in the old meter; the card is pulled while the carry is written.
    await training(async () => {
      await card().getByRole('button', { name: '写卡时拔卡' }).click();
      await expect.poll(lastEvent).toContain('下次写卡时卡被拔出');
    });
    await cards.getByRole('button', { name: '换表' }).click();
    const change = await visible(page.getByRole('dialog'));
    await change.getByLabel('旧表剩余气量（m³）').fill('8');
    await change.getByLabel('表号', { exact: true }).fill('XF2026120701');
    await change.getByLabel('表厂', { exact: true }).fill('先锋');
    await change.getByLabel('型号', { exact: true }).fill('XF-G4');
    // Submitted from the last field with Enter (a click can land while the dialog is still opening), and the
    // request's answer awaited before the dialog's closing is: a refusal would keep it open and say why below.
    const reason = change.getByLabel('办理原因');
    await reason.fill('旧表故障');
    await Promise.all([
      page.waitForResponse((r) => r.url().includes('meters.change')),
      reason.press('Enter'),
    ]);
    await change.waitFor({ state: 'detached' }).catch(async (e: Error) => {
      throw new Error(`the 换表 dialog stayed open: ${await change.textContent()}`, { cause: e });
    });
    const notice = await visible(cards.getByTestId('card-notice'));
    expect(await text(notice)).toContain('换表已办理，但结转气量没能写上卡');
    expect(await text(notice)).toContain('气量没有丢失');

    // The card back in the reader and read (F5): not written — the file shows the carry owed.
    await training(insert);
    await page.keyboard.press('F5');
    await visible(page.getByRole('heading', { name: '读卡' }));
    await openCustomerFile(page, ACCOUNT, NAME);
    const owed = await visible(page.getByTestId('owed-carry'));
    expect(await text(owed)).toContain('8.00 m³');

    await owed.getByRole('button', { name: '结转写卡' }).click();
    await visible(
      page
        .getByTestId('customer-cards')
        .getByTestId('card-notice')
        .filter({ hasText: '结转气量 8.00 m³ 已写入' }),
    );
    await page.getByTestId('owed-carry').waitFor({ state: 'detached' });
    await training(() => expect.poll(() => text(card())).toContain('8.00'));
  });

  it('a card that is not a gas card is named so on 读卡', async () => {
    await training(async () => {
      await card().getByRole('button', { name: '取出', exact: true }).click();
      await expect.poll(lastEvent).toContain('取出');
      await panel().getByRole('button', { name: '插入非燃气卡' }).click();
      await expect.poll(lastEvent).toContain('不是燃气卡的卡已插入读卡器');
    });
    await page.keyboard.press('F5');
    await visible(page.getByRole('heading', { name: '读卡' }));
    await visible(page.getByText('这不是本公司的燃气卡', { exact: false }).first());
  });
});
