/**
 * The service desk end to end, in Chromium against `gasdesk serve --demo`: the clerk opens 服务台 with F7,
 * records a phone complaint from a caller not in the files, judges it 成立, hands it to 通气维修班, enters the
 * team's result, tells the customer and closes it (after which no button may change it), and records the 回访
 * from the queue; the start page lists the 回访 until it is done; an appointment is booked on the 预约 tab, its
 * slip's preview is the printer's reading of the same bytes, and a cancelled one offers no 改约.
 * Runtime: Node (drives the browser).
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousProblems } from './support/axe';
import { noDialog, text, visible, callOp } from './support/counter';
import { launchChromium, newPage, type Served, serveDemo } from './support/serve';

describe('the service desk in the browser', () => {
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

  /** Takes one step from the complaint's dialog: its button, the text, Enter (the last field submits). */
  async function step(name: string, button: string, said: string, done: string) {
    const detail = page.getByRole('dialog', { name: /^投诉 / });
    await (await visible(detail.getByTestId(button))).click();
    const form = await visible(page.getByRole('dialog', { name: new RegExp(`^${name}：`) }));
    const field = form.getByTestId('step-text');
    await field.fill(said);
    await field.press('Enter');
    await visible(page.getByText(done).first());
    await form.waitFor({ state: 'detached' });
  }

  it('records a phone complaint, hands it to 通气维修班, closes it with the result told, and the 回访 is done', async () => {
    await page.goto(served!.url);
    const username = await visible(page.getByLabel('登录名', { exact: true }));
    await username.fill('zhangli');
    await username.press('Enter');
    await page.keyboard.type('demo1234');
    await page.keyboard.press('Enter');
    await visible(page.getByTestId('home-service'));

    // F7 → 服务台; Alt+2 → 投诉跟踪; Enter in the empty customer box → a caller not in the files.
    await page.keyboard.press('F7');
    await visible(page.getByRole('heading', { name: '服务台' }));
    expect(await seriousProblems(page, '业务受理')).toEqual([]);
    await page.keyboard.press('Alt+2');
    const find = await visible(page.locator('#cmp-find'));
    await find.focus();
    await find.press('Enter');
    await (await visible(page.locator('#cmp-name'))).fill('赵美华');
    await page.locator('#cmp-phone').fill('13951238888');
    await page.locator('#cmp-address').fill('牛山街道翠湖观邸8栋1单元302');
    const form = page.getByTestId('complaint-form');
    await expect(form.getByRole('radio', { name: '电话' }).isChecked()).resolves.toBe(true);
    await page.locator('#cmp-category').click();
    await (await visible(page.getByTitle('安全隐患（漏气、异味）'))).click();
    await page.locator('#cmp-details').fill('厨房有燃气味，关阀后仍有');
    await page.locator('#cmp-details').press('Control+Enter');
    await visible(page.getByText(/投诉已登记，单号 0101-01-TS-\d{6}/));

    // The new complaint opens: 判定成立 → 转交通气维修班 → 处理结果 → 告知结案.
    const detail = await visible(page.getByRole('dialog', { name: /^投诉 0101-01-TS-/ }));
    const no = (await text(detail.locator('.ant-modal-title'))).replace('投诉 ', '');
    expect(await seriousProblems(page, '投诉')).toEqual([]);
    await step('判定投诉', 'step-judge', '经电话核实，确有异味', '已办理：判定成立。');
    await (await visible(detail.getByTestId('step-hand_over'))).click();
    const hand = await visible(page.getByRole('dialog', { name: /^转交班组：/ }));
    await hand.getByRole('radio', { name: '通气维修班' }).check();
    await hand.getByTestId('step-text').fill('请立即上门检漏');
    await hand.getByTestId('step-text').press('Enter');
    await visible(page.getByText('已办理：转办。').first());
    await hand.waitFor({ state: 'detached' });
    expect(await text(detail.getByTestId('complaint-detail'))).toContain('通气维修班');
    await step('登记处理结果', 'step-resolve', '更换灶前阀，检漏合格', '已办理：登记处理结果。');
    await step('告知客户并结案', 'step-close', '电话告知客户已更换灶前阀', '已办理：告知结果并结案。');
    await visible(detail.getByText('已结案的投诉不能再修改。'));
    expect(await detail.getByRole('button', { name: /判定|转交|处理结果|结案|跟踪/ }).count()).toBe(0);
    await page.keyboard.press('Escape');
    await noDialog(page);

    // 回访 (Alt+3): the closed complaint is queued; reached, 满意.
    await page.keyboard.press('Alt+3');
    const queue = await visible(page.getByTestId('followups-table'));
    await visible(queue.getByText(no));
    expect(await seriousProblems(page, '回访')).toEqual([]);
    await page.getByTestId(`followup-${no}`).click();
    const visit = await visible(page.getByRole('dialog', { name: `回访：投诉 ${no}` }));
    await visit.getByRole('radio', { name: '满意', exact: true }).check();
    await visit.getByTestId('followup-text').fill('客户表示满意');
    await visit.getByTestId('followup-text').press('Enter');
    await visible(page.getByText('回访已记录，谢谢。'));
    await visit.waitFor({ state: 'detached' });
    await visible(queue.getByText('没有待回访的投诉。'));

    // The start page: nothing overdue, nothing to follow up.
    await page.keyboard.press('F3');
    const home = await visible(page.getByTestId('home-service'));
    await visible(home.getByText('待回访 0 件'));
  });

  it('takes an acceptance for a caller not in the files and prints its 受理通知单', async () => {
    await page.keyboard.press('F7');
    await page.keyboard.press('Alt+1');
    const find = await visible(page.locator('#acc-find'));
    await find.focus();
    await find.press('Enter');
    await (await visible(page.locator('#acc-name'))).fill('钱志强');
    await page.locator('#acc-phone').fill('13951237777');
    await page.locator('#acc-type').click();
    await (await visible(page.getByTitle('安装热水器'))).click();
    await page.getByTestId('acceptance-form').getByRole('radio', { name: '窗口' }).check();
    await page.locator('#acc-asked').fill('新买燃气热水器，申请安装');
    await page.getByTestId('acceptance-form').getByRole('checkbox', { name: '户主身份证' }).check();
    await page.locator('#acc-next').fill('预约安装时间');
    await page.locator('#acc-next').press('Control+Enter');
    const last = await visible(page.getByTestId('acceptance-last'));
    expect(await text(last)).toMatch(/^0101-01-RS-\d{6}/);
    await last.getByTestId('acceptance-print').click();
    await visible(page.getByText('受理通知单已打印。'));
  });

  it('lets a 班长 add a business type, which the acceptance form then offers', async () => {
    await page.getByRole('button', { name: '退出登录' }).click();
    const username = await visible(page.getByLabel('登录名', { exact: true }));
    await username.fill('liuqiang');
    await username.press('Enter');
    await page.keyboard.type('demo1234');
    await page.keyboard.press('Enter');
    await visible(page.locator('header').getByText('刘强'));
    await page.keyboard.press('F7');
    await visible(page.getByRole('heading', { name: '服务台' }));
    await page.keyboard.press('Alt+8');
    await (await visible(page.getByTestId('type-new'))).click();
    const dialog = await visible(page.getByRole('dialog', { name: '新增业务类型' }));
    await dialog.getByLabel('代码').fill('ZQ');
    await dialog.getByLabel('名称').fill('置换通气');
    await dialog.getByLabel('请客户准备').fill('灶具、电池、软管；通气当日家中留人');
    await dialog.getByLabel('请客户准备').press('Control+Enter');
    await dialog.waitFor({ state: 'detached' });
    await visible(page.getByRole('cell', { name: '置换通气' }), 15_000);
    await page.keyboard.press('Alt+1');
    await page.locator('#acc-type').click();
    await page.keyboard.type('置换');
    await visible(page.getByTitle('置换通气'));
    await page.keyboard.press('Escape');
  });

  it('books an appointment (Alt+4) for a caller not in the files and prints its slip, the preview the printer’s', async () => {
    // Still 刘强 (a 班长 books too). Two days ahead: a slot that has not ended in any time zone.
    const d = new Date(Date.now() + 2 * 86_400_000);
    const date = d.toISOString().slice(0, 10);
    await page.keyboard.press('F7');
    await page.keyboard.press('Alt+4');
    const find = await visible(page.locator('#appt-find'));
    await find.focus();
    await find.press('Enter');
    await (await visible(page.locator('#appt-name'))).fill('孙丽娟');
    await page.locator('#appt-phone').fill('13951236666');
    await page.locator('#appt-address').fill('牛山街道翠湖观邸2栋3单元601');
    const form = page.getByTestId('appointment-form');
    await form.getByRole('radio', { name: '通气' }).check();
    await page.locator('#appt-date').fill(date);
    await form.getByRole('radio', { name: /^下午/ }).check();
    await page.locator('#appt-notes').fill('新装灶具');
    await page.locator('#appt-notes').press('Control+Enter');
    await visible(page.getByText(/已预约，预约单号 0101-01-YY-\d{6}/));
    const last = await visible(page.getByTestId('appointment-last'));
    const no = (await text(last.locator('strong'))).trim();
    expect(no).toMatch(/^0101-01-YY-\d{6}$/);
    // The slip's preview is the printer's reading of its bytes, reminders included.
    const paper = await visible(last.getByTestId('receipt-paper'));
    await visible(paper.getByText('预约上门通知单'));
    const shown = (await paper.locator('.paper-line').allTextContents()).map((l) =>
      l.replace(/\u00a0/g, ' ').trim(),
    );
    const list = await call('appointments.list', { date, team: 'install' });
    const id = list.items.find((x: { no: string }) => x.no === no).id;
    const model = (await call('appointments.preview', { id })).receipt as {
      elements: { kind: string; segments?: { text: string }[] }[];
    };
    const printed = model.elements
      .filter((e) => e.kind === 'line')
      .map((e) =>
        e
          .segments!.map((x) => x.text)
          .join('')
          .trim(),
      );
    // Two previews a moment apart: the same paper but for the second its print time may have reached.
    const at = (lines: string[]) => lines.map((l) => l.replace(/^(打印时间) .+$/, '$1 …'));
    expect(at(shown)).toEqual(at(printed));
    expect(shown.join('')).toContain('灶具、电池、软管');
    await last.getByTestId('appointment-print').click();
    await visible(page.getByText('已送打印机'));
    // The day's list shows it; cancelling asks a reason and leaves it 已取消.
    await page.locator('#appt-day').fill(date);
    const row = await visible(
      page.getByTestId('appointment-list').getByRole('row', { name: new RegExp(no) }),
    );
    await row.getByRole('button', { name: '取消预约' }).click();
    const dialog = await visible(page.getByRole('dialog', { name: new RegExp(`取消预约 ${no}`) }));
    await dialog.locator('#appt-step-reason').fill('客户改期再约');
    await dialog.getByRole('button', { name: '确定' }).click();
    await dialog.waitFor({ state: 'detached' });
    await visible(row.getByText('已取消'));
    expect(await row.getByRole('button', { name: '改约' }).count()).toBe(0);
  });
});
