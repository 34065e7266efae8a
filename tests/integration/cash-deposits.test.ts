/**
 * The day's cash (应缴现金 / 应有未缴) leaves the floats in the drawers and states each line; a deposit recorded
 * after the day close (补录) is accepted, marked late with when it was recorded, audited, and moves the closed
 * day's 已缴款 and 应有未缴 while the rest of its frozen report stays as it was.
 */
import { describe, expect, it } from 'vitest';
import type { DayReport } from '../../core/contract';
import { type TestCounter, testCounter } from '../support/app';
import { payFees, refund, writes } from './cash-helpers';

const DAY = '2026-11-26';

/**
 * Two drawers with floats (200 + 300 元), cash fees, a fee paid by WeChat (never in the drawer), a cash refund,
 * cash in and cash out, both shifts closed (the supervisor's 1 元 short), and a 100 元 deposit.
 */
async function aDay(t: TestCounter) {
  t.app.sessions.idleLockMinutes = 60 * 24 * 30;
  const cashier = await t.login('wangfang');
  const sup = await t.login('liuqiang');
  await t.ok('shifts.open', { float: 20_000 }, cashier);
  await t.ok('shifts.open', { float: 30_000 }, sup);
  // 换表 150 元 paid with 200 元: 50 元 change, so the drawer takes 150 元.
  const fee = await payFees(t, cashier, [{ name: '换表', qty: 1 }], (due) => [
    { method: 'cash', amount: due, received: 20_000 },
  ]);
  await payFees(t, sup, [{ name: '补卡', qty: 2 }], (due) => [{ method: 'cash', amount: due }]);
  await payFees(t, sup, [{ name: '补卡', qty: 1 }], (due) => [
    { method: 'wechat', amount: due, reference: 'WX1' },
  ]);
  await refund(t, cashier, fee.id, 1_000, { method: 'cash', amount: 1_000 });
  await t.ok('shifts.cashMovement', { kind: 'out', amount: 3_000, reason: '购买打印纸' }, cashier);
  await t.ok('shifts.cashMovement', { kind: 'in', amount: 500, reason: '补充零钱' }, sup);
  await t.ok('deposits.record', { amount: 10_000, bank: '工商银行', reference: 'JK001' }, sup);
  await t.ok('shifts.close', { counted: 20_000 + 15_000 - 1_000 - 3_000 }, cashier);
  await t.ok('shifts.close', { counted: 30_000 + 4_000 + 500 - 100, note: '少一元' }, sup);
  return { cashier, sup };
}

const CASH = {
  floats: 50_000,
  cashTaken: 15_000 + 4_000,
  cashRefunded: 1_000,
  cashIn: 500,
  cashOut: 3_000,
  toDeposit: 19_000 - 1_000 + 500 - 3_000,
  differences: -100,
};

describe('the day’s cash (应缴现金、应有未缴)', () => {
  it('leaves the floats in the drawers: 应缴 = taken − refunded + in − out, 未缴 = 应缴 − deposited', async () => {
    const t = await testCounter({ households: 1 });
    const { sup } = await aDay(t);
    const r = await t.ok('days.report', { businessDate: DAY }, sup);
    expect(CASH.toDeposit).toBe(15_500);
    expect(r.cash).toEqual({ ...CASH, undeposited: 5_500 });
    // What the drawers should have held, floats included, is stated apart and is not what the bank is owed.
    expect(r.cashExpected).toBe(65_500);
    expect(r.cashExpected - r.deposited).toBe(55_500); // the old 应有未缴: every day short by the floats
    expect(r.deposited).toBe(10_000);
    expect(r.deposits).toEqual([
      { amount: 10_000, bank: '工商银行', reference: 'JK001', at: expect.any(String), late: false },
    ]);
  });

  it('takes a deposit after 日结, marked 补录 with when it was recorded, in one audited transaction', async () => {
    const t = await testCounter({ households: 1 });
    const { cashier, sup } = await aDay(t);
    t.clock.advanceMinutes(60);
    const frozen = await t.ok('days.close', { businessDate: DAY }, sup);
    expect(frozen.cash).toEqual({ ...CASH, undeposited: 5_500 });

    t.clock.advanceMinutes(60 * 14); // the next morning, at the bank
    const before = writes(t);
    const dep = await t.ok(
      'deposits.record',
      { businessDate: DAY, amount: 5_500, bank: '工商银行', reference: 'JK002' },
      cashier,
    );
    expect(dep).toMatchObject({ businessDate: DAY, amount: 5_500, late: true });
    const after = writes(t);
    // outbox, audit and bank_deposits one row each; nothing else
    expect(after.map((n, i) => n - before[i]!)).toEqual([1, 1, 0, 0, 1, 0, 0, 0]);
    const op = t.app.gdb.sqlite
      .prepare(
        'SELECT o.type, o.payload, a.summary FROM outbox o JOIN audit a ON a.op_seq = o.seq ORDER BY o.seq DESC',
      )
      .get() as { type: string; payload: string; summary: string };
    expect(op.type).toBe('deposit.recorded');
    expect(JSON.parse(op.payload)).toMatchObject({ v: 3, businessDate: DAY, amount: 5_500, late: true });
    expect(op.summary).toMatch(/^补录缴款（营业日已日结）：营业日 2026-11-26，¥55\.00/);

    const r = await t.ok('days.report', { businessDate: DAY }, sup);
    expect(r.deposits).toEqual([
      { ...frozen.deposits[0]!, late: false },
      { amount: 5_500, bank: '工商银行', reference: 'JK002', at: t.app.nowIso(), late: true },
    ]);
    expect(r.deposited).toBe(15_500);
    expect(r.cash.undeposited).toBe(0);
    // The rest is the report frozen at the close.
    const rest = (x: DayReport) => ({
      ...x,
      deposits: [],
      deposited: 0,
      cash: { ...x.cash, undeposited: 0 },
    });
    expect(rest(r)).toEqual(rest(frozen));
    // A deposit on an open day is not late.
    const today = await t.ok(
      'deposits.record',
      { amount: 100, bank: '工商银行', reference: 'JK003' },
      cashier,
    );
    expect(today).toMatchObject({ businessDate: '2026-11-27', late: false });
  });

  it('gives a report frozen before the cash lines existed its lines from its closed shifts', async () => {
    const t = await testCounter({ households: 1 });
    const { sup } = await aDay(t);
    const live = await t.ok('days.report', { businessDate: DAY }, sup);
    // As a version before this one froze it: no cash lines, deposits without the late mark.
    const { cash: _cash, ...old } = { ...live, closed: true, closedAt: t.app.nowIso(), closedBy: '刘强' };
    const stored = { ...old, deposits: old.deposits.map(({ late: _l, ...d }) => d) };
    t.app.gdb.sqlite
      .prepare('INSERT INTO day_closes (business_date, closed_at, closed_by, report) VALUES (?, ?, ?, ?)')
      .run(DAY, t.app.nowIso(), 'x', JSON.stringify(stored));
    const r = await t.ok('days.report', { businessDate: DAY }, sup);
    expect(r).toEqual({ ...old, cash: { ...CASH, undeposited: 5_500 } });
  });
});
