/**
 * The cash desk at head office (PGlite): a close over the tolerance with its approver, a shift a supervisor
 * closed for its cashier, the day close, and a deposit recorded after it (补录) — each accepted by head office
 * as the counter pushes it, nothing quarantined.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fakeHousehold, mulberry32 } from '../../services/setup/fake-households';
import { enrollDevice } from '../sim/bench-push';
import { SIM_APPROVAL, SimCounter } from '../sim/sim-counter';
import { chainOps, syntheticOutbox } from '../sim/synthetic-ops';
import { encodeOp } from '../../core/sync/ops';
import { tempDir } from '../support/app';
import {
  publishDemoCatalogue,
  registerCounter,
  startHeadOffice,
  type TestHeadOffice,
} from '../support/head-office';
import { signed } from '../support/signed';

let now = Date.parse('2026-03-02T09:00:00+08:00');
/** Head office's clock: the counter's, or the real one for requests signed now (the forged batch). */
let realTime = false;
let ho: TestHeadOffice;
let A: SimCounter;

async function sync() {
  const r = await A.ok('sync.now', {}, A.adminSid);
  expect(r).toMatchObject({ ok: true, error: null, quarantined: 0, mismatches: 0 });
}
const rows = <T>(sql: string, params: unknown[] = []) => ho.store.query<T>(sql, params);

beforeAll(async () => {
  ho = await startHeadOffice({ now: () => (realTime ? Date.now() : now) });
  A = await SimCounter.create(0, tempDir('gasdesk-cash-sync-', { shared: true }), () => now);
  await A.ok('sync.enroll', { server: ho.url, code: await registerCounter(ho, '0101', A.code) }, A.adminSid);
  await publishDemoCatalogue(ho);
  await sync();
}, 60_000);

afterAll(async () => {
  A?.close();
  await ho?.close();
});

describe('the cash desk at head office', () => {
  it('accepts an approved close, a supervisor’s close of a left shift, the day close and a late deposit', async () => {
    const cashier = A.cashierSid;
    const x = await A.ok('customers.open', fakeHousehold(mulberry32(7), 1), A.adminSid);
    await A.ok('shifts.open', { float: 50_000 }, cashier);
    const purchase = { customerId: x.id, by: 'volume' as const, volume: 2_000 };
    const q = await A.ok('sales.quote', purchase, cashier);
    await A.ok(
      'sales.sellGas',
      { purchase, expectedAmountDue: q.amountDue, tenders: [{ method: 'cash', amount: q.amountDue }] },
      cashier,
    );
    // The hall's 班长: approves the difference, closes the shift left open, and closes the day.
    const approval = SIM_APPROVAL;
    const login = await A.ok('auth.login', approval);
    const sup = login.staff;
    const supSid = login.sessionId;
    const first = await A.ok(
      'shifts.close',
      { counted: 50_000 + q.amountDue - 5_000, note: '短款五十元', approval },
      cashier,
    );
    expect(first.shift.approvedBy?.id).toBe(sup.id);
    const left = await A.ok('shifts.open', { float: 20_000 }, cashier);
    const second = await A.ok('shifts.close', { shiftId: left.id, counted: 20_000 }, supSid);
    expect(second.shift.closedBy?.id).toBe(sup.id);
    const date = first.shift.businessDate;
    const day = await A.ok('days.close', { businessDate: date }, supSid);
    expect(day.cash).toMatchObject({ floats: 70_000, toDeposit: q.amountDue, differences: -5_000 });
    await sync();
    const shifts = await rows<{ id: string; status: string; difference: number }>(
      'SELECT id, status, difference FROM shifts ORDER BY opened_at',
    );
    expect(shifts).toEqual([
      { id: first.shift.id, status: 'closed', difference: -5_000 },
      { id: left.id, status: 'closed', difference: 0 },
    ]);
    const closes = await rows<{ state: string; operator_id: string; approver_id: string | null }>(
      "SELECT state, operator_id, approver_id FROM ops WHERE type = 'shift.closed' ORDER BY seq",
    );
    expect(closes).toEqual([
      { state: 'applied', operator_id: first.shift.operator.id, approver_id: sup.id },
      { state: 'applied', operator_id: sup.id, approver_id: null },
    ]);

    now += 16 * 3_600_000; // the next morning, at the bank
    const late = await A.ok(
      'deposits.record',
      { businessDate: date, amount: q.amountDue - 5_000, bank: '工商银行', reference: 'JK0302' },
      cashier,
    );
    expect(late.late).toBe(true);
    await sync();
    const [held] = await rows<{ state: string; payload: string }>(
      "SELECT state, payload FROM ops WHERE type = 'deposit.recorded'",
    );
    expect(held?.state).toBe('stored');
    expect(JSON.parse(held!.payload)).toMatchObject({ v: 3, businessDate: date, late: true });
    expect((await ho.admin('GET', '/admin/quarantine')).ops).toEqual([]);
    const report = await A.ok('days.report', { businessDate: date }, A.adminSid);
    expect(report.cash.undeposited).toBe(5_000); // the 短款 the drawer lacked
  });

  it('quarantines a close whose closer or approver is not the operation’s', async () => {
    realTime = true;
    const dev = await enrollDevice(ho, '0101', '02');
    const pv = (await publishDemoCatalogue(ho)).residential;
    const ops = syntheticOutbox(dev.counterId, 20, { priceVersionId: pv });
    const opened = ops.find((o) => o.type === 'shift.opened')!;
    const { v: _v, ...shift } = JSON.parse(opened.payload);
    const someone = { id: '01900000-0000-7000-8000-000000000001', displayName: '某人' };
    const me = shift.operator;
    // Its closer, or its approver, is not who the operation says: then the real close, which head office applies.
    const closes = [
      { closedBy: someone, approvedBy: null },
      { closedBy: me, approvedBy: someone },
      { closedBy: me, approvedBy: null },
    ].map((who, i) => {
      const closed = { ...shift, ...who, status: 'closed', closedAt: opened.createdAt, counted: 50_000 };
      const cash = { float: 50_000, cashTaken: 0, cashRefunded: 0, cashIn: 0, cashOut: 0, expected: 50_000 };
      const payload = { shift: { ...closed, expected: 50_000, difference: 0 }, cash, denominations: null };
      const e = encodeOp('shift.closed', payload);
      return {
        ...opened,
        id: `01900000-0000-7000-8000-00000000010${i}`,
        type: 'shift.closed',
        payload: e.json,
      };
    });
    const r = await signed(ho.url, dev, 'POST', '/v1/push', {
      ops: chainOps([...ops, ...closes], dev.counterId),
    });
    expect(r.status).toBe(200);
    const q = (r.body.quarantined as { id: string; code: string }[]).filter((x) =>
      x.id.startsWith('01900000'),
    );
    expect(q.map((x) => [x.id, x.code])).toEqual([
      [closes[0]!.id, 'OPERATOR_MISMATCH'],
      [closes[1]!.id, 'OPERATOR_MISMATCH'],
    ]);
    const [held] = await rows<{ status: string }>('SELECT status FROM shifts WHERE id = $1', [shift.id]);
    expect(held?.status).toBe('closed');
  });
});
