/**
 * Head office's console in Chromium against `gasdesk server` (its own process): an administrator signs in
 * (a wrong password said so first), registers a hall and a counter, the counter enrols with the one-time code
 * the console showed, and the administrator resolves a conflict two counters made (in their own name) and
 * finds the operation head office quarantined with its reason; a read-only user sees no writing buttons.
 * Runtime: Node (drives the browser).
 */
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Customer } from '../../core/contract';
import { uuidv7 } from '../../core/ids';
import { mulberry32 } from '../../services/setup/fake-households';
import { customerFile, gasSale, openShift } from '../sim/payloads';
import { tempDir } from '../support/app';
import { freshPostgres, publishDemoCatalogue } from '../support/head-office';
import { type HeadOfficeProcess, spawnHeadOffice } from '../support/head-office-process';
import { op, ScriptedCounter } from '../support/scripted-counter';
import { seriousProblems } from './support/axe';
import { text, visible } from './support/counter';
import { launchChromium, newPage } from './support/serve';

const PASSWORD = 'Zongbu2026pass';

describe('head office’s console', () => {
  let ho: HeadOfficeProcess;
  let drop: (() => Promise<void>) | undefined;
  let browser: Browser | undefined;
  let page: Page;
  /** What the console's CSP refused (the charts must need no eval nor anything else it forbids). */
  const refusedByCsp: string[] = [];

  beforeAll(async () => {
    const pg = await freshPostgres();
    drop = pg?.drop;
    ho = await spawnHeadOffice(pg ? { url: pg.url } : { dataDir: tempDir() });
    for (const [username, displayName, role] of [
      ['wangjing', '王静', 'admin'],
      ['qianyu', '钱宇', 'readonly'],
    ] as const)
      await ho.admin('POST', '/admin/console-users', { username, displayName, role, password: PASSWORD });
    browser = await launchChromium();
    page = await newPage(browser);
    page.on('console', (m) => {
      if (/Content Security Policy|unsafe-eval/i.test(m.text())) refusedByCsp.push(m.text());
    });
  });

  afterAll(async () => {
    await browser?.close();
    await ho?.stop();
    await drop?.();
  });

  const field = (name: string) => page.getByLabel(name, { exact: true });
  const dialog = (name: string) => page.getByRole('dialog', { name });

  async function signIn(username: string, password: string) {
    await page.goto(`${ho.url}/console/`);
    await visible(page.getByRole('main', { name: '登录' }));
    await field('登录名').fill(username);
    await field('密码').fill(password);
    await field('密码').press('Enter');
  }

  it('signs in, registers a hall and a counter, and the counter enrols with the code shown', async () => {
    await signIn('wangjing', 'Wrong-password-1');
    await visible(page.getByRole('alert').filter({ hasText: '登录名或密码不正确' }));
    await field('密码').fill(PASSWORD);
    await field('密码').press('Enter');
    expect(await text(page.getByTestId('console-user'))).toBe('王静（管理员）');
    expect(await seriousProblems(page, 'console halls')).toEqual([]);

    await page.getByRole('button', { name: '新建网点' }).click();
    await field('网点编号（4 位数字）').fill('0101');
    await field('网点名称').fill('城东营业厅');
    await field('网点名称').press('Enter');
    const halls = page.getByRole('table', { name: '网点' });
    await visible(halls.locator('tr', { hasText: '城东营业厅' }));

    await halls.locator('tr', { hasText: '城东营业厅' }).getByRole('button', { name: '新建柜台' }).click();
    await field('柜台编号（2 位数字）').fill('01');
    await field('柜台名称').fill('1号窗口');
    await field('柜台名称').press('Enter');
    const code = (await text(page.getByTestId('enrollment-code').locator('strong'))).trim();
    expect(code).toMatch(/^\S{6,}$/);
    await page.keyboard.press('Escape');
    const counters = page.getByRole('table', { name: '柜台' });
    await expect.poll(() => counters.locator('tr', { hasText: '0101-01' }).textContent()).toContain('待登记');

    await ScriptedCounter.enroll(ho, '0101', '01', code);
    await page.getByRole('menuitem', { name: '隔离与冲突' }).click();
    await page.getByRole('menuitem', { name: '网点与柜台' }).click();
    await expect.poll(() => counters.locator('tr', { hasText: '0101-01' }).textContent()).toContain('在用');
  });

  it('resolves two counters’ conflict in the administrator’s name and lists the quarantined operation', async () => {
    const rand = mulberry32(22);
    const a = await ScriptedCounter.enroll(ho, '0101', '02');
    const b = await ScriptedCounter.enroll(ho, '0101', '03');
    const c = await ScriptedCounter.enroll(ho, '0202', '01');
    const file: Customer = customerFile(
      rand,
      1,
      uuidv7(Date.now()),
      '010102000001',
      new Date(a.clockMs).toISOString(),
    );
    const sized = (n: number) =>
      op('customer.updated', {
        id: file.id,
        version: 2,
        changes: { householdSize: n },
        reason: '户籍人口变化',
        customer: { ...file, householdSize: n, version: 2 },
      });
    await a.push([op('customer.opened', file), sized(7)]);
    const second = await b.push([sized(8)]);
    expect(second.quarantined).toEqual([]);
    expect((await ho.admin('GET', '/admin/conflicts')).conflicts).toMatchObject([{ field: 'householdSize' }]);
    const forged = await c.push([
      op('customer.updated', {
        id: file.id,
        version: 2,
        changes: { phone: '13900000009' },
        reason: '来电',
        customer: { ...file, phone: '13900000009', version: 2 },
      }),
    ]);
    expect(forged.quarantined).toHaveLength(1);

    await page.getByRole('menuitem', { name: '隔离与冲突' }).click();
    const conflicts = page.getByRole('table', { name: '冲突' });
    const row = conflicts.locator('tr', { hasText: 'householdSize' });
    await row.getByRole('button', { name: '处理' }).click();
    const resolve = await visible(dialog(`处理冲突：customer ${file.id}`));
    await resolve.getByLabel('采用柜台新值').check();
    await field('处理说明').fill('核对户口本为 8 人');
    await field('处理说明').press('Enter');
    await expect.poll(() => row.textContent()).toContain('采用新值（王静（wangjing）：核对户口本为 8 人）');

    await page.getByRole('tab', { name: /隔离的流水/ }).click();
    const quarantined = page.getByRole('table', { name: '隔离的流水' });
    await expect.poll(() => quarantined.locator('tbody').textContent()).toContain(c.counterId);
    expect(await seriousProblems(page, 'console review')).toEqual([]);
  });

  /** Two counters of hall 0101 sell gas on two days of November: 10 + 25 m³ on the 3rd, 40 m³ on the 5th. */
  async function sellInNovember(): Promise<void> {
    const pv = (await publishDemoCatalogue(ho)).residential;
    const rand = mulberry32(7);
    for (const [code, sales] of [
      [
        '04',
        [
          ['2026-11-03', 1_000],
          ['2026-11-05', 4_000],
        ],
      ],
      ['05', [['2026-11-03', 2_500]]],
    ] as const) {
      const k = await ScriptedCounter.enroll(ho, '0101', code);
      const at = () => new Date(k.clockMs).toISOString();
      const customer = customerFile(rand, 1, uuidv7(Date.now()), `0101${code}000001`, at());
      const shift = uuidv7(Date.now());
      await k.push([
        op('customer.opened', customer),
        op('shift.opened', openShift(shift, k.operatorId, '2026-11-03', at())),
      ]);
      const pushed = await k.push(
        sales.map(([businessDate, volume], i) =>
          op(
            'sale.gasSold',
            gasSale({
              id: uuidv7(Date.now()),
              receiptNo: `R-${code}-${i}`,
              customerId: customer.id,
              shiftId: shift,
              operatorId: k.operatorId,
              priceVersionId: pv,
              businessDate,
              at: at(),
              volume,
            }),
          ),
        ),
      );
      expect(pushed.quarantined).toEqual([]);
    }
  }

  /** What a chart drew, read back from G2's scene once it has drawn. */
  async function drawn(title: string): Promise<{ label: string; value: number }[]> {
    const box = page.getByRole('figure', { name: title }).getByTestId('report-chart');
    await expect.poll(() => box.getAttribute('data-drawn')).toBe('true');
    return JSON.parse((await box.getAttribute('data-marks')) ?? '[]');
  }

  it('runs a hall’s month report with its charts and exports it: the .xlsx head office streams states the same report', async () => {
    await sellInNovember();
    await page.getByRole('menuitem', { name: '报表' }).click();
    await field('月份').fill('2026-11');
    const hall = page.getByRole('combobox', { name: '网点' });
    await hall.fill('0101');
    await visible(page.locator('.ant-select-item-option-active', { hasText: '0101 城东营业厅' }));
    await hall.press('Enter');
    await page.getByRole('button', { name: '查询' }).click();
    const filter = await text(page.getByTestId('report-filter'));
    expect(filter).toContain('0101');
    await visible(page.getByRole('table', { name: '按用气性质' }));
    // The charts drew the report's figures (m³ and 元), not a picture of nothing.
    expect(await drawn('售气量走势（按日）')).toEqual([
      { label: '2026-11-03', value: 35 },
      { label: '2026-11-05', value: 40 },
    ]);
    expect(await drawn('售气量占比（按用气性质）')).toEqual([{ label: '居民', value: 75 }]);
    expect(await drawn('售气量占比（按阶梯）')).toEqual([{ label: '第1阶梯', value: 75 }]);
    const byCounter = await drawn('各柜台售气金额');
    expect(byCounter.map((b) => b.label)).toEqual([
      expect.stringContaining('0101-04'),
      expect.stringContaining('0101-05'),
    ]);
    const amounts = page.getByRole('table', { name: '按柜台' }).locator('tbody tr');
    expect(await amounts.nth(0).textContent()).toContain(`￥${byCounter[0]!.value.toFixed(2)}`);
    expect(await seriousProblems(page, 'console report charts')).toEqual([]);
    expect(refusedByCsp).toEqual([]);
    // On paper (打印 → the browser's preview): the report and its charts, without the menu and the query form.
    await page.emulateMedia({ media: 'print' });
    expect(await page.getByRole('menu', { name: '页面' }).isVisible()).toBe(false);
    expect(await page.getByRole('button', { name: '查询' }).isVisible()).toBe(false);
    expect(await page.getByRole('figure', { name: '售气量走势（按日）' }).isVisible()).toBe(true);
    expect(await page.getByRole('table', { name: '按柜台' }).isVisible()).toBe(true);
    await page.emulateMedia({ media: 'screen' });
    if (process.env.GASDESK_SCREENSHOTS_DIR)
      await page.screenshot({
        path: `${process.env.GASDESK_SCREENSHOTS_DIR}/console-report-charts.png`,
        fullPage: true,
      });
    const href = await page.getByRole('link', { name: '导出 Excel' }).getAttribute('href');
    expect(href).toBe('/admin/reports/gas/export.xlsx?period=month&month=2026-11&hall=0101');
    const res = await page.request.get(`${ho.url}${href}`);
    expect(res.status()).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await res.body()) as unknown as Parameters<typeof book.xlsx.load>[0]);
    const cells = book.worksheets.flatMap((ws) =>
      ws.getSheetValues().flatMap((row) => (Array.isArray(row) ? row.map(String) : [])),
    );
    expect(cells.some((c) => c.includes(filter))).toBe(true);
  });

  it('runs the month’s usage analysis for the hall: the households that bought gas, none suspect without card reads', async () => {
    await page.getByRole('menuitem', { name: '用量分析' }).click();
    await field('月份').fill('2026-11');
    const hall = page.getByRole('combobox', { name: '网点' });
    await hall.fill('0101');
    await visible(page.locator('.ant-select-item-option-active', { hasText: '0101 城东营业厅' }));
    await hall.press('Enter');
    await page.getByRole('button', { name: '分析' }).click();
    expect(await text(page.getByTestId('usage-filter'))).toContain('营业厅 0101 城东营业厅 · 2026年11月');
    expect(await text(page.getByTestId('usage-summary'))).toBe(
      '分析 2 户，其中 0 户本月有完整读数；疑似异常 0 户',
    );
    const href = await page.getByRole('link', { name: '导出 Excel' }).getAttribute('href');
    expect(href).toBe('/admin/usage-analysis/export.xlsx?month=2026-11&hall=0101');
    // The hall's list has closed (a list still fading out is no part of the page to check).
    await expect
      .poll(() => page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)').count())
      .toBe(0);
    expect((await seriousProblems(page, 'console usage analysis')).join('\n')).toBe('');
  });

  it('shows a read-only user the lists without a writing button, and signs out', async () => {
    await page.getByRole('button', { name: '退出' }).click();
    await signIn('qianyu', PASSWORD);
    expect(await text(page.getByTestId('console-user'))).toBe('钱宇（只读）');
    await visible(page.getByRole('table', { name: '柜台' }).locator('tr', { hasText: '0101-01' }));
    expect(await page.getByRole('button', { name: '新建网点' }).count()).toBe(0);
    expect(await page.getByRole('menuitem', { name: '总部账号' }).count()).toBe(0);
    await page.getByRole('button', { name: '退出' }).click();
    await visible(page.getByRole('main', { name: '登录' }));
  });
});
