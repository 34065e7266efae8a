import { describe, expect, it } from 'vitest';
import { testCounter, type TestCounter } from '../support/app';
import { customerIds, payFees, refund, reverse, sellGas, writes } from './cash-helpers';

function lastOp(t: TestCounter) {
  return t.app.gdb.sqlite
    .prepare(
      'SELECT type, entity_type AS entityType, entity_id AS entityId, payload FROM outbox ORDER BY seq DESC',
    )
    .get() as { type: string; entityType: string; entityId: string; payload: string };
}

/** A cash gas sale for the first demo household, the customer handing over `extra` 分 more than due. */
async function cashGasSale(t: TestCounter, sid: string, volume: number, extra = 0) {
  return sellGas(t, sid, customerIds(t)[0]!.id, volume, (due) => [
    { method: 'cash', amount: due, received: due + extra },
  ]);
}

describe('shifts (开班、交班)', () => {
  it('opens a shift with a float, reports it as current, and refuses a second one, writing nothing', async () => {
    const t = await testCounter({ households: 2 });
    const sid = await t.login('wangfang');
    expect(await t.ok('shifts.current', {}, sid)).toEqual({ shift: null, businessDate: '2026-11-26' });
    const before = { outbox: t.count('outbox'), audit: t.count('audit') };
    const shift = await t.ok('shifts.open', { float: 50_000 }, sid);
    expect(shift).toMatchObject({
      operator: { displayName: '王芳' },
      businessDate: '2026-11-26',
      float: 50_000,
      status: 'open',
      closedAt: null,
      counted: null,
      expected: null,
    });
    expect(t.count('outbox')).toBe(before.outbox + 1);
    expect(t.count('audit')).toBe(before.audit + 1);
    expect(lastOp(t)).toMatchObject({ type: 'shift.opened', entityType: 'shift', entityId: shift.id });
    expect(JSON.parse(lastOp(t).payload)).toMatchObject({ id: shift.id, float: 50_000 });
    expect((await t.ok('shifts.current', {}, sid)).shift?.id).toBe(shift.id);

    const clerk = await t.login('zhangli');
    const w = writes(t);
    expect((await t.fails('shifts.open', { float: 100 }, sid)).code).toBe('SHIFT_ALREADY_OPEN');
    expect((await t.fails('shifts.open', { float: -1 }, sid)).code).toBe('VALIDATION_FAILED');
    expect((await t.fails('shifts.open', { float: 10.5 }, sid)).code).toBe('VALIDATION_FAILED');
    expect((await t.fails('shifts.open', { float: 0 }, clerk)).code).toBe('PERMISSION_DENIED');
    expect(writes(t)).toEqual(w);
  });

  it('closes with counted = expected from the shift ledger, stores the figures, and reports them', async () => {
    const t = await testCounter({ households: 2 });
    const sid = await t.login('wangfang');
    const shift = await t.ok('shifts.open', { float: 50_000 }, sid);
    const gas = await cashGasSale(t, sid, 2_000, 5_000);
    const due = gas.amountPaid;
    expect(gas.tenders).toEqual([
      { method: 'cash', amount: due, received: due + 5_000, change: 5_000, reference: null },
    ]);
    const fee = await payFees(t, sid, [{ name: '换表', qty: 1 }], (d) => [
      { method: 'wechat', amount: d - 1_000, reference: 'WX0001' },
      { method: 'cash', amount: 1_000, received: 1_050 },
    ]);
    const expected = 50_000 + due + 1_000;
    const open = await t.ok('shifts.report', {}, sid);
    expect(open.cash).toEqual({
      float: 50_000,
      cashTaken: due + 1_000,
      cashRefunded: 0,
      cashIn: 0,
      cashOut: 0,
      expected,
    });
    expect(open.shift.expected).toBeNull();

    const report = await t.ok('shifts.close', { counted: expected }, sid);
    expect(report.shift).toMatchObject({
      id: shift.id,
      status: 'closed',
      counted: expected,
      expected,
      difference: 0,
      note: null,
    });
    expect(report.shift.closedAt).toBe(t.app.nowIso());
    expect(report.byKind).toEqual([
      { kind: 'gas', count: 1, amount: due, volume: 2_000 },
      { kind: 'fee', count: 1, amount: fee.amountPaid, volume: 0 },
      { kind: 'reversal', count: 0, amount: 0, volume: 0 },
      { kind: 'refund', count: 0, amount: 0, volume: 0 },
    ]);
    expect(report.byTender).toEqual([
      { method: 'cash', taken: due + 1_000, refunded: 0, count: 2 },
      { method: 'bank_card', taken: 0, refunded: 0, count: 0 },
      { method: 'wechat', taken: fee.amountPaid - 1_000, refunded: 0, count: 1 },
      { method: 'alipay', taken: 0, refunded: 0, count: 0 },
    ]);
    const op = lastOp(t);
    expect(op).toMatchObject({ type: 'shift.closed', entityId: shift.id });
    expect(JSON.parse(op.payload).cash).toMatchObject({ cashTaken: due + 1_000, expected });
    const row = t.app.gdb.sqlite.prepare('SELECT * FROM shifts WHERE id = ?').get(shift.id);
    expect(row).toMatchObject({ status: 'closed', counted: expected, expected, difference: 0 });
    // The default report after closing is the operator's last shift; current is none.
    expect((await t.ok('shifts.report', {}, sid)).shift.id).toBe(shift.id);
    expect((await t.ok('shifts.current', {}, sid)).shift).toBeNull();
    expect((await t.ok('shifts.list', {}, sid)).items.map((s) => s.id)).toEqual([shift.id]);
  });

  it('counts cash paid back for reversals and refunds against the drawer', async () => {
    const t = await testCounter({ households: 2 });
    const sid = await t.login('wangfang');
    await t.ok('shifts.open', { float: 10_000 }, sid);
    const sale = await cashGasSale(t, sid, 800, 1_000);
    const due = sale.amountPaid;
    await reverse(t, sid, sale.id);
    const fee = await payFees(t, sid, [{ name: '补卡', qty: 1 }], (d) => [{ method: 'cash', amount: d }]);
    await refund(t, sid, fee.id, 500, { method: 'cash', amount: 500 });
    const r = await t.ok('shifts.report', {}, sid);
    expect(r.cash).toMatchObject({
      cashTaken: due + fee.amountPaid,
      cashRefunded: due + 500,
      expected: 10_000 + fee.amountPaid - 500,
    });
    expect(r.byTender[0]).toEqual({
      method: 'cash',
      taken: due + fee.amountPaid,
      refunded: due + 500,
      count: 4,
    });
    expect(r.byKind[2]).toEqual({ kind: 'reversal', count: 1, amount: -due, volume: -800 });
    expect(r.byKind[3]).toEqual({ kind: 'refund', count: 1, amount: -500, volume: 0 });
  });

  it('refuses a difference without a note, writing nothing, then accepts it with one', async () => {
    const t = await testCounter({ households: 1 });
    const sid = await t.login('wangfang');
    await t.ok('shifts.open', { float: 20_000 }, sid);
    const expected = 20_000 + (await cashGasSale(t, sid, 500)).amountPaid;
    const w = writes(t);
    const refused = await t.fails('shifts.close', { counted: expected - 10 }, sid);
    expect(refused).toMatchObject({ code: 'NOTE_REQUIRED', status: 400 });
    expect(refused.issues?.[0]).toMatchObject({ path: ['note'], message: expect.stringContaining('短款') });
    expect((await t.fails('shifts.close', { counted: expected - 10, note: '   ' }, sid)).code).toBe(
      'NOTE_REQUIRED',
    );
    expect(writes(t)).toEqual(w);
    expect((await t.ok('shifts.current', {}, sid)).shift?.status).toBe('open');

    const r = await t.ok('shifts.close', { counted: expected - 10, note: '找零多给一角' }, sid);
    expect(r.shift).toMatchObject({
      counted: expected - 10,
      expected,
      difference: -10,
      note: '找零多给一角',
    });
    const audit = t.app.gdb.sqlite.prepare('SELECT summary, reason FROM audit ORDER BY rowid DESC').get();
    expect(audit).toMatchObject({ summary: expect.stringContaining('短款 ¥0.10'), reason: '找零多给一角' });
  });

  it('checks that denominations add up to the counted amount, and stores them', async () => {
    const t = await testCounter({ households: 1 });
    const sid = await t.login('wangfang');
    await t.ok('shifts.open', { float: 16_550 }, sid);
    const w = writes(t);
    const bad = await t.fails(
      'shifts.close',
      {
        counted: 16_550,
        denominations: [
          { value: 10_000, count: 1 },
          { value: 5_000, count: 1 },
        ],
      },
      sid,
    );
    expect(bad.code).toBe('VALIDATION_FAILED');
    expect(bad.issues).toContainEqual(
      expect.objectContaining({ path: ['denominations'], code: 'DENOMINATIONS_MISMATCH' }),
    );
    const dup = await t.fails(
      'shifts.close',
      {
        counted: 16_550,
        denominations: [
          { value: 10_000, count: 1 },
          { value: 10_000, count: 0 },
          { value: 5_000, count: 1 },
          { value: 500, count: 3 },
          { value: 50, count: 1 },
        ],
      },
      sid,
    );
    expect(dup.issues).toContainEqual(
      expect.objectContaining({ path: ['denominations', 1, 'value'], code: 'DUPLICATE_DENOMINATION' }),
    );
    const notANote = await t.fails(
      'shifts.close',
      { counted: 16_550, denominations: [{ value: 300, count: 1 }] },
      sid,
    );
    expect(notANote.code).toBe('VALIDATION_FAILED');
    expect(writes(t)).toEqual(w);

    const r = await t.ok(
      'shifts.close',
      {
        counted: 16_550,
        denominations: [
          { value: 50, count: 1 },
          { value: 500, count: 3 },
          { value: 10_000, count: 1 },
          { value: 100, count: 0 },
          { value: 5_000, count: 1 },
        ],
      },
      sid,
    );
    expect(r.denominations).toEqual([
      { value: 10_000, count: 1 },
      { value: 5_000, count: 1 },
      { value: 500, count: 3 },
      { value: 50, count: 1 },
    ]);
    expect((await t.ok('shifts.report', { shiftId: r.shift.id }, sid)).denominations).toEqual(
      r.denominations,
    );
  });

  it('closes a shift with no sales, refuses closing it twice, and a close without any shift', async () => {
    const t = await testCounter({ households: 1 });
    const sid = await t.login('wangfang');
    const none = await t.fails('shifts.close', { counted: 0 }, sid);
    expect(none.code).toBe('NO_OPEN_SHIFT');
    await t.ok('shifts.open', { float: 30_000 }, sid);
    const r = await t.ok('shifts.close', { counted: 30_000 }, sid);
    expect(r.cash).toEqual({
      float: 30_000,
      cashTaken: 0,
      cashRefunded: 0,
      cashIn: 0,
      cashOut: 0,
      expected: 30_000,
    });
    expect(r.byKind.every((k) => k.count === 0)).toBe(true);
    expect(r.movements).toEqual([]);
    expect(r.denominations).toBeNull();
    const w = writes(t);
    const twice = await t.fails('shifts.close', { counted: 30_000 }, sid);
    expect(twice).toMatchObject({ code: 'SHIFT_ALREADY_CLOSED', status: 409 });
    expect(writes(t)).toEqual(w);
    // The database itself keeps a closed shift closed.
    expect(() =>
      t.app.gdb.sqlite.prepare("UPDATE shifts SET status = 'open', counted = 0 WHERE id = ?").run(r.shift.id),
    ).toThrow(/closed shift stays closed/);
  });

  it('puts cash in and takes cash out with a reason, never more than the drawer should hold', async () => {
    const t = await testCounter({ households: 1 });
    const sid = await t.login('wangfang');
    expect(
      (await t.fails('shifts.cashMovement', { kind: 'in', amount: 100, reason: '补零钱' }, sid)).code,
    ).toBe('NO_OPEN_SHIFT');
    await t.ok('shifts.open', { float: 10_000 }, sid);
    const afterIn = await t.ok('shifts.cashMovement', { kind: 'in', amount: 5_000, reason: '补充零钱' }, sid);
    expect(afterIn.cash.expected).toBe(15_000);
    expect(lastOp(t)).toMatchObject({ type: 'shift.cash_moved', entityId: afterIn.shift.id });
    const afterOut = await t.ok(
      'shifts.cashMovement',
      { kind: 'out', amount: 12_000, reason: '大额现金上交' },
      sid,
    );
    expect(afterOut.cash).toMatchObject({ cashIn: 5_000, cashOut: 12_000, expected: 3_000 });
    expect(afterOut.movements).toEqual([
      { kind: 'in', amount: 5_000, reason: '补充零钱', at: expect.any(String) },
      { kind: 'out', amount: 12_000, reason: '大额现金上交', at: expect.any(String) },
    ]);

    const w = writes(t);
    const tooMuch = await t.fails('shifts.cashMovement', { kind: 'out', amount: 3_001, reason: '取出' }, sid);
    expect(tooMuch).toMatchObject({ code: 'CASH_OUT_EXCEEDS_DRAWER', status: 409 });
    expect(tooMuch.issues?.[0]?.path).toEqual(['amount']);
    const noReason = await t.fails('shifts.cashMovement', { kind: 'out', amount: 1, reason: ' ' }, sid);
    expect(noReason.code).toBe('VALIDATION_FAILED');
    expect((await t.fails('shifts.cashMovement', { kind: 'in', amount: 0, reason: '零' }, sid)).code).toBe(
      'VALIDATION_FAILED',
    );
    expect(writes(t)).toEqual(w);

    // Exactly what the drawer should hold may go out.
    const empty = await t.ok('shifts.cashMovement', { kind: 'out', amount: 3_000, reason: '全部上交' }, sid);
    expect(empty.cash.expected).toBe(0);
    expect((await t.ok('shifts.close', { counted: 0 }, sid)).shift.difference).toBe(0);
  });

  it('keeps each operator’s shift apart', async () => {
    const t = await testCounter({ households: 1 });
    const a = await t.login('wangfang');
    const b = await t.login('liuqiang');
    const sa = await t.ok('shifts.open', { float: 1_000 }, a);
    const sb = await t.ok('shifts.open', { float: 2_000 }, b);
    const due = (await cashGasSale(t, a, 200)).amountPaid;
    await t.ok('shifts.cashMovement', { kind: 'in', amount: 700, reason: '补零钱' }, b);
    expect((await t.ok('shifts.report', {}, a)).cash.expected).toBe(1_000 + due);
    expect((await t.ok('shifts.report', {}, b)).cash.expected).toBe(2_700);
    expect((await t.ok('shifts.report', { shiftId: sb.id }, a)).shift.id).toBe(sb.id);
    expect((await t.ok('shifts.list', { businessDate: '2026-11-26' }, a)).items.map((s) => s.id)).toEqual([
      sa.id,
      sb.id,
    ]);
    expect((await t.ok('shifts.list', { businessDate: '2026-11-25' }, a)).items).toEqual([]);
    expect(
      (await t.fails('shifts.report', { shiftId: '01900000-0000-7000-8000-000000000000' }, a)).code,
    ).toBe('NOT_FOUND');
  });
});
