/**
 * Another hall's customer in the browser (issue #23 item 5), against `gasdesk serve` of a counter of hall 0102
 * enrolled with a head office (in-process, over TCP) that imported halls 0101 and 0102: the cashier searches a
 * customer of hall 0101, finds nothing here and is shown head office's answer with the customer's hall, presses
 * 办理 from the keyboard and the file opens marked as another hall's; with head office gone, the search says
 * plainly that such a customer cannot be served now. The sale on the imported card is proven in
 * tests/integration/any-hall.test.ts. Runtime: Node (drives the browser).
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHeadOffice, type TestHeadOffice } from '../support/head-office';
import { type Counter, household, importHalls, startCounter } from '../support/two-halls';
import { focusedText, text, visible } from './support/counter';
import { launchChromium, newPage, type Served, serveDemo } from './support/serve';

const A1 = household('0101', 1);
const A2 = household('0101', 2);

describe("another hall's customer in the browser", () => {
  let ho: TestHeadOffice | null = null;
  let counter: Counter | undefined;
  let served: Served | undefined;
  let browser: Browser | undefined;
  let page: Page;

  beforeAll(async () => {
    ho = await startHeadOffice();
    await importHalls(ho, [A1, A2, household('0102', 1)]);
    counter = await startCounter(ho, '0102', '01');
    counter.close();
    served = await serveDemo(90_000, { dataDir: counter.dataDir });
    browser = await launchChromium();
    page = await newPage(browser);
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await served?.stop();
    await ho?.close();
  });

  const search = async (query: string) => {
    await page.keyboard.press('F3');
    const box = await visible(page.getByLabel('查询内容'));
    await box.fill(query);
    const answered = page.waitForResponse((r) => r.url().includes('customers.lookupOtherHalls'));
    await box.press('Enter');
    await answered;
  };

  it('finds a customer of another hall at head office, marked with its hall, and opens the file by keyboard', async () => {
    await page.goto(served!.url);
    const username = await visible(page.getByLabel('登录名', { exact: true }));
    await username.fill('cashier0102');
    await username.press('Enter');
    await page.keyboard.type('import-pass-1');
    await page.keyboard.press('Enter');
    await visible(page.locator('header').getByText('收费员0102'));

    await search(A1.accountNo);
    await visible(page.getByText('没有找到符合条件的用户'));
    const others = await visible(page.getByRole('region', { name: '其他营业厅的用户（总部）' }));
    expect(await text(others.getByRole('cell', { name: '营业厅 0101（0101）' }))).toBe('营业厅 0101（0101）');
    await visible(others.getByRole('cell', { name: A1.cardNo }));

    // From the search box, Tab reaches the row's 办理; Enter presses it.
    for (let i = 0; i < 40 && (await focusedText(page)) !== '办理'; i++) await page.keyboard.press('Tab');
    expect(await focusedText(page)).toBe('办理');
    await page.keyboard.press('Enter');
    await visible(page.getByRole('heading', { name: A1.name }));
    await visible(page.getByText('营业厅 0101（0101）的用户：本柜台只办理收费、购气写卡'));
  });

  it('says plainly, offline, that a customer of another hall cannot be served now', async () => {
    await ho!.close();
    ho = null;
    await search(A2.accountNo);
    await visible(page.getByText(/现在连接不上总部，不能查询，也不能办理/));
  });
});
