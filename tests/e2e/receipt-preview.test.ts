/**
 * The receipt preview in Chromium against `gasdesk serve --demo`: a reversed sale reads 已冲正 with its 冲正凭证
 * number in 业务记录 (not 已完成) and in its preview, whose paper carries 【已冲正】 in large type; the preview's
 * lines are the lines of the printed receipt model (receipts.preview: the printer's reading of the bytes),
 * and its QR code is drawn as a QR code — an https link on the verification host — not as text.
 * Runtime: Node (drives the browser).
 */
import { createRequire } from 'node:module';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCustomerFile, visible, callOp } from './support/counter';
import { launchChromium, newPage, type Served, serveDemo } from './support/serve';

describe('the receipt preview of a reversed sale', () => {
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

  const call = (op: string, input: unknown) => callOp(page, op, input);

  it('shows 已冲正 with the 冲正凭证 number, the paper the printer gets, and a QR image of the https link', async () => {
    await page.goto(served!.url);
    await page.getByLabel('登录名', { exact: true }).fill('admin');
    await page.getByLabel('登录名', { exact: true }).press('Enter');
    await page.keyboard.type('demo1234');
    await page.keyboard.press('Enter');
    await visible(page.getByLabel('查询内容'));
    // Set-up through the API: 58 mm paper, a card for a demo household, a shift, a sale and its reversal.
    await call('printers.configure', { spec: 'training', width: 58, company: '东海燃气' });
    const customer = (await call('customers.search', { query: '010101000002' })).items[0];
    await call('training.insert', { cardId: 'C002' });
    await call('cards.issue', { customerId: customer.id });
    await call('shifts.open', { float: 0 });
    const purchase = { customerId: customer.id, by: 'volume', volume: 1000 };
    const quote = await call('sales.quote', purchase);
    const sale = await call('sales.sellGas', {
      purchase,
      expectedAmountDue: quote.amountDue,
      tenders: [{ method: 'cash', amount: quote.amountDue }],
    });
    expect(sale.status).toBe('completed');
    const reversal = await call('cards.reverseSale', {
      saleId: sale.id,
      reason: '用户当场退气，卡未插表',
      approval: { username: 'liuqiang', password: 'demo1234' },
    });
    await page.reload();
    await visible(page.getByLabel('查询内容'));
    await openCustomerFile(page, customer.accountNo, customer.name);

    // 业务记录: the sale's status is its reversal, with the reversal's receipt number.
    const records = page.getByTestId('customer-sales');
    // (The reversal's own row names the sale too: 更正 <its receipt number>.)
    const row = records
      .getByRole('row')
      .filter({ has: page.getByRole('cell', { name: sale.receiptNo, exact: true }) });
    const standing = await visible(row.getByTestId('sale-standing'));
    expect(await standing.textContent()).toContain('已冲正');
    expect(await standing.textContent()).toContain(reversal.receiptNo);
    expect(await row.textContent()).not.toContain('已完成');

    // 预览/补打: the dialog and the paper say it, in large type on the paper.
    await row.getByTestId('sale-preview').click();
    const note = await visible(page.getByTestId('receipt-standing'));
    expect(await note.textContent()).toContain(reversal.receiptNo);
    const paper = await visible(page.getByTestId('receipt-paper'));
    await visible(paper.getByText('【已冲正】'));
    const preview = (await call('receipts.preview', { saleId: sale.id })).receipt as {
      elements: { kind: string; data?: string; segments?: { text: string; width: number }[] }[];
    };
    // The paper on screen is the printed model, line by line (non-breaking spaces as the page draws them).
    const shown = (await paper.locator('.paper-line').allTextContents()).map((l) =>
      l.replace(/\u00a0/g, ' ').trimEnd(),
    );
    const printed = preview.elements
      .filter((e) => e.kind === 'line')
      .map((e) =>
        e
          .segments!.map((s) => s.text)
          .join('')
          .trimEnd(),
      );
    // Two previews a moment apart: the same paper but for the second its print time may have reached.
    const at = (lines: string[]) => lines.map((l) => l.trim().replace(/^(打印时间)\s.+$/, '$1 …'));
    expect(at(shown)).toEqual(at(printed));
    const big = preview.elements.find((e) => e.segments?.some((s) => s.text === '【已冲正】'));
    expect(big?.segments?.[0]?.width).toBe(2);
    // Its glyphs do not overlap: each double-width cell is as wide as its glyph.
    const title = paper.locator('.paper-line', { hasText: '【已冲正】' });
    const box = await title.locator('.paper-seg').first().boundingBox();
    expect(box!.width).toBeLessThanOrEqual((await paper.locator('.paper').boundingBox())!.width);

    // The QR code: an image of the https link, not its text.
    const data = preview.elements.find((e) => e.kind === 'qr')!.data!;
    expect(data).toMatch(new RegExp(`^https://verify\\.example-gas\\.cn/r/${sale.id}\\?c=`));
    const qr = paper.getByTestId('paper-qr');
    expect(await qr.getAttribute('data-qr')).toBe(data);
    expect(await paper.textContent()).not.toContain('https://');
    const drawn = await qr.locator('svg path').nth(1).getAttribute('d');
    // The symbol for exactly this link at level M, as antd's QR library makes and draws it (loaded untyped:
    // its types would bring React's DOM types into the e2e project).
    const lib = createRequire(import.meta.url);
    const { QrCode, QrSegment, Ecc } = lib('@rc-component/qrcode/lib/libs/qrcodegen');
    const { generatePath } = lib('@rc-component/qrcode/lib/utils');
    const symbol = QrCode.encodeSegments(QrSegment.makeSegments(data), Ecc.MEDIUM, 1);
    expect(drawn).toBe(generatePath(symbol.getModules(), 0));
    await page.screenshot({ path: 'out/screenshots/receipt-preview-reversed-58.png' }).catch(() => undefined);
    await qr.scrollIntoViewIfNeeded();
    await page.screenshot({ path: 'out/screenshots/receipt-preview-qr-58.png' }).catch(() => undefined);
  });
});
