/**
 * 燃气用量分析 (core/usage, server/usage) over a seeded year of households (tests/support/usage-sim.ts) in
 * which some meters were made suspect in known ways: the analysis flags exactly the anomalies injected, and
 * no normal household (the false-positive rate stated: none of them, under 1%); then the same year pushed
 * by a counter to head office as it would be (openings, cards, card reads, sales): /admin/usage-analysis says
 * the same, its .xlsx opens back with exceljs, and bad thresholds or months are refused in Chinese.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uuidv7 } from '../../core/ids';
import { analyseUsage, type UsageResult } from '../../core/usage/analyse';
import { DEFAULT_THRESHOLDS } from '../../core/usage/thresholds';
import { DEMO_PRICES } from '../../services/pricing/demo-catalogue';
import { mulberry32 } from '../../services/setup/fake-households';
import { customerFile, gasSale, openShift } from '../sim/payloads';
import { ADMIN_TOKEN, startHeadOffice, type TestHeadOffice } from '../support/head-office';
import { op, ScriptedCounter } from '../support/scripted-counter';
import { type Expected, SIM_MONTH, usageSim } from '../support/usage-sim';

const SEED = Number(process.env.GASDESK_SIM_SEED ?? 20261207);

/** account → the flag codes raised, for every household flagged. */
const flagged = (r: Pick<UsageResult, 'suspects'>) =>
  new Map(r.suspects.map((s) => [s.accountNo, new Set(s.flags.map((f) => f.code))]));

function expectExactly(r: Pick<UsageResult, 'suspects'>, expected: Expected) {
  const got = flagged(r);
  expect(Object.fromEntries([...got].map(([k, v]) => [k, [...v].sort()]))).toEqual(
    Object.fromEntries([...expected].map(([k, v]) => [k, [...v].sort()])),
  );
}

describe('燃气用量分析 over seeded households', () => {
  it.each([0, 1, 2, 3, 4])('flags exactly the injected anomalies and no normal household (seed +%i)', (k) => {
    const sim = usageSim(SEED + k, 300);
    const r = analyseUsage(SIM_MONTH, sim.households, sim.reads, sim.purchases, DEFAULT_THRESHOLDS);
    expectExactly(r, sim.expected);
    const falsePositives = r.suspects.filter((s) => !sim.expected.has(s.accountNo)).length;
    expect(falsePositives / (sim.households.length - sim.expected.size)).toBeLessThan(0.01);
    expect(r.households).toBe(300);
    // Every flag explains itself in Chinese, with its figures.
    for (const s of r.suspects)
      for (const f of s.flags) {
        expect(f.text).toMatch(/[\u4e00-\u9fff]/);
        expect(f.text).toMatch(/\d/);
      }
  });

  it('thresholds move the line: a lower factor for sudden rises finds more, a higher one none', () => {
    const sim = usageSim(SEED, 300);
    const run = (highFactor: number) =>
      analyseUsage(SIM_MONTH, sim.households, sim.reads, sim.purchases, {
        ...DEFAULT_THRESHOLDS,
        highFactor,
      }).suspects.filter((s) => s.flags.some((f) => f.code === 'high_vs_history')).length;
    expect(run(50)).toBe(0);
    expect(run(3)).toBe(2);
    const jumps = (jumpM3PerDay: number) =>
      analyseUsage(SIM_MONTH, sim.households, sim.reads, sim.purchases, {
        ...DEFAULT_THRESHOLDS,
        jumpM3PerDay,
      }).suspects.filter((s) => s.flags.some((f) => f.code === 'jump')).length;
    expect(jumps(30)).toBe(1);
    expect(jumps(1)).toBeGreaterThan(100);
  });
});

describe('燃气用量分析 at head office', () => {
  let ho: TestHeadOffice;
  const sim = usageSim(SEED, 40);

  beforeAll(async () => {
    ho = await startHeadOffice();
    // A residential price in force for the whole simulated year (the demo's starts in 2026).
    const pv = (
      await ho.admin('POST', '/admin/price-versions', { ...DEMO_PRICES[0]!, effectiveFrom: '2025-01-01' })
    ).id as string;
    const k = await ScriptedCounter.enroll(ho, '0101', '01');
    const rand = mulberry32(SEED);
    const at = () => new Date(k.clockMs).toISOString();
    const shift = uuidv7(Date.now());
    const opening = [op('shift.opened', openShift(shift, k.operatorId, '2025-09-01', at()))];
    for (const [i, h] of sim.households.entries()) {
      const file = { ...customerFile(rand, i + 1, h.id, h.accountNo, at()), householdSize: h.householdSize };
      opening.push(
        op('customer.opened', file),
        op('card.issued', { customerId: h.id, cardNo: cardNo(i), formatId: 'ref-v1', region: 101 }),
      );
    }
    expect((await k.push(opening)).quarantined).toEqual([]);
    const ops = [
      ...sim.reads.map((r) =>
        op('meter.reading', {
          customerId: r.customerId,
          cardNo: cardNo(sim.households.findIndex((h) => h.id === r.customerId)),
          meterNo: r.meterNo,
          loadedCount: r.loadedCount,
          remaining: 0,
          cumulativeUsed: r.cumulativeUsed,
          status: { valveClosed: false, lowBattery: false, tamper: false, leakAlarm: false, ...r.status },
          readAt: r.readAt,
        }),
      ),
      ...sim.purchases.map((p, i) =>
        op(
          'sale.gasSold',
          gasSale({
            id: uuidv7(Date.now()),
            receiptNo: `R-${i}`,
            customerId: p.customerId,
            shiftId: shift,
            operatorId: k.operatorId,
            priceVersionId: pv,
            businessDate: p.businessDate,
            at: at(),
            volume: p.volume,
          }),
        ),
      ),
    ];
    for (let i = 0; i < ops.length; i += 500)
      expect((await k.push(ops.slice(i, i + 500))).quarantined).toEqual([]);
  }, 300_000);

  afterAll(async () => {
    await ho?.close();
  });

  const get = (path: string) =>
    fetch(`${ho.url}${path}`, { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } });

  it('says what the analysis of the same households says: exactly the injected anomalies', async () => {
    const body = await ho.admin('GET', `/admin/usage-analysis?month=${SIM_MONTH}&hall=0101`);
    expectExactly(body, sim.expected);
    expect(body.households).toBe(40);
    expect(body.filter).toContain('营业厅 0101');
    const direct = analyseUsage(SIM_MONTH, sim.households, sim.reads, sim.purchases, DEFAULT_THRESHOLDS);
    const figures = (s: UsageResult['suspects'][number]) => [
      s.accountNo,
      s.monthUse,
      s.historyMedian,
      s.purchased,
    ];
    expect(body.suspects.map(figures)).toEqual(direct.suspects.map(figures));
  });

  it('exports the suspects to .xlsx, the filter stated at the top, one row each with its reasons', async () => {
    const r = await get(`/admin/usage-analysis/export.xlsx?month=${SIM_MONTH}&hall=0101&highFactor=3`);
    expect(r.status).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(
      Buffer.from(await r.arrayBuffer()) as unknown as Parameters<typeof book.xlsx.load>[0],
    );
    const ws = book.worksheets[0]!;
    expect(String(ws.getCell('A2').value)).toContain('营业厅 0101');
    expect(ws.getRow(4).values).toContain('疑点');
    const accounts = new Set<string>();
    ws.eachRow((row, n) => {
      if (n > 4) accounts.add(String(row.getCell(1).value));
    });
    expect(accounts).toEqual(new Set(sim.expected.keys()));
  });

  it.each([
    ['month=2026-13', 'VALIDATION_FAILED'],
    ['month=2026-10&highFactor=0.5', 'VALIDATION_FAILED'],
    ['month=2026-10&silenceDays=abc', 'VALIDATION_FAILED'],
    ['month=2099-01', 'REPORT_PERIOD_IN_FUTURE'],
    ['month=2026-10&hall=9999', 'NOT_FOUND'],
  ])('refuses %s with %s and a Chinese message', async (query, code) => {
    const r = await get(`/admin/usage-analysis?${query}`);
    expect(r.status).toBeGreaterThanOrEqual(400);
    const body = (await r.json()) as { code: string; message: string };
    expect(body.code).toBe(code);
    expect(body.message).toMatch(/[\u4e00-\u9fff]/);
  });
});

function cardNo(i: number): string {
  return `010101${String(i + 1).padStart(10, '0')}`;
}
