/**
 * The console's pages for head office's master data and records, in Chromium against `gasdesk server`: an
 * administrator reads the published prices and adds a fee item, adds a hall's clerk, finds a card a counter
 * issued and reports it lost, lists the service desk's records (reassigning a complaint and closing it), and
 * tries, imports and reverts a customers file; a hall manager sees their own hall's staff and cards only, adds a clerk there, and has neither the
 * import page nor the 挂失 button. Runtime: Node (drives the browser).
 */
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uuidv7 } from '../../core/ids';
import { mulberry32 } from '../../services/setup/fake-households';
import { customerFile } from '../sim/payloads';
import { tempDir } from '../support/app';
import { freshPostgres, publishDemoCatalogue } from '../support/head-office';
import { type HeadOfficeProcess, spawnHeadOffice } from '../support/head-office-process';
import { CUSTOMER_HEADER, customerRow, writeCsv } from '../support/import-files';
import { op, ScriptedCounter } from '../support/scripted-counter';
import { seriousProblems } from './support/axe';
import { text, visible } from './support/counter';
import { launchChromium, newPage } from './support/serve';

const PASSWORD = 'Zongbu2026pass';
const CARD = '0101010000000001';
const COMPLAINT_NO = '0101-01-TS-000001';
const APPOINTMENT_NO = '0101-01-YY-000001';

describe('the console’s master-data and record pages', () => {
  let ho: HeadOfficeProcess;
  let drop: (() => Promise<void>) | undefined;
  let browser: Browser | undefined;
  let page: Page;

  beforeAll(async () => {
    const pg = await freshPostgres();
    drop = pg?.drop;
    ho = await spawnHeadOffice(pg ? { url: pg.url } : { dataDir: tempDir() });
    await ho.admin('POST', '/admin/halls', { code: '0101', name: '城东营业厅' });
    await ho.admin('POST', '/admin/halls', { code: '0202', name: '城西营业厅' });
    await publishDemoCatalogue(ho);
    await ho.admin('POST', '/admin/halls/0202/staff', {
      username: 'xiwang',
      displayName: '城西收费员',
      roles: ['cashier'],
      password: 'demo12345',
    });
    for (const [username, displayName, role, halls] of [
      ['wangjing', '王静', 'admin', []],
      ['sunli', '孙丽', 'hall_manager', ['0101']],
    ] as const)
      await ho.admin('POST', '/admin/console-users', {
        username,
        displayName,
        role,
        halls,
        password: PASSWORD,
      });
    const k = await ScriptedCounter.enroll(ho, '0101', '01');
    const file = customerFile(mulberry32(3), 1, uuidv7(Date.now()), '010101000001', new Date().toISOString());
    const complaint = {
      id: uuidv7(Date.now()),
      no: COMPLAINT_NO,
      channel: 'phone' as const,
      customerId: file.id,
      accountNo: '010101000001',
      name: '侯珍洋',
      phone: '13900001234',
      address: '东风路 3 号',
      category: 'supply' as const,
      details: '小区气压低',
      dueAt: new Date(Date.now() + 86_400_000).toISOString(),
    };
    const appointment = {
      id: uuidv7(Date.now()),
      no: APPOINTMENT_NO,
      kind: 'repair' as const,
      customerId: file.id,
      accountNo: '010101000001',
      name: '侯珍洋',
      phone: '13900001234',
      address: '东风路 3 号',
      notes: '',
      date: new Date(Date.now() + 86_400_000).toISOString().slice(0, 10),
      slot: 'am' as const,
      team: 'repair' as const,
    };
    await k.push([
      op('customer.opened', file),
      op('appointment.booked', appointment),
      op('card.issued', { customerId: file.id, cardNo: CARD, formatId: 'ref-v1', region: 101 }),
      op('complaint.recorded', complaint),
      // Step types are typed as a group (core/sync/ops/service-ops.ts): the payload is the contract's complaintStep.
      op('complaint.judged', {
        complaintId: complaint.id,
        stepNo: 1,
        action: 'judge_justified',
        statusAfter: 'justified',
        team: null,
        text: '属实',
      } as never),
    ]);
    browser = await launchChromium();
    page = await newPage(browser);
  });

  afterAll(async () => {
    await browser?.close();
    await ho?.stop();
    await drop?.();
  });

  const field = (name: string) => page.getByLabel(name, { exact: true });
  const menu = (name: string) => page.getByRole('menuitem', { name }).click();
  const rows = (table: string) => page.getByRole('table', { name: table }).locator('tbody');
  /** Head office answered and the dialog closed (a password is hashed there: slow on a busy machine). */
  const closed = (name: string) => page.getByRole('dialog', { name }).waitFor({ state: 'detached' });

  async function signIn(username: string) {
    await page.goto(`${ho.url}/console/`);
    await visible(page.getByRole('main', { name: '登录' }));
    await field('登录名').fill(username);
    await field('密码').fill(PASSWORD);
    await field('密码').press('Enter');
    await visible(page.getByTestId('console-user'));
  }

  async function pickHall(code: string) {
    const hall = page.getByRole('combobox', { name: '网点' });
    await hall.fill(code);
    await visible(page.locator('.ant-select-item-option-active', { hasText: code }));
    await hall.press('Enter');
  }

  it('shows the published prices and limits, and adds a fee item', async () => {
    await signIn('wangjing');
    await menu('气价与收费');
    await expect.poll(() => rows('气价版本').locator('tr').count()).toBe(4);
    expect(await rows('气价版本').textContent()).toContain('居民');
    await page.getByRole('button', { name: '发布气价版本' }).click();
    const publish = page.getByRole('dialog', { name: '发布气价版本' });
    await publish.getByRole('combobox', { name: '用气性质' }).fill('商业');
    await publish.getByRole('combobox', { name: '用气性质' }).press('Enter');
    await field('生效日期').fill('2027-01-01');
    await field('单价（元/m³）').fill('3.80');
    await field('调价说明').fill('商业用气调价');
    await field('调价说明').press('Enter');
    await closed('发布气价版本');
    const commercial = rows('气价版本').locator('tr', { hasText: '2027-01-01' });
    await expect.poll(() => commercial.textContent()).toContain('3.80 元/m³');
    expect(await commercial.textContent()).toContain('商业');
    await page.getByRole('tab', { name: '收费项目' }).click();
    await page.getByRole('button', { name: '新建收费项目' }).click();
    await field('项目代码').fill('GAS_ALARM');
    await field('项目名称').fill('安装燃气报警器');
    await field('金额（元）').fill('180.00');
    await field('金额（元）').press('Enter');
    await closed('新建收费项目');
    await expect.poll(() => rows('收费项目').textContent()).toContain('安装燃气报警器');
    expect(await rows('收费项目').locator('tr', { hasText: 'GAS_ALARM' }).textContent()).toContain(
      '￥180.00',
    );
    await page.getByRole('tab', { name: '限购规定' }).click();
    await expect.poll(() => rows('限购规定').textContent()).toContain('300.00 m³');
    expect(await seriousProblems(page, 'console master data')).toEqual([]);
  });

  it('adds a hall’s clerk, reports a card lost and lists the service desk’s records', async () => {
    await menu('营业厅员工');
    await expect.poll(() => rows('员工').textContent()).toContain('城西收费员');
    await pickHall('0101');
    await page.getByRole('button', { name: '新建员工' }).click();
    await field('登录名').fill('dongli');
    await field('姓名').fill('董力');
    await field('初始密码').fill('demo12345');
    await field('初始密码').press('Enter');
    await closed('新建员工（网点 0101）');
    await expect.poll(() => rows('员工').textContent()).toContain('董力');
    expect(await rows('员工').textContent()).not.toContain('城西收费员');

    await menu('燃气卡');
    const card = rows('燃气卡').locator('tr', { hasText: CARD });
    await expect.poll(() => card.textContent()).toContain('在用');
    await card.getByRole('button', { name: '挂失' }).click();
    await field('挂失原因').fill('用户来电称卡丢失');
    await field('挂失原因').press('Enter');
    await closed(`挂失燃气卡 ${CARD}`);
    await expect.poll(() => card.textContent()).toContain('已挂失');
    expect(await card.textContent()).toContain('用户来电称卡丢失');

    await menu('服务台记录');
    await visible(page.getByRole('table', { name: '服务台记录' }));
    expect(await seriousProblems(page, 'console cards and records')).toEqual([]);
    // 改派 then 结案: each a head-office step; a closed complaint offers neither again.
    const complaint = rows('服务台记录').locator('tr', { hasText: COMPLAINT_NO });
    await expect.poll(() => complaint.textContent()).toContain('成立待转办');
    await complaint.getByRole('button', { name: '改派' }).click();
    const reassign = page.getByRole('dialog', { name: `总部改派：投诉 ${COMPLAINT_NO}` });
    await reassign.getByLabel('改派给').click();
    await (await visible(page.getByTitle('通气维修班'))).click();
    await field('原因').fill('实为立管漏点');
    await field('原因').press('Enter');
    await closed(`总部改派：投诉 ${COMPLAINT_NO}`);
    await complaint.getByRole('button', { name: '结案' }).click();
    await field('原因').fill('已由总部电话答复');
    await field('原因').press('Enter');
    await closed(`总部结案：投诉 ${COMPLAINT_NO}`);
    await expect.poll(() => complaint.textContent()).toContain('已结案');
    expect(await complaint.getByRole('button').count()).toBe(0);
    const held = (await ho.admin('GET', '/admin/service-records?hall=0101&kind=complaint')) as {
      records: { no: string; data: { hoSteps: { action: string; team: string | null }[] } }[];
    };
    expect(
      held.records.find((r) => r.no === COMPLAINT_NO)!.data.hoSteps.map((h) => [h.action, h.team]),
    ).toEqual([
      ['reassign', 'repair'],
      ['close', null],
    ]);

    // An appointment: 改派 to another field team, then 取消 (its close), each a head-office step.
    const visit = rows('服务台记录').locator('tr', { hasText: APPOINTMENT_NO });
    await expect.poll(() => visit.textContent()).toContain('已预约');
    await visit.getByRole('button', { name: '改派' }).click();
    await page
      .getByRole('dialog', { name: `总部改派：预约 ${APPOINTMENT_NO}` })
      .getByLabel('改派给')
      .click();
    await (await visible(page.getByTitle('安装队'))).click();
    await field('原因').fill('需改管');
    await field('原因').press('Enter');
    await closed(`总部改派：预约 ${APPOINTMENT_NO}`);
    await visit.getByRole('button', { name: '取消' }).click();
    await field('原因').fill('客户来电取消');
    await field('原因').press('Enter');
    await closed(`总部取消：预约 ${APPOINTMENT_NO}`);
    await expect.poll(() => visit.textContent()).toContain('已取消');
    expect(await visit.getByRole('button').count()).toBe(0);
    const appts = (await ho.admin('GET', '/admin/service-records?hall=0101&kind=appointment')) as {
      records: { no: string; data: { hoSteps: { action: string; team: string | null }[] } }[];
    };
    expect(
      appts.records.find((r) => r.no === APPOINTMENT_NO)!.data.hoSteps.map((h) => [h.action, h.team]),
    ).toEqual([
      ['reassign', 'install'],
      ['close', null],
    ]);
  });

  it('tries a customers file, imports it, shows the batch and reverts it', async () => {
    const dir = tempDir();
    const path = join(dir, '客户.csv');
    writeCsv(path, [CUSTOMER_HEADER, customerRow(11), customerRow(12), [...customerRow(13)].fill('', 2, 3)]);
    await menu('数据导入');
    await pickHall('0101');
    await page.getByLabel('导入文件').setInputFiles(path);
    await page.getByRole('button', { name: '试导入' }).click();
    expect(await text(page.getByTestId('dry-run').locator('span').first())).toContain('共 3 行，可导入 2 行');
    await expect.poll(() => rows('错误明细').locator('tr').count()).toBeGreaterThan(0);
    await page.getByLabel('跳过错误行').check();
    await page.getByRole('button', { name: '导入', exact: true }).click();
    const shown = page.getByRole('dialog', { name: '导入批次 客户.csv', exact: true });
    await visible(shown);
    await expect.poll(() => shown.textContent()).toContain('新建2');
    await shown.getByRole('button', { name: '关闭', exact: true }).click();
    await expect.poll(() => shown.count()).toBe(0);
    const batch = rows('导入批次').locator('tr', { hasText: '用户档案' });
    await expect.poll(() => batch.textContent()).toContain('已完成');
    await batch.getByRole('button', { name: '撤销' }).click();
    await page
      .getByRole('dialog', { name: '撤销导入批次 客户.csv？' })
      .getByRole('button', { name: '撤销' })
      .click();
    // exact: '撤销导入批次 客户.csv？', the question closing, holds the same words.
    const undone = page.getByRole('dialog', { name: '导入批次 客户.csv', exact: true });
    await expect.poll(() => undone.textContent()).toContain('撤销导入');
    await undone.getByRole('button', { name: '关闭', exact: true }).click();
    await expect.poll(() => undone.count()).toBe(0);
    await expect.poll(() => batch.textContent()).toContain('已撤销');
    expect(await rows('导入批次').locator('tr', { hasText: '撤销导入' }).count()).toBe(1);
  });

  it('shows a hall manager their own hall only, with no import page and no 挂失', async () => {
    await page.getByRole('button', { name: '退出' }).click();
    await visible(page.getByRole('main', { name: '登录' }));
    await signIn('sunli');
    expect(await page.getByRole('menuitem', { name: '数据导入' }).count()).toBe(0);
    await menu('营业厅员工');
    await expect.poll(() => rows('员工').textContent()).toContain('董力');
    expect(await rows('员工').textContent()).not.toContain('城西收费员');
    await page.getByRole('button', { name: '新建员工' }).click();
    await field('登录名').fill('sunclerk');
    await field('姓名').fill('孙小');
    await field('初始密码').fill('demo12345');
    await field('初始密码').press('Enter');
    await closed('新建员工（网点 0101）');
    await expect.poll(() => rows('员工').textContent()).toContain('孙小');
    await menu('燃气卡');
    await expect.poll(() => rows('燃气卡').textContent()).toContain(CARD);
    expect(await page.getByRole('button', { name: '挂失' }).count()).toBe(0);
    await menu('气价与收费');
    await expect.poll(() => rows('气价版本').locator('tr').count()).toBe(5);
    expect(await page.getByRole('button', { name: '发布气价版本' }).count()).toBe(0);
  });
});
