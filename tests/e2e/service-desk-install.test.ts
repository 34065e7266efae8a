/**
 * 零散报装 end to end, in Chromium against `gasdesk serve --demo`: on the 零散报装 tab (F7, Alt+7) the clerk
 * accepts an application for a caller not in the files with a photo attached, records 查勘 (with a scan),
 * 方案与收费 with the 初装费 taken at the fee desk, 施工 and 置换通气 — each with Ctrl+Enter; after 置换通气 the
 * open-account page opens with the applicant, the address and the 初装费 receipt filled in; the clerk adds the
 * ID number and contract, opens the account, and the application shows 已开户 with its steps. A step out of
 * order is not offered. Runtime: Node (drives the browser).
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { residentIdCheckChar } from '../../core/validation/resident-id';
import { PDF_MINI, PNG_1PX } from '../support/attachments';
import { visible, callOp } from './support/counter';
import { launchChromium, newPage, type Served, serveDemo } from './support/serve';

const FIRST17 = '32070319850612341';
const ID = FIRST17 + residentIdCheckChar(FIRST17);

describe('零散报装 in the browser', () => {
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

  /** Fills the step form's result and records it with Ctrl+Enter, waiting for the answer. */
  async function step(name: string, result: string, before?: () => Promise<void>) {
    const dialog = await visible(page.getByRole('dialog', { name: /^零散报装 / }));
    await visible(dialog.getByLabel(`${name}：办理结果`, { exact: true }));
    await before?.();
    const box = dialog.getByLabel(`${name}：办理结果`, { exact: true });
    await box.fill(result);
    const answered = page.waitForResponse((r) => r.url().includes('/api/installations.step'));
    await box.press('Control+Enter');
    expect((await answered).ok()).toBe(true);
    await visible(dialog.getByText(`${name}：${result}`, { exact: false }));
  }

  it('takes an application from 受理 to 开户 with attachments and the 初装费, the account form filled in', async () => {
    await page.goto(served!.url);
    const username = await visible(page.getByLabel('登录名', { exact: true }));
    await username.fill('admin');
    await username.press('Enter');
    await page.keyboard.type('demo1234');
    await page.keyboard.press('Enter');
    await visible(page.getByLabel('查询内容'));
    // The 初装费 is taken at the fee desk (through the API here: the cash desk has its own tests).
    await call('shifts.open', { float: 0 });
    const fee = (await call('fees.list', {})).items.find((f: { name: string }) => f.name === '初装费');
    const paid = await call('sales.payFees', {
      lines: [{ feeItemId: fee.id, qty: 1 }],
      expectedAmountDue: fee.amountFen,
      tenders: [{ method: 'cash', amount: fee.amountFen }],
    });

    // F7 → 服务台; Alt+7 → 零散报装; Enter in the empty customer box → a new applicant.
    await page.keyboard.press('F7');
    await visible(page.getByRole('heading', { name: '服务台' }));
    await page.keyboard.press('Alt+7');
    const find = await visible(page.locator('#inst-find'));
    await find.focus();
    await find.press('Enter');
    await (await visible(page.locator('#inst-name'))).fill('欧阳新装');
    await page.locator('#inst-phone').fill('13951236666');
    await page.locator('#inst-address').fill('海州区幸福路8号院3号楼2单元301室');
    await page.getByTestId('inst-apply-files-input').setInputFiles({
      name: '房产证.png',
      mimeType: 'image/png',
      buffer: Buffer.from(PNG_1PX, 'base64'),
    });
    await visible(page.getByTestId('installation-form').getByText('房产证.png'));
    await page.locator('#inst-request').fill('新装双眼灶一台');
    const applied = page.waitForResponse((r) => r.url().includes('/api/installations.apply'));
    await page.locator('#inst-request').press('Control+Enter');
    expect((await applied).ok()).toBe(true);

    // The application opens with 查勘 next; 施工 is not offered before it.
    const dialog = await visible(page.getByRole('dialog', { name: /^零散报装 0101-01-BZ-\d{6}/ }));
    expect(await dialog.getByTestId('installation-detail').textContent()).toContain('房产证.png（待上传）');
    expect(await dialog.getByTestId('inst-action-build').count()).toBe(0);
    await step('查勘', '楼道立管可接入', async () => {
      await dialog.getByTestId('inst-files-input').setInputFiles({
        name: '查勘单.pdf',
        mimeType: 'application/pdf',
        buffer: Buffer.from(PDF_MINI, 'base64'),
      });
      await visible(dialog.getByText('查勘单.pdf'));
    });
    await step('方案与收费', '立管引入，表装厨房', async () => {
      await dialog.locator('#inst-sale').click();
      await (await visible(page.getByTitle(new RegExp(`^${paid.receiptNo} 初装费`)))).click();
    });
    await step('施工', '施工完毕，试压合格');
    await step('置换通气', '置换通气完毕，点火正常');

    // 开户 with the application's data filled in.
    await (await visible(dialog.getByTestId('inst-open-account'))).click();
    await visible(page.getByTestId('open-from-installation'));
    const field = (label: string) => page.getByLabel(label, { exact: true });
    expect(await field('用户名称').inputValue()).toBe('欧阳新装');
    expect(await field('联系电话').inputValue()).toBe('13951236666');
    expect(await field('房号').inputValue()).toBe('301');
    expect(await field('初装费发票号').inputValue()).toBe(paid.receiptNo);
    await field('身份证号').fill(ID);
    await field('家庭人口').fill('3');
    await field('合同编号').fill('HT-BZ-0001');
    await field('已核对《燃气用户登记表》').check();
    const opened = page.waitForResponse((r) => r.url().includes('/api/customers.open'), { timeout: 10_000 });
    await field('合同编号').press('Control+Enter');
    const answer = await opened.catch(async (e: Error) => {
      const said = await page.locator('.ant-form-item-explain-error').allTextContents();
      throw new Error(`customers.open never asked; the form says: ${said.join(' / ')}`, { cause: e });
    });
    expect(answer.ok()).toBe(true);
    await visible(page.getByRole('heading', { name: '欧阳新装' }));

    // Back on the tab: finished, with every step.
    await page.keyboard.press('F7');
    await page.keyboard.press('Alt+7');
    await (await visible(page.getByRole('switch', { name: '显示全部' }))).click();
    const row = await visible(page.getByRole('row', { name: /欧阳新装/ }));
    expect(await row.textContent()).toContain('已开户');
    await row.getByRole('button', { name: '办理' }).click();
    const done = await visible(page.getByRole('dialog', { name: /^零散报装 / }));
    await visible(done.getByText('该报装已办结，不能再办理。'));
    const steps = await done.locator('.ant-timeline-item').allTextContents();
    expect(steps.map((s) => s.match(/ (查勘|方案与收费|施工|置换通气|开户)：/)?.[1])).toEqual([
      '查勘',
      '方案与收费',
      '施工',
      '置换通气',
      '开户',
    ]);
  });
});
