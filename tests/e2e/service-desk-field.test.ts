/**
 * The field work end to end, in Chromium against `gasdesk serve --demo`: a phone complaint recorded and judged,
 * handed to 通气维修班 with a work order opened from it; on the 工单 tab (Alt+5) the work order is assigned to
 * a person — the start page lists it as awaiting its result, Alt+4 from there — and, when the team reports
 * back, its result entered (after which no button may change it); the
 * customer is told and the complaint closed; the 回访 is done. Dialogs are submitted with Enter from their last
 * field, each answer awaited. Runtime: Node (drives the browser).
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousProblems } from './support/axe';
import { activeId, noDialog, text, visible } from './support/counter';
import { launchChromium, newPage, type Served, serveDemo } from './support/serve';

describe('work orders in the browser', () => {
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

  /**
   * The dialog named `name`, once it has opened: its first field has the focus it is given when the opening
   * ends (a field filled before then would lose the focus to it, and Enter would land on the first field).
   */
  async function dialogOpened(name: RegExp | string) {
    const dialog = await visible(page.getByRole('dialog', { name }));
    const title = typeof name === 'string' ? name : name.source;
    await page.waitForFunction((want: string) => {
      // biome-ignore lint/suspicious/noExplicitAny: the page's document (this file has no DOM types).
      const d = (globalThis as any).document;
      const el = d.activeElement;
      const modal = el?.closest('.ant-modal');
      const first = modal?.querySelector('input:not([disabled]), textarea');
      const named = (modal?.querySelector('.ant-modal-title')?.textContent ?? '').match(want);
      return !!first && first === el && !!named;
    }, title);
    return dialog;
  }

  /** Fills the dialog's last field, presses Enter there and waits for `op`'s answer and the dialog to go. */
  async function submitWith(dialogName: RegExp, field: string, value: string, op: string) {
    const form = await visible(page.getByRole('dialog', { name: dialogName }));
    const last = form.getByTestId(field);
    await last.fill(value);
    const answered = page.waitForResponse((r) => r.url().includes(`/api/${op}`), { timeout: 15_000 });
    await last.press('Enter');
    const r = await answered.catch(async (e: Error) => {
      throw new Error(
        `${op} never asked: focus on #${await activeId(page)}, the dialog shows ${await form.textContent()}`,
        {
          cause: e,
        },
      );
    });
    expect(r.ok()).toBe(true);
    await form.waitFor({ state: 'detached' });
  }

  /** Takes one step from the complaint's dialog: its button, the text, Enter (the last field submits). */
  async function complaintStep(name: string, button: string, said: string, op: string) {
    const detail = page.getByRole('dialog', { name: /^投诉 / });
    await (await visible(detail.getByTestId(button))).click();
    await dialogOpened(new RegExp(`^${name}：`));
    await submitWith(new RegExp(`^${name}：`), 'step-text', said, op);
  }

  it('hands a phone complaint to 通气维修班 on a work order, completes it, tells the customer and does the 回访', async () => {
    await page.goto(served!.url);
    const username = await visible(page.getByLabel('登录名', { exact: true }));
    await username.fill('zhangli');
    await username.press('Enter');
    await page.keyboard.type('demo1234');
    await page.keyboard.press('Enter');
    await visible(page.getByTestId('home-service'));

    // F7 → 服务台; Alt+2 → 投诉跟踪: a caller not in the files reports a smell of gas.
    await page.keyboard.press('F7');
    await visible(page.getByRole('heading', { name: '服务台' }));
    await page.keyboard.press('Alt+2');
    const find = await visible(page.locator('#cmp-find'));
    await find.focus();
    await find.press('Enter');
    await (await visible(page.locator('#cmp-name'))).fill('孙丽娟');
    await page.locator('#cmp-phone').fill('13951236666');
    await page.locator('#cmp-address').fill('牛山街道翠湖观邸9栋2单元501');
    await page.locator('#cmp-category').click();
    await (await visible(page.getByTitle('安全隐患（漏气、异味）'))).click();
    await page.locator('#cmp-details').fill('燃气灶附近有异味');
    const recorded = page.waitForResponse((r) => r.url().includes('/api/complaints.record'));
    await page.locator('#cmp-details').press('Control+Enter');
    expect((await recorded).ok()).toBe(true);
    const detail = await visible(page.getByRole('dialog', { name: /^投诉 0101-01-TS-/ }));
    const complaintNo = (await text(detail.locator('.ant-modal-title'))).replace('投诉 ', '');

    // 判定成立 → 转交通气维修班, and a work order opened from the complaint.
    await complaintStep('判定投诉', 'step-judge', '电话核实属实', 'complaints.judge');
    await (await visible(detail.getByTestId('step-hand_over'))).click();
    const hand = await dialogOpened(/^转交班组：/);
    await hand.getByRole('radio', { name: '通气维修班' }).check();
    await submitWith(/^转交班组：/, 'step-text', '请上门检漏', 'complaints.handOver');
    await (await visible(detail.getByTestId('open-work-order'))).click();
    const opening = await dialogOpened(`开工单：投诉 ${complaintNo}`);
    await expect(opening.getByRole('radio', { name: '维修' }).isChecked()).resolves.toBe(true);
    expect(await opening.getByTestId('wo-description').inputValue()).toBe('燃气灶附近有异味');
    await submitWith(/^开工单：/, 'wo-description', '燃气灶附近有异味，上门检漏', 'workOrders.open');
    const opened = await visible(page.getByText(/工单已开出，单号 0101-01-GD-\d{6}/));
    const workNo = (await text(opened)).replace('工单已开出，单号 ', '');
    await visible(detail.getByTestId(`src-wo-${workNo}`));
    await page.keyboard.press('Escape');
    await noDialog(page);

    // Alt+5 → 工单: 派单 to 通气维修班's 李师傅, then the team's result.
    await page.keyboard.press('Alt+5');
    const table = await visible(page.getByTestId('work-orders-table'));
    await visible(table.getByText(workNo));
    expect(await seriousProblems(page, '工单')).toEqual([]);
    await page.getByTestId(`wo-open-${workNo}`).click();
    const order = await visible(page.getByRole('dialog', { name: `工单 ${workNo}` }));
    expect(await text(order.getByTestId('work-order-detail'))).toContain('待派');
    await (await visible(order.getByTestId('wo-step-assign'))).click();
    const assign = await dialogOpened(`派单：${workNo}`);
    await expect(assign.getByRole('radio', { name: '通气维修班' }).isChecked()).resolves.toBe(true);
    await assign.getByTestId('wo-assignee').fill('李师傅');
    await submitWith(/^派单：/, 'wo-text', '今天下午上门', 'workOrders.assign');
    await visible(order.getByText('通气维修班 李师傅').first());
    await page.keyboard.press('Escape');
    await noDialog(page);

    // The start page (F3) lists it among the work orders awaiting results; Alt+4 goes back to the 工单 tab.
    await page.keyboard.press('F3');
    const board = await visible(page.getByTestId('home-work-orders'));
    expect(await text(board)).toContain('待回报结果的工单 1 张');
    await visible(page.getByTestId('home-service').getByText(workNo));
    await page.keyboard.press('Alt+4');
    await page.getByTestId(`wo-open-${workNo}`).click();
    await visible(page.getByRole('dialog', { name: `工单 ${workNo}` }));
    await (await visible(order.getByTestId('wo-step-complete'))).click();
    const done = await dialogOpened(`登记完成结果：${workNo}`);
    await done.locator('#wo-material').fill('灶前阀');
    await submitWith(/^登记完成结果：/, 'wo-text', '更换灶前阀，检漏合格', 'workOrders.complete');
    await visible(order.getByText('已完成或已撤销的工单不能再修改。'));
    expect(await order.getByRole('button', { name: /派单|登记完成结果|撤销工单/ }).count()).toBe(0);
    await page.keyboard.press('Escape');
    await noDialog(page);
    await visible(page.getByTestId('work-orders-table').getByText('没有工单。'));

    // Back on the complaint: the result, the customer told, closed.
    await page.keyboard.press('Alt+2');
    await (await visible(page.getByTestId(`open-${complaintNo}`))).click();
    await visible(page.getByRole('dialog', { name: `投诉 ${complaintNo}` }));
    await complaintStep('登记处理结果', 'step-resolve', '工单已完成：更换灶前阀', 'complaints.resolve');
    await complaintStep('告知客户并结案', 'step-close', '电话告知客户已处理', 'complaints.close');
    const closed = page.getByRole('dialog', { name: `投诉 ${complaintNo}` });
    await visible(closed.getByText('已结案的投诉不能再修改。'));
    expect(await closed.getByTestId('open-work-order').count()).toBe(0);
    await page.keyboard.press('Escape');
    await noDialog(page);

    // 回访 (Alt+3).
    await page.keyboard.press('Alt+3');
    const queue = await visible(page.getByTestId('followups-table'));
    await visible(queue.getByText(complaintNo));
    await page.getByTestId(`followup-${complaintNo}`).click();
    const visit = await dialogOpened(`回访：投诉 ${complaintNo}`);
    await visit.getByRole('radio', { name: '满意', exact: true }).check();
    await submitWith(/^回访：/, 'followup-text', '客户满意', 'followups.record');
    await visible(page.getByText('回访已记录，谢谢。'));
  });

  it('records an inspection that finds a hazard (Alt+6), prints its 隐患整改通知书 and records the rectification', async () => {
    await page.keyboard.press('F7');
    await visible(page.getByRole('heading', { name: '服务台' }));
    await page.keyboard.press('Alt+6');
    const find = await visible(page.locator('#insp-find'));
    await find.fill('010101000001');
    await find.press('Enter');
    await visible(page.getByTestId('insp-customer'));
    expect(await seriousProblems(page, '安检')).toEqual([]);
    const form = page.getByTestId('inspection-form');
    await page.locator('#insp-inspector').fill('周安检');
    await form.getByRole('radio', { name: '有隐患' }).check();
    await form.getByRole('checkbox', { name: '胶管（软管）' }).check();
    await form.getByRole('checkbox', { name: '灶具' }).check();
    await page.locator('#insp-hazard-item').click();
    await (await visible(page.getByTitle('胶管（软管）'))).click();
    await page.locator('#insp-hazard-note').fill('胶管老化开裂');
    const d = new Date(Date.now() + 10 * 86_400_000);
    const deadline = `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
    await page.locator('#insp-deadline').fill(deadline);
    await page.locator('#insp-notes').fill('已口头告知用户');
    const recorded = page.waitForResponse((r) => r.url().includes('/api/inspections.record'));
    await page.locator('#insp-notes').press('Control+Enter');
    expect((await recorded).ok()).toBe(true);
    const saved = await visible(page.getByText(/安检已登记，单号 0101-01-AJ-\d{6}/));
    const no = (await text(saved)).replace('安检已登记，单号 ', '');

    // Listed among the hazards not rectified; its notice goes to the receipt printer.
    const hazards = await visible(page.getByTestId('hazards-table'));
    await visible(hazards.getByText(no));
    expect(await text(hazards)).toContain('胶管（软管）：胶管老化开裂');
    const printed = page.waitForResponse((r) => r.url().includes('/api/inspections.print'));
    await page.getByTestId(`notice-${no}`).click();
    expect((await printed).ok()).toBe(true);
    await visible(page.getByText('已送打印机').first());

    // The rectification, once: then it leaves the list.
    await page.getByTestId(`rectify-${no}`).click();
    await dialogOpened(/^登记隐患整改：/);
    await submitWith(/^登记隐患整改：/, 'rect-note', '已更换不锈钢波纹管', 'inspections.rectify');
    await visible(page.getByText('已登记整改完毕。'));
    await visible(hazards.getByText('没有未整改的隐患。'));
  });
});
