/**
 * Two real counters of one hall and head office (PGlite): enrollment through the contract, push into head
 * office's tables, pull of customers changed elsewhere, last-writer-wins on a phone, a conflict on a household
 * size resolved at head office, quarantine that blocks nothing, master data from head office, and a digest
 * mismatch reported with its day.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fakeHousehold, mulberry32 } from '../../services/setup/fake-households';
import { SIM_PASSWORD, SimCounter } from '../sim/sim-counter';
import { tempDir } from '../support/app';
import {
  publishDemoCatalogue,
  registerCounter,
  startHeadOffice,
  type TestHeadOffice,
} from '../support/head-office';

const clocks = { a: Date.parse('2026-03-02T09:00:00+08:00'), b: Date.parse('2026-03-02T09:00:00+08:00') };
let ho: TestHeadOffice;
let A: SimCounter;
let B: SimCounter;
const rand = mulberry32(42);

async function sync(c: SimCounter) {
  const r = await c.ok('sync.now', {}, c.adminSid);
  expect(r.error).toBeNull();
  return r;
}
const one = async <T>(sql: string, params: unknown[] = []) => (await ho.store.query<T>(sql, params))[0]!;

beforeAll(async () => {
  // Head office keeps counter A's time: the day the counters' ledgers stamp (head office's, as they learn it) is 03-02.
  ho = await startHeadOffice({ now: () => clocks.a });
  const root = tempDir('gasdesk-flow-', { shared: true });
  A = await SimCounter.create(0, root, () => clocks.a);
  B = await SimCounter.create(1, root, () => clocks.b);
  for (const c of [A, B]) {
    const code = await registerCounter(ho, '0101', c.code);
    const denied = await c.call('sync.enroll', { server: ho.url, code }, c.cashierSid);
    expect(denied.ok ? null : denied.error.code).toBe('PERMISSION_DENIED');
    // Head office out of reach: the counter says it is not enrolled, not that its data will upload later.
    const away = await c.call('sync.enroll', { server: 'http://127.0.0.1:1', code }, c.adminSid);
    expect(away.ok ? null : away.error).toMatchObject({ code: 'ENROLL_UNREACHABLE' });
    expect(away.ok ? '' : away.error.message).not.toContain('上传');
    const r = await c.ok('sync.enroll', { server: ho.url, code }, c.adminSid);
    expect(r.hallName).toBe('营业厅 0101');
  }
  await publishDemoCatalogue(ho);
  for (const c of [A, B]) await sync(c); // the prices head office sells at
}, 60_000);

afterAll(async () => {
  A?.close();
  B?.close();
  await ho?.close();
});

describe('two counters and head office', () => {
  let x: { id: string; version: number };

  it('pushes a counter’s day into head office’s tables and reconciles it', async () => {
    x = await A.ok('customers.open', fakeHousehold(rand, 1), A.adminSid);
    await A.ok('shifts.open', { float: 50_000 }, A.cashierSid);
    const q = await A.ok('sales.quote', { customerId: x.id, by: 'volume', volume: 2_000 }, A.cashierSid);
    await A.ok(
      'sales.sellGas',
      {
        purchase: { customerId: x.id, by: 'volume', volume: 2_000 },
        expectedAmountDue: q.amountDue,
        tenders: [{ method: 'cash', amount: q.amountDue }],
      },
      A.cashierSid,
    );
    expect((await A.ok('sync.status', {}, A.cashierSid)).pendingOps).toBe(4); // opening, shift, sale, card write
    const r = await sync(A);
    expect(r).toMatchObject({ ok: true, quarantined: 0, mismatches: 0 });
    const s = await A.ok('sync.status', {}, A.cashierSid);
    expect(s).toMatchObject({
      enrolled: true,
      pendingOps: 0,
      lastError: null,
      quarantined: [],
      digestMismatches: [],
    });
    expect(s.lastSuccessAt).not.toBeNull();
    const sale = await one<{ status: string; amount_paid: number }>('SELECT status, amount_paid FROM sales');
    expect(sale).toEqual({ status: 'completed', amount_paid: q.amountDue });
    expect((await one<{ n: number }>('SELECT count(*)::int AS n FROM sale_lines')).n).toBe(q.slices.length);
    expect((await one<{ n: number }>('SELECT count(*)::int AS n FROM sale_tenders')).n).toBe(1);
    expect((await one<{ n: number }>("SELECT count(*)::int AS n FROM shifts WHERE status = 'open'")).n).toBe(
      1,
    );
    expect(
      (await one<{ n: number }>("SELECT count(*)::int AS n FROM ops WHERE state = 'stored'")).n,
    ).toBeGreaterThan(0);
    expect((await ho.admin('GET', '/admin/reconciliation')).issues).toEqual([]);
  });

  it('hands a customer opened at one counter to the other, searchable', async () => {
    const r = await sync(B);
    expect(r.pulled).toBeGreaterThanOrEqual(1);
    const found = await B.ok(
      'customers.search',
      { query: (await A.ok('customers.get', { id: x.id }, A.adminSid)).phone },
      B.adminSid,
    );
    expect(found.items.map((i) => i.id)).toContain(x.id);
  });

  it('carries a balance left at one counter to the other, and what that one spends of it back', async () => {
    const balance = async (c: SimCounter) =>
      (await c.ok('sales.balance', { customerId: x.id }, c.cashierSid)).balance;
    // By money at A: the most gas it buys, the rest kept as the customer's balance.
    const purchase = { customerId: x.id, by: 'money' as const, money: 10_001 };
    const q = await A.ok('sales.quote', purchase, A.cashierSid);
    await A.ok(
      'sales.sellGas',
      { purchase, expectedAmountDue: q.amountDue, tenders: [{ method: 'cash', amount: q.amountDue }] },
      A.cashierSid,
    );
    const left = await balance(A);
    expect(left).toBeGreaterThan(0);
    expect(await balance(B)).toBe(0);
    await sync(A);
    await sync(B);
    expect(await balance(B)).toBe(left);
    // B spends it on a purchase by volume; A hears of it at its next sync.
    await B.ok('shifts.open', { float: 0 }, B.cashierSid);
    const byVolume = { customerId: x.id, by: 'volume' as const, volume: 500 };
    const qb = await B.ok('sales.quote', byVolume, B.cashierSid);
    expect(qb.balanceUsed).toBe(left);
    await B.ok(
      'sales.sellGas',
      {
        purchase: byVolume,
        expectedAmountDue: qb.amountDue,
        tenders: [{ method: 'cash', amount: qb.amountDue }],
      },
      B.cashierSid,
    );
    expect(await balance(B)).toBe(0);
    expect(await balance(A)).toBe(left);
    await sync(B);
    await sync(A);
    expect(await balance(A)).toBe(0);
    const held = await one<{ balance: number; balance_by: Record<string, number> }>(
      'SELECT balance, balance_by FROM customers WHERE id = $1',
      [x.id],
    );
    expect(held).toEqual({
      balance: 0,
      balance_by: { [A.app.counter()!.counterId]: left, [B.app.counter()!.counterId]: -left },
    });
    expect((await ho.admin('GET', '/admin/conflicts')).conflicts).toEqual([]);
  });

  it('merges a phone changed on both counters offline: the later change wins, no conflict', async () => {
    const va = (await A.ok('customers.get', { id: x.id }, A.adminSid)).version;
    const vb = (await B.ok('customers.get', { id: x.id }, B.adminSid)).version;
    clocks.a += 60_000;
    await A.ok(
      'customers.update',
      { id: x.id, expectedVersion: va, changes: { phone: '13900000001' }, reason: '来电' },
      A.adminSid,
    );
    clocks.b += 120_000;
    await B.ok(
      'customers.update',
      { id: x.id, expectedVersion: vb, changes: { phone: '13900000002' }, reason: '来电' },
      B.adminSid,
    );
    await sync(B);
    await sync(A);
    await sync(B);
    for (const c of [A, B])
      expect((await c.ok('customers.get', { id: x.id }, c.adminSid)).phone).toBe('13900000002');
    expect((await ho.admin('GET', '/admin/conflicts')).conflicts).toEqual([]);
  });

  it('keeps head office’s household size when both counters change it, and lets head office decide', async () => {
    const va = (await A.ok('customers.get', { id: x.id }, A.adminSid)).version;
    const vb = (await B.ok('customers.get', { id: x.id }, B.adminSid)).version;
    await A.ok(
      'customers.update',
      { id: x.id, expectedVersion: va, changes: { householdSize: 7 }, reason: '户籍' },
      A.adminSid,
    );
    await B.ok(
      'customers.update',
      { id: x.id, expectedVersion: vb, changes: { householdSize: 8 }, reason: '户籍' },
      B.adminSid,
    );
    await sync(A);
    const rb = await sync(B);
    expect(rb.ok).toBe(true);
    const { conflicts } = await ho.admin('GET', '/admin/conflicts');
    expect(conflicts).toHaveLength(1);
    expect(conflicts[0]).toMatchObject({
      kind: 'customer_field',
      field: 'householdSize',
      current: 7,
      incoming: 8,
      status: 'open',
    });
    expect((await B.ok('customers.get', { id: x.id }, B.adminSid)).householdSize).toBe(7);
    expect((await B.ok('sync.status', {}, B.adminSid)).conflicts).toMatchObject([
      { kind: 'customer_field', status: 'open' },
    ]);
    await ho.admin('POST', `/admin/conflicts/${conflicts[0].id}/resolve`, {
      choice: 'incoming',
      note: '以户口本为准',
      by: '总部张工',
    });
    await sync(A);
    await sync(B);
    for (const c of [A, B]) {
      expect((await c.ok('customers.get', { id: x.id }, c.adminSid)).householdSize).toBe(8);
      expect((await c.ok('sync.status', {}, c.adminSid)).conflicts).toMatchObject([{ status: 'resolved' }]);
    }
  });

  it('takes a change made after pulling the other counter’s change as no conflict', async () => {
    const before = (await ho.admin('GET', '/admin/conflicts')).conflicts.length;
    const va = (await A.ok('customers.get', { id: x.id }, A.adminSid)).version;
    await A.ok(
      'customers.update',
      { id: x.id, expectedVersion: va, changes: { householdSize: 5 }, reason: '户籍' },
      A.adminSid,
    );
    await sync(A);
    await sync(B); // B now holds A's change: its own next one is made knowing it
    const vb = (await B.ok('customers.get', { id: x.id }, B.adminSid)).version;
    expect((await B.ok('customers.get', { id: x.id }, B.adminSid)).householdSize).toBe(5);
    await B.ok(
      'customers.update',
      { id: x.id, expectedVersion: vb, changes: { householdSize: 4 }, reason: '户籍' },
      B.adminSid,
    );
    await sync(B);
    await sync(A);
    expect((await ho.admin('GET', '/admin/conflicts')).conflicts).toHaveLength(before);
    for (const c of [A, B])
      expect((await c.ok('customers.get', { id: x.id }, c.adminSid)).householdSize).toBe(4);
    // A's stamp on the field took the cursor its feed entry got, in the same statement.
    const meta = await one<{ cursor: number }>(
      `SELECT (field_meta->'householdSize'->>'cursor')::bigint AS cursor FROM customers WHERE id = $1`,
      [x.id],
    );
    const feed = await one<{ cursor: number }>(
      `SELECT cursor FROM feed WHERE kind = 'customer' AND key = $1`,
      [x.id],
    );
    expect(meta.cursor).toBe(feed.cursor);
  });

  it('quarantines what head office cannot apply, on both sides, and blocks nothing behind it', async () => {
    const h = { ...fakeHousehold(rand, 2), meters: [], accountNo: '010199000001' };
    await A.ok('customers.open', h, A.adminSid);
    await sync(A);
    const dup = await B.ok(
      'customers.open',
      { ...fakeHousehold(rand, 3), meters: [], accountNo: '010199000001' },
      B.adminSid,
    );
    await B.ok(
      'customers.update',
      { id: dup.id, expectedVersion: 1, changes: { notes: '同号档案' }, reason: '备注' },
      B.adminSid,
    );
    await B.ok('customers.open', { ...fakeHousehold(rand, 4), meters: [] }, B.adminSid);
    const r = await sync(B);
    expect(r.quarantined).toBe(2);
    const s = await B.ok('sync.status', {}, B.adminSid);
    expect(s.pendingOps).toBe(0);
    expect(s.quarantined.map((q) => q.code)).toEqual(['DUPLICATE_ACCOUNT_NO', 'UNKNOWN_CUSTOMER']);
    expect(s.quarantined[0]!.reason).toMatch(/用户编号/);
    expect((await ho.admin('GET', '/admin/quarantine')).ops).toHaveLength(2);
    expect((await one<{ n: number }>('SELECT count(*)::int AS n FROM customers')).n).toBe(3);
  });

  it('hands out head office’s master data: staff who can log in, fee items, prices, limits', async () => {
    await ho.admin('POST', '/admin/halls/0101/staff', {
      username: 'zhaolei',
      displayName: '赵磊',
      roles: ['cashier', 'clerk'],
      password: 'hq-pass-1234',
    });
    await ho.admin('POST', '/admin/fee-items', { code: 'GAS_ALARM', name: '燃气报警器', amountFen: 28_000 });
    await ho.admin('POST', '/admin/price-versions', {
      userClass: 'commercial',
      effectiveFrom: '2026-07-01',
      periodStart: '01-01',
      tiers: [{ width: null, priceLi: 3_800 }],
      note: '商业用气调价',
    });
    await ho.admin('POST', '/admin/purchase-limits', {
      userClass: 'commercial',
      perPurchase: 100_000,
      perMonth: null,
      perYear: null,
    });
    await sync(A);
    const zhao = await A.ok('auth.login', { username: 'zhaolei', password: 'hq-pass-1234' });
    expect(zhao.staff.roles).toEqual(['clerk', 'cashier']);
    const sid = zhao.sessionId;
    expect((await A.ok('fees.list', {}, sid)).items.map((f) => f.code)).toContain('GAS_ALARM');
    expect(
      (await A.ok('prices.list', {}, sid)).items.some(
        (p) => p.effectiveFrom === '2026-07-01' && p.userClass === 'commercial',
      ),
    ).toBe(true);
    // Prices are head office's: an enrolled counter cannot make its own (head office would believe no sale at it).
    const local = await A.call(
      'prices.create',
      {
        version: {
          userClass: 'commercial',
          effectiveFrom: '2026-08-01',
          periodStart: '01-01',
          tiers: [{ width: null, priceLi: 3_000, extraPerPerson: 0 }],
          note: '柜台调价',
        },
        approval: { username: 'admin', password: SIM_PASSWORD },
      },
      A.adminSid,
    );
    expect(local.ok ? null : local.error).toMatchObject({
      code: 'PRICES_FROM_HEAD_OFFICE',
      message: expect.stringMatching(/总部/),
    });
  });

  it('reports a day whose digests disagree, with the day and the counter, until they agree again', async () => {
    const counterId = A.app.counter()!.counterId;
    await ho.store.query('UPDATE day_digests SET amount = amount + 1 WHERE counter_id = $1', [counterId]);
    const r = await sync(A);
    expect(r.mismatches).toBe(1);
    const s = await A.ok('sync.status', {}, A.adminSid);
    expect(s.digestMismatches).toMatchObject([{ day: '2026-03-02', field: 'amount' }]);
    expect((await ho.admin('GET', '/admin/reconciliation')).issues).toMatchObject([
      { counterId, day: '2026-03-02', field: 'amount', counterCode: '01' },
    ]);
    await ho.store.query('UPDATE day_digests SET amount = amount - 1 WHERE counter_id = $1', [counterId]);
    expect((await sync(A)).mismatches).toBe(0);
    expect((await A.ok('sync.status', {}, A.adminSid)).digestMismatches).toEqual([]);
  });
});
