/**
 * Screenshots of head office's console at 1366×768, for the head-office guide (docs/screenshots/console-*.png),
 * in Chromium against `gasdesk server` holding a month of a hall: two households bought gas at two counters,
 * card reads brought back one meter's leak alarm and another's cumulative going backwards, two counters made a
 * conflict, a third hall's counter an operation head office quarantined, and the service desk a complaint. The
 * administrator signs in and goes through 网点与柜台, 报表 (the month with its charts), 隔离与冲突, 燃气用量分析
 * — where the two suspects are listed and 开工单 on the leaking meter sends it to its hall (已发营业厅, and head
 * office lists the request) — and 服务台记录. Each page is checked with axe and for text cut or numbers
 * broken (support/overflow.ts) before its picture is taken.
 * Runtime: Node (drives the browser).
 */
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
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
import { cutText } from './support/overflow';
import { text, visible } from './support/counter';
import { launchChromium, newPage } from './support/serve';

/** out/screenshots/ on every run; docs/screenshots/ with `npm run screenshots`. */
const OUT = fileURLToPath(
  new URL(`../../${process.env.GASDESK_SCREENSHOTS_DIR ?? 'out/screenshots'}/`, import.meta.url),
);
mkdirSync(OUT, { recursive: true });
const PASSWORD = 'Zongbu2026pass';
const MONTH = '2026-11';
const COMPLAINT_NO = '0101-01-TS-000001';
/** A meter's read in November 2026 at 10:00 in the hall's zone (UTC+8), unix seconds. */
const nov = (day: number) => Date.UTC(2026, 10, day, 2) / 1000;
const oct = (day: number) => Date.UTC(2026, 9, day, 2) / 1000;

interface Household {
  readonly account: string;
  readonly card: string;
  /** [read time, cumulative use in 0.01 m³, leak alarm]. */
  readonly reads: readonly [number, number, boolean][];
  /** [business day, 0.01 m³]. */
  readonly sales: readonly [string, number][];
}

const LEAKING = '010101000001';
const BACKWARDS = '010101000002';
const HOUSEHOLDS: readonly Household[] = [
  {
    account: LEAKING,
    card: '0101010000000001',
    reads: [
      [oct(8), 1_200_00, false],
      [nov(12), 1_230_00, true],
    ],
    sales: [
      ['2026-11-03', 30_00],
      ['2026-11-17', 45_00],
    ],
  },
  {
    account: BACKWARDS,
    card: '0101010000000002',
    reads: [
      [oct(9), 2_400_00, false],
      [nov(14), 1_900_00, false],
    ],
    sales: [['2026-11-05', 60_00]],
  },
  {
    account: '010101000003',
    card: '0101010000000003',
    reads: [
      [oct(10), 800_00, false],
      [nov(10), 826_00, false],
    ],
    sales: [
      ['2026-11-10', 25_00],
      ['2026-11-24', 20_00],
    ],
  },
];

describe('screenshots of the console', () => {
  let ho: HeadOfficeProcess;
  let drop: (() => Promise<void>) | undefined;
  let browser: Browser | undefined;
  let page: Page;

  /** A month of hall 0101 at two counters: the households' files, cards, card reads and sales. */
  async function seedMonth(): Promise<void> {
    const pv = (await publishDemoCatalogue(ho)).residential;
    const rand = mulberry32(11);
    const k1 = await ScriptedCounter.enroll(ho, '0101', '01');
    const k2 = await ScriptedCounter.enroll(ho, '0101', '02');
    const shifts = new Map<ScriptedCounter, string>();
    for (const k of [k1, k2]) {
      const shift = uuidv7(Date.now());
      shifts.set(k, shift);
      await k.push([
        op('shift.opened', openShift(shift, k.operatorId, '2026-11-01', new Date(k.clockMs).toISOString())),
      ]);
    }
    for (const [i, h] of HOUSEHOLDS.entries()) {
      const id = uuidv7(Date.now());
      const at = new Date(k1.clockMs).toISOString();
      const reads = h.reads.map(([readAt, cumulativeUsed, leakAlarm], n) =>
        op('meter.reading', {
          customerId: id,
          cardNo: h.card,
          meterNo: `M-${h.account}`,
          loadedCount: n + 1,
          remaining: 0,
          cumulativeUsed,
          status: { valveClosed: false, lowBattery: false, tamper: false, leakAlarm },
          readAt,
        }),
      );
      const opened = await k1.push([
        op('customer.opened', customerFile(rand, i + 1, id, h.account, at)),
        op('card.issued', { customerId: id, cardNo: h.card, formatId: 'ref-v1', region: 101 }),
        ...reads,
      ]);
      expect(opened.quarantined).toEqual([]);
      // The first household buys at window 01, the others at window 02: the report compares the counters.
      const k = i === 0 ? k1 : k2;
      const sold = await k.push(
        h.sales.map(([businessDate, volume], n) =>
          op(
            'sale.gasSold',
            gasSale({
              id: uuidv7(Date.now()),
              receiptNo: `R-${h.account}-${n}`,
              customerId: id,
              shiftId: shifts.get(k)!,
              operatorId: k.operatorId,
              priceVersionId: pv,
              businessDate,
              at: new Date(k.clockMs).toISOString(),
              volume,
            }),
          ),
        ),
      );
      expect(sold.quarantined).toEqual([]);
    }
    const complaint = {
      id: uuidv7(Date.now()),
      no: COMPLAINT_NO,
      channel: 'phone' as const,
      customerId: null,
      accountNo: LEAKING,
      name: '侯珍洋',
      phone: '13900001234',
      address: '东风路 3 号',
      category: 'supply' as const,
      details: '小区气压低',
      dueAt: new Date(Date.now() + 86_400_000).toISOString(),
    };
    const judged = await k1.push([
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
    expect(judged.quarantined).toEqual([]);
  }

  /** Two counters of 0101 change one household's size (a conflict); a counter of 0202 edits it (quarantined). */
  async function seedConflict(): Promise<void> {
    const a = await ScriptedCounter.enroll(ho, '0101', '03');
    const b = await ScriptedCounter.enroll(ho, '0101', '04');
    const c = await ScriptedCounter.enroll(ho, '0202', '01');
    const file: Customer = customerFile(
      mulberry32(22),
      9,
      uuidv7(Date.now()),
      '010103000001',
      new Date(a.clockMs).toISOString(),
    );
    const edit = (changes: { householdSize?: number; phone?: string }, reason: string) =>
      op('customer.updated', {
        id: file.id,
        version: 2,
        changes,
        reason,
        customer: { ...file, ...changes, version: 2 },
      });
    await a.push([op('customer.opened', file), edit({ householdSize: 5 }, '户籍人口变化')]);
    expect((await b.push([edit({ householdSize: 6 }, '户籍人口变化')])).quarantined).toEqual([]);
    expect((await c.push([edit({ phone: '13900000009' }, '来电')])).quarantined).toHaveLength(1);
  }

  beforeAll(async () => {
    const pg = await freshPostgres();
    drop = pg?.drop;
    ho = await spawnHeadOffice(pg ? { url: pg.url } : { dataDir: tempDir() });
    await ho.admin('POST', '/admin/halls', { code: '0101', name: '城东营业厅' });
    await ho.admin('POST', '/admin/halls', { code: '0202', name: '城西营业厅' });
    await ho.admin('POST', '/admin/console-users', {
      username: 'wangjing',
      displayName: '王静',
      role: 'admin',
      password: PASSWORD,
    });
    await seedMonth();
    await seedConflict();
    browser = await launchChromium();
    page = await newPage(browser);
    await page.setViewportSize({ width: 1366, height: 768 });
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await ho?.stop();
    await drop?.();
  });

  const field = (name: string) => page.getByLabel(name, { exact: true });
  const menu = (name: string) => page.getByRole('menuitem', { name }).click();
  const rows = (table: string) => page.getByRole('table', { name: table }).locator('tbody');

  /** Checks the settled page with axe, then saves it (the whole page when it is taller than the window). */
  async function shot(name: string, fullPage = false): Promise<void> {
    await page.mouse.move(0, 0);
    expect(await seriousProblems(page, name)).toEqual([]);
    // No text cut by an ellipsis or a clipping box, no number broken across lines (support/overflow.ts).
    expect(await cutText(page, name)).toEqual([]);
    await page.screenshot({ path: `${OUT}${name}.png`, fullPage });
  }

  async function pickHall(code: string) {
    const hall = page.getByRole('combobox', { name: '网点' });
    await hall.fill(code);
    await visible(page.locator('.ant-select-item-option-active', { hasText: code }));
    await hall.press('Enter');
    await expect
      .poll(() => page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)').count())
      .toBe(0);
  }

  it('signs in and shows the halls and counters', async () => {
    await page.goto(`${ho.url}/console/`);
    // Pictures without the passing notices, which would cover the header.
    await page.addStyleTag({ content: '.ant-message { display: none !important; }' });
    await visible(page.getByRole('main', { name: '登录' }));
    await field('登录名').fill('wangjing');
    await field('密码').fill(PASSWORD);
    await shot('console-login');
    await field('密码').press('Enter');
    expect(await text(page.getByTestId('console-user'))).toBe('王静（管理员）');
    const counters = rows('柜台');
    await expect.poll(() => counters.locator('tr').count()).toBe(5);
    expect(await counters.locator('tr', { hasText: '0101-01' }).textContent()).toContain('在用');
    await shot('console-halls');
  });

  it('shows the hall’s month report with its charts', async () => {
    await menu('报表');
    await field('月份').fill(MONTH);
    await pickHall('0101');
    await page.getByRole('button', { name: '查询' }).click();
    await visible(page.getByRole('table', { name: '按用气性质' }));
    for (const title of ['售气量走势（按日）', '售气量占比（按用气性质）', '各柜台售气金额']) {
      const chart = page.getByRole('figure', { name: title }).getByTestId('report-chart');
      await expect.poll(() => chart.getAttribute('data-drawn')).toBe('true');
    }
    const trend = page.getByRole('figure', { name: '售气量走势（按日）' }).getByTestId('report-chart');
    const days = JSON.parse((await trend.getAttribute('data-marks')) ?? '[]') as { label: string }[];
    expect(days.map((d) => d.label)).toEqual([
      '2026-11-03',
      '2026-11-05',
      '2026-11-10',
      '2026-11-17',
      '2026-11-24',
    ]);
    await shot('console-reports', true);
  });

  it('shows the conflict and the quarantined operation', async () => {
    await menu('隔离与冲突');
    await expect.poll(() => rows('冲突').textContent()).toContain('householdSize');
    await shot('console-review');
    await page.getByRole('tab', { name: /隔离的流水/ }).click();
    await expect.poll(() => rows('隔离的流水').locator('tr').count()).toBe(1);
    await shot('console-quarantine');
  });

  it('lists the month’s suspect meters; 开工单 on the leaking one sends it to its hall', async () => {
    await menu('用量分析');
    await field('月份').fill(MONTH);
    await pickHall('0101');
    await page.getByRole('button', { name: '分析' }).click();
    expect(await text(page.getByTestId('usage-summary'))).toBe(
      '分析 3 户，其中 2 户本月有完整读数；疑似异常 2 户',
    );
    const suspects = rows('疑似异常表具');
    const leaking = suspects.locator('tr', { hasText: LEAKING });
    expect(await leaking.textContent()).toContain('表具报警：泄漏');
    expect(await suspects.locator('tr', { hasText: BACKWARDS }).textContent()).toContain('累计倒退');
    await leaking.getByRole('button', { name: `开工单：户号 ${LEAKING}` }).click();
    await visible(leaking.getByText('已发营业厅', { exact: true }));
    expect(await leaking.getByRole('button').count()).toBe(0);
    const sent = await ho.admin('GET', `/admin/usage-referrals?hall=0101&month=${MONTH}`);
    const referrals = sent.referrals as {
      accountNo?: string;
      description: string;
      workOrderNo: string | null;
    }[];
    expect(referrals).toHaveLength(1);
    expect(referrals[0]!.description).toContain('表具报警：泄漏');
    expect(referrals[0]!.workOrderNo).toBeNull();
    // The other suspect still offers its own.
    await visible(suspects.getByRole('button', { name: `开工单：户号 ${BACKWARDS}` }));
    await shot('console-usage', true);
  });

  it('lists the service desk’s records', async () => {
    await menu('服务台记录');
    const complaint = rows('服务台记录').locator('tr', { hasText: COMPLAINT_NO });
    await expect.poll(() => complaint.textContent()).toContain('成立待转办');
    // What the complaint is about, as the counter recorded it.
    expect(await complaint.textContent()).toContain('小区气压低');
    await shot('console-service');
  });
});
