/**
 * Printing end to end, in Chromium against `gasdesk serve --demo`, with the receipt printer emulated on TCP by
 * `gasdesk emulate printer --out DIR` (every finished receipt becomes a text file): a sale's receipt appears
 * with the customer, the tier slices and the total; with paper out the screen says 缺纸 and the sale is saved;
 * once the paper is back, 补打 prints it marked 重打. Runtime: Node (drives the browser).
 */
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ChildProcess } from 'node:child_process';
import { spawn } from 'node:child_process';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCustomerFile, callOp } from './support/counter';
import { launchChromium, newPage, type Served, serveDemo } from './support/serve';

const ROOT = join(import.meta.dirname, '../..');

async function visible(locator: Locator): Promise<Locator> {
  try {
    await locator.waitFor({ state: 'visible', timeout: 15_000 });
  } catch (e) {
    await locator.page().screenshot({ path: join(tmpdir(), 'gasdesk-e2e-printing-failure.png') });
    throw e;
  }
  return locator;
}

/** `gasdesk emulate printer` on free ports; resolves with its TCP port and its control URL. */
function printerEmulator(out: string): Promise<{ child: ChildProcess; port: string; control: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [
        join(ROOT, 'cli/bin/gasdesk.js'),
        'emulate',
        'printer',
        '--tcp',
        '0',
        '--out',
        out,
        '--control-port',
        '0',
      ],
      { cwd: ROOT },
    );
    let text = '';
    child.stdout!.on('data', (c) => {
      text += c;
      const tcp = /on tcp:127\.0\.0\.1:(\d+)/.exec(text);
      const ctl = /printer control at (\S+)/.exec(text);
      if (tcp && ctl) resolve({ child, port: tcp[1]!, control: ctl[1]! });
    });
    child.on('exit', (code) => reject(new Error(`printer emulator exited ${code}`)));
  });
}

describe('receipts on a network printer', () => {
  let served: Served | undefined;
  let browser: Browser | undefined;
  let printer: Awaited<ReturnType<typeof printerEmulator>> | undefined;
  let page: Page;
  const out = mkdtempSync(join(tmpdir(), 'gasdesk-receipts-'));

  beforeAll(async () => {
    printer = await printerEmulator(out);
    served = await serveDemo();
    browser = await launchChromium();
    page = await newPage(browser);
  });

  afterAll(async () => {
    await browser?.close();
    await served?.stop();
    printer?.child.kill('SIGTERM');
  });

  /** The API as the page itself calls it (token and session from the page), for the set-up steps. */
  const call = (op: string, input: unknown) => callOp(page, op, input);
  // The text of each receipt (the emulator also draws each one as an SVG picture beside it).
  const receipts = () =>
    readdirSync(out)
      .filter((f) => f.endsWith('.txt'))
      .sort()
      .map((f) => readFileSync(join(out, f), 'utf8'));
  const pictures = () => readdirSync(out).filter((f) => f.endsWith('.svg'));
  const flags = (f: Record<string, boolean>) =>
    fetch(`${printer!.control}/flags`, { method: 'POST', body: JSON.stringify(f) });

  async function sell(volume: string) {
    await page.keyboard.press('F2');
    const figure = await visible(page.locator('#sale_figure'));
    await figure.fill(volume);
    await visible(page.getByTestId('amount-due').filter({ hasText: '￥' }));
    await page.locator('.quote-stale').waitFor({ state: 'detached' });
    await page.keyboard.press('Enter');
    await page.keyboard.type('2000');
    await visible(page.getByText('找零', { exact: true }));
    await page.waitForTimeout(300);
    await page.keyboard.press('Enter');
    await visible(page.getByText('收款成功，谢谢！'));
    return (await page.getByTestId('receipt-no').textContent()) ?? '';
  }

  it('prints the receipt, says 缺纸 without losing the sale, and prints it marked 重打 once the paper is back', async () => {
    await page.goto(served!.url);
    await page.getByLabel('登录名', { exact: true }).fill('admin');
    await page.getByLabel('登录名', { exact: true }).press('Enter');
    await page.keyboard.type('demo1234');
    await page.keyboard.press('Enter');
    await visible(page.getByLabel('查询内容'));
    // Set-up through the API: the printer on TCP, a card for the first demo household, a shift.
    await call('printers.configure', {
      spec: `tcp:127.0.0.1:${printer!.port}`,
      width: 58,
      company: '东海燃气',
    });
    const customer = (await call('customers.search', { query: '010101000001' })).items[0];
    await call('training.insert', { cardId: 'C001' });
    await call('cards.issue', { customerId: customer.id });
    await call('shifts.open', { float: 0 });
    await call('limits.save', { userClass: 'residential', perPurchase: null, perMonth: null, perYear: null });
    await page.reload();
    await visible(page.getByLabel('查询内容'));
    await openCustomerFile(page, customer.accountNo, customer.name);

    // 1. 420 m³ crosses 400 m³ (tier 1 for a small household): two slices on paper, with the total.
    const first = await sell('420');
    await visible(page.getByTestId('print-status').filter({ hasText: '打印成功' }));
    await expect.poll(() => receipts().length).toBe(1);
    const paper = receipts()[0]!;
    for (const s of [customer.name, customer.accountNo, first, '1档', '2档', '合计实收', '大写：'])
      expect(paper).toContain(s);

    // 2. Paper runs out: the sale is saved, the screen names the problem.
    await call('training.remove', {});
    await call('training.toMeter', { cardId: 'C001', meterNo: customer.meterNos[0] });
    await call('training.insert', { cardId: 'C001' });
    await flags({ paperEnd: true });
    await page.keyboard.press('Escape');
    await openCustomerFile(page, customer.accountNo, customer.name);
    const second = await sell('10');
    await visible(page.getByTestId('print-status').filter({ hasText: '缺纸' }));
    expect(
      (await call('sales.list', { customerId: customer.id })).items.some(
        (s: { receiptNo: string }) => s.receiptNo === second,
      ),
    ).toBe(true);
    expect(receipts()).toHaveLength(1);

    // 3. Paper back: 补打 prints it, marked 重打.
    await flags({ paperEnd: false });
    await page.getByTestId('print-receipt').click();
    await visible(page.getByTestId('print-status').filter({ hasText: '重打' }));
    await expect.poll(() => receipts().length).toBe(2);
    expect(receipts()[1]).toContain('【重打 第1次】');
    expect(receipts()[1]).toContain(second);

    // 4. A copy for the office printer: the same receipt as a page in a script-less frame, to the print dialog.
    await page.getByTestId('office-print').click();
    const frame = page.locator('iframe[srcdoc]');
    await frame.waitFor({ state: 'attached' });
    expect(await frame.getAttribute('sandbox')).toBe('allow-same-origin allow-modals');
    const html = (await frame.getAttribute('srcdoc')) ?? '';
    for (const s of [second, customer.name, '燃气费收据（购气）']) expect(html).toContain(s);
    expect(receipts()).toHaveLength(2);
    expect(pictures()).toHaveLength(2);
  });
});
