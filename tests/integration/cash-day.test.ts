import { describe, expect, it } from 'vitest';
import { fullOpening } from '../fixtures/households';
import { testCounter } from '../support/app';
import {
  cashTotal,
  customerIds,
  payFees,
  refund,
  reverse,
  type Sale,
  secondSupervisor,
  sellGas,
  staffIdOf,
  writes,
} from './cash-helpers';

describe('deposits and the day close (缴款、日结)', () => {
  it('refuses the day close while shifts are open or by a cashier, then freezes the day and moves on', async () => {
    const t = await testCounter({ households: 2 });
    t.app.sessions.idleLockMinutes = 60 * 24 * 30;
    const cashier = await t.login('wangfang');
    const sup = await t.login('liuqiang');
    const clerk = await t.login('zhangli');
    await t.ok('shifts.open', { float: 10_000 }, cashier);
    await t.ok('deposits.record', { amount: 4_000, bank: '工商银行', reference: 'JK001' }, cashier);

    let w = writes(t);
    const open = await t.fails('days.close', { businessDate: '2026-11-26' }, sup);
    expect(open).toMatchObject({ code: 'OPEN_SHIFTS', status: 409, detail: expect.stringContaining('王芳') });
    expect((await t.fails('days.close', { businessDate: '2026-11-26' }, cashier)).code).toBe(
      'PERMISSION_DENIED',
    );
    expect((await t.fails('days.close', { businessDate: '2026-11-26' }, clerk)).code).toBe(
      'PERMISSION_DENIED',
    );
    const future = await t.fails('days.close', { businessDate: '2026-11-27' }, sup);
    expect(future.issues?.[0]).toMatchObject({ path: ['businessDate'], code: 'BUSINESS_DATE_NOT_STARTED' });
    expect((await t.fails('days.close', { businessDate: '2026-02-30' }, sup)).code).toBe('VALIDATION_FAILED');
    expect(writes(t)).toEqual(w);

    await t.ok('shifts.close', { counted: 10_000 }, cashier);
    t.clock.advanceMinutes(30);
    const report = await t.ok('days.close', { businessDate: '2026-11-26' }, sup);
    expect(report).toMatchObject({
      businessDate: '2026-11-26',
      closed: true,
      closedAt: t.app.nowIso(),
      closedBy: '刘强',
      cashExpected: 10_000,
      deposited: 4_000,
      deposits: [{ amount: 4_000, bank: '工商银行', reference: 'JK001', late: false }],
      // The float stays in the drawer: nothing was taken, so the 4,000 deposited is 4,000 too much.
      cash: { floats: 10_000, toDeposit: 0, undeposited: -4_000 },
    });
    const op = t.app.gdb.sqlite
      .prepare('SELECT type, entity_id AS entityId, payload FROM outbox ORDER BY seq DESC')
      .get() as { type: string; entityId: string; payload: string };
    expect(op).toMatchObject({ type: 'day.closed', entityId: '2026-11-26' });
    // The paid sales not on a card are read as they stand, never frozen or synced with the report.
    const { unsettled, ...frozen } = report;
    expect(unsettled).toEqual({ count: 0, amount: 0, sales: [] });
    expect(JSON.parse(op.payload)).toEqual({ v: 3, ...frozen });

    w = writes(t);
    expect((await t.fails('days.close', { businessDate: '2026-11-26' }, sup)).code).toBe(
      'DAY_ALREADY_CLOSED',
    );
    expect(writes(t)).toEqual(w);

    // Same calendar day, but the next operation goes — visibly — to the next business day.
    expect((await t.ok('shifts.current', {}, cashier)).businessDate).toBe('2026-11-27');
    const next = await t.ok('shifts.open', { float: 5_000 }, cashier);
    expect(next.businessDate).toBe('2026-11-27');
    const dep = await t.ok('deposits.record', { amount: 100, bank: '工商银行', reference: 'JK003' }, cashier);
    expect(dep.businessDate).toBe('2026-11-27');
    expect((await t.ok('shifts.list', {}, cashier)).items.map((s) => s.id)).toEqual([next.id]);

    // The closed day's report is the frozen one, and the database keeps it so.
    expect(await t.ok('days.report', { businessDate: '2026-11-26' }, cashier)).toEqual(report);
    expect((await t.ok('days.report', {}, cashier)).businessDate).toBe('2026-11-27');
    expect(() => t.app.gdb.sqlite.prepare("UPDATE day_closes SET report = '{}'").run()).toThrow(
      /stays closed/,
    );
    expect(() => t.app.gdb.sqlite.prepare('DELETE FROM day_closes').run()).toThrow(/stays closed/);
  });

  it('closes a day with no sales, and a shift left open from an earlier day blocks a later close', async () => {
    const t = await testCounter({ households: 1 });
    t.app.sessions.idleLockMinutes = 60 * 24 * 30;
    const sup = await t.login('liuqiang');
    const cashier = await t.login('wangfang');
    t.clock.advanceMinutes(60 * 24 * 3);
    const empty = await t.ok('days.close', { businessDate: '2026-11-27' }, sup);
    expect(empty).toMatchObject({ closed: true, shifts: [], deposits: [], cashExpected: 0, deposited: 0 });
    expect(empty.counts).toEqual({ sales: 0, reversals: 0, refunds: 0, reprints: 0, newAccounts: 0 });
    expect(empty.byKind.every((k) => k.count === 0 && k.amount === 0)).toBe(true);
    expect(empty.byUserClass.every((c) => c.count === 0 && c.volume === 0)).toBe(true);

    await t.ok('shifts.open', { float: 0 }, cashier);
    t.clock.advanceMinutes(60 * 24);
    // The shift belongs to 11-29, still open on 11-30: neither day can close.
    const w = writes(t);
    expect((await t.fails('days.close', { businessDate: '2026-11-30' }, sup)).code).toBe('OPEN_SHIFTS');
    expect((await t.fails('days.close', { businessDate: '2026-11-29' }, sup)).code).toBe('OPEN_SHIFTS');
    expect(writes(t)).toEqual(w);
    // An earlier day without any shift may still close.
    expect((await t.ok('days.close', { businessDate: '2026-11-28' }, sup)).closed).toBe(true);
  });

  it('reports the day by user class, tier, tender, operator, kind and fee, net of reversals', async () => {
    const t = await testCounter({ households: 3 });
    t.app.sessions.idleLockMinutes = 60 * 24 * 30;
    const [c1, c2] = customerIds(t) as [{ id: string; userClass: string }, { id: string; userClass: string }];
    const a = await t.login('wangfang');
    const b = await t.login('liuqiang');
    const aId = staffIdOf(t, 'wangfang');
    const bId = staffIdOf(t, 'liuqiang');
    await t.ok('shifts.open', { float: 10_000 }, a);
    await t.ok('shifts.open', { float: 20_000 }, b);
    const cash = (due: number) => [{ method: 'cash' as const, amount: due, received: due + 50 }];
    // 450 m³ (over the per-purchase limit, approved) reaches the second tier.
    const s1 = await sellGas(t, a, c1.id, 45_000, cash, 'ok');
    expect(s1.lines.map((l) => l.tier)).toEqual([1, 2]);
    const s2 = await sellGas(t, b, c2.id, 2_000, cash, 'ok');
    const failed = await sellGas(t, a, c1.id, 700, cash, 'fail');
    expect(failed.status).toBe('card_write_failed');
    const r1 = await reverse(t, a, s1.id);
    const r2 = await reverse(t, b, s2.id, await secondSupervisor(t)); // 刘强's own sale
    const s3 = await sellGas(t, b, c2.id, 300, (due) => [
      { method: 'wechat', amount: due, reference: 'WX9' },
    ]);
    const fee = await payFees(
      t,
      b,
      [
        { name: '换表', qty: 1 },
        { name: '补卡', qty: 2 },
      ],
      (due) => [{ method: 'alipay', amount: due, reference: 'ALI1' }],
    );
    const feeRefund = await refund(t, a, fee.id, 1_000, { method: 'cash', amount: 1_000 });
    const gasRefund = await refund(t, a, failed.id, failed.amountPaid, {
      method: 'cash',
      amount: failed.amountPaid,
    });
    await t.ok('shifts.cashMovement', { kind: 'in', amount: 1_000, reason: '补零钱' }, a);
    const zl = await t.login('zhangli');
    await t.ok('customers.open', fullOpening({ meters: [] }), zl);
    await t.ok('deposits.record', { amount: 2_000, bank: '建设银行', reference: 'D1' }, b);
    const all: Sale[] = [s1, s2, failed, r1, r2, s3, fee, feeRefund, gasRefund];
    const of = (...xs: Sale[]) => ({
      paid: xs.reduce((n, x) => n + x.amountPaid, 0),
      volume: xs.reduce((n, x) => n + x.volume, 0),
    });

    const r = await t.ok('days.report', {}, a);
    expect(r.closed).toBe(false);
    // Net of reversals: s1 and s2 are reversed, the failed card write delivered no gas (and its refund is not
    // gas either); s3 remains.
    expect(r.byUserClass.find((x) => x.userClass === c2.userClass)).toEqual({
      userClass: c2.userClass,
      count: 1,
      volume: 300,
      amount: s3.amount,
    });
    const total = r.byUserClass.reduce(
      (s, x) => ({ count: s.count + x.count, volume: s.volume + x.volume, amount: s.amount + x.amount }),
      { count: 0, volume: 0, amount: 0 },
    );
    expect(total).toEqual({ count: 1, volume: 300, amount: s3.amount });
    expect(r.byTier).toEqual([
      { tier: 1, volume: 300, amount: s3.amount },
      { tier: 2, volume: 0, amount: 0 },
    ]);
    expect(r.fees).toEqual([
      { name: '换表', qty: 1, amount: 15_000 },
      { name: '补卡', qty: 2, amount: 4_000 },
    ]);
    const cashIn = cashTotal(s1) + cashTotal(s2) + cashTotal(failed);
    const cashBack = -(cashTotal(r1) + cashTotal(r2) + cashTotal(feeRefund) + cashTotal(gasRefund));
    expect(cashBack).toBe(s1.amountPaid + s2.amountPaid + 1_000 + failed.amountPaid);
    expect(r.byTender).toEqual([
      { method: 'cash', taken: cashIn, refunded: cashBack, count: 7 },
      { method: 'bank_card', taken: 0, refunded: 0, count: 0 },
      { method: 'wechat', taken: s3.amountPaid, refunded: 0, count: 1 },
      { method: 'alipay', taken: 19_000, refunded: 0, count: 1 },
    ]);
    expect(r.byKind).toEqual([
      { kind: 'gas', count: 4, amount: of(s1, s2, failed, s3).paid, volume: of(s1, s2, failed, s3).volume },
      { kind: 'fee', count: 1, amount: 19_000, volume: 0 },
      { kind: 'reversal', count: 2, amount: of(r1, r2).paid, volume: -(45_000 + 2_000) },
      { kind: 'refund', count: 2, amount: -(1_000 + failed.amountPaid), volume: -700 },
    ]);
    expect(r.counts).toEqual({ sales: 5, reversals: 2, refunds: 2, reprints: 0, newAccounts: 4 });
    expect(r.byOperator).toEqual([
      {
        operatorId: aId,
        displayName: '王芳',
        count: 5,
        taken: cashTotal(s1) + cashTotal(failed),
        refunded: s1.amountPaid + 1_000 + failed.amountPaid,
      },
      {
        operatorId: bId,
        displayName: '刘强',
        count: 4,
        taken: cashTotal(s2) + s3.amountPaid + 19_000,
        refunded: s2.amountPaid,
      },
    ]);
    const expA =
      10_000 +
      cashTotal(s1) +
      cashTotal(failed) +
      cashTotal(r1) +
      cashTotal(feeRefund) +
      cashTotal(gasRefund) +
      1_000;
    const expB = 20_000 + cashTotal(s2) + cashTotal(r2);
    expect(expA).toBe(10_000 - 1_000 + 1_000);
    expect(expB).toBe(20_000);
    expect(r.shifts.map((s) => [s.operator, s.expected, s.status])).toEqual([
      ['王芳', expA, 'open'],
      ['刘强', expB, 'open'],
    ]);
    expect(r.cashExpected).toBe(expA + expB);
    expect(r.deposited).toBe(2_000);
    expect(all.every((x) => x.businessDate === '2026-11-26')).toBe(true);
  });

  it('counts a customer opened after the day close on the next business day', async () => {
    const t = await testCounter({ households: 2 });
    t.app.sessions.idleLockMinutes = 60 * 24 * 30;
    const sup = await t.login('liuqiang');
    const clerk = await t.login('zhangli');
    await t.ok('customers.open', fullOpening({ meters: [] }), clerk);
    t.clock.advanceMinutes(60);
    const closed = await t.ok('days.close', { businessDate: '2026-11-26' }, sup);
    expect(closed.counts.newAccounts).toBe(3);
    t.clock.advanceMinutes(10);
    await t.ok('customers.open', fullOpening({ meters: [] }), clerk);
    expect((await t.ok('days.report', {}, sup)).counts.newAccounts).toBe(1);
    t.clock.advanceMinutes(60 * 24);
    await t.ok('customers.open', fullOpening({ meters: [] }), clerk);
    expect((await t.ok('days.report', { businessDate: '2026-11-27' }, sup)).counts.newAccounts).toBe(2);
    expect((await t.ok('days.report', { businessDate: '2026-11-26' }, sup)).counts.newAccounts).toBe(3);
  });

  it('counts the reprints that printed on each business day (first prints and failed attempts do not count)', async () => {
    const t = await testCounter({ households: 1 });
    const sup = await t.login('liuqiang');
    expect((await t.ok('days.report', {}, sup)).counts.reprints).toBe(0);
    const put = t.app.gdb.sqlite.prepare(
      `INSERT INTO receipt_prints (id, doc_kind, doc_id, business_date, reprint, copy_no, operator_id, outcome, printed_at)
       VALUES (?, 'sale', 's1', ?, ?, ?, 'o', ?, '2026-11-26T01:00:00Z')`,
    );
    put.run('p1', '2026-11-26', 0, 1, 'printed');
    put.run('p2', '2026-11-26', 1, 2, 'printed');
    put.run('p3', '2026-11-26', 1, 3, 'printed');
    put.run('p4', '2026-11-26', 1, 4, 'failed');
    put.run('p5', '2026-11-25', 1, 2, 'printed');
    expect((await t.ok('days.report', {}, sup)).counts.reprints).toBe(2);
    expect((await t.ok('days.report', { businessDate: '2026-11-25' }, sup)).counts.reprints).toBe(1);
  });
});

describe('a shift left open past midnight', () => {
  it('keeps every sale on the business day it opened, so that day still equals the sum of its shifts', async () => {
    const t = await testCounter({ households: 2 });
    t.app.sessions.idleLockMinutes = 60 * 24 * 30;
    const cashier = await t.login('wangfang');
    const [c] = customerIds(t);
    await t.ok('shifts.open', { float: 10_000 }, cashier);
    const opened = (await t.ok('shifts.current', {}, cashier)).shift!.businessDate;
    t.clock.advanceMinutes(60 * 24); // the next calendar day, whatever the time zone
    const sale = await sellGas(t, cashier, c!.id, 1000);
    expect(sale.businessDate).toBe(opened);
    await t.ok('shifts.close', { counted: 10_000 + sale.amountPaid }, cashier);
    const day = await t.ok('days.report', { businessDate: opened }, cashier);
    expect(day.byKind.find((k) => k.kind === 'gas')).toMatchObject({ count: 1, amount: sale.amountPaid });
    expect(day.cashExpected).toBe(10_000 + sale.amountPaid);
  });
});
