import { describe, expect, it } from 'vitest';
import { creditCodeCheckChar } from '../../core/validation/credit-code';
import {
  buy,
  cash,
  cashierWithShift,
  household,
  M3,
  SUPERVISOR,
  saleWrites,
  setDate,
  YUAN,
} from '../fixtures/sales';
import { setBalance } from '../../db';
import { testCounter } from '../support/app';

describe('tiered gas sales: exact vectors', () => {
  it('prices 50 m³ for a 5-person household that used 480 m³ this year: 20 at 2.75 + 30 at 3.30 = 154.00 元', async () => {
    const t = await testCounter();
    setDate(t, '2026-09-10');
    const c = await household(t, { householdSize: 5 });
    let sid = await cashierWithShift(t);
    await buy(t, sid, { customerId: c.id, by: 'volume', volume: 240 * M3 });
    setDate(t, '2026-10-12');
    sid = await t.login('wangfang');
    await buy(t, sid, { customerId: c.id, by: 'volume', volume: 240 * M3 });
    setDate(t, '2026-11-26');
    sid = await t.login('wangfang');

    const purchase = { customerId: c.id, by: 'volume' as const, volume: 50 * M3 };
    const q = await t.ok('sales.quote', purchase, sid);
    expect(q).toMatchObject({
      usedInPeriod: 480 * M3,
      periodStart: '2026-01-01',
      householdSize: 5,
      volume: 5000,
      amount: 15400,
      amountDue: 15400,
      slices: [
        { tier: 1, volume: 2000, priceLi: 2750, amount: 5500 },
        { tier: 2, volume: 3000, priceLi: 3300, amount: 9900 },
      ],
      tiers: [
        // a 5-person household: tier 1 is 400 + 100 m³, tier 2 adds 600 + 150 m³
        { tier: 1, upTo: 500 * M3, priceLi: 2750, remaining: 20 * M3 },
        // 480 m³ used: tier 2 (500–1250 m³) is untouched and holds all its 750 m³
        { tier: 2, upTo: 1250 * M3, priceLi: 3300, remaining: 750 * M3 },
        { tier: 3, upTo: null, priceLi: 4125, remaining: null },
      ],
      approvalReasons: [],
    });

    const sale = await t.ok(
      'sales.sellGas',
      { purchase, expectedAmountDue: 15400, tenders: [cash(15400, 200 * YUAN)] },
      sid,
    );
    expect(sale).toMatchObject({
      kind: 'gas',
      status: 'pending_card_write',
      volume: 5000,
      amount: 15400,
      amountPaid: 15400,
      balanceUsed: 0,
      balanceAdded: 0,
      usedBefore: 48000,
      periodStart: '2026-01-01',
      businessDate: '2026-11-26',
      receiptNo: '010101-00000003',
      customer: { id: c.id, accountNo: c.accountNo, name: c.name },
      operator: { displayName: '王芳' },
      approver: null,
      lines: [
        { kind: 'gas', tier: 1, name: '第1档', volume: 2000, priceLi: 2750, amount: 5500 },
        { kind: 'gas', tier: 2, name: '第2档', volume: 3000, priceLi: 3300, amount: 9900 },
      ],
      tenders: [{ method: 'cash', amount: 15400, received: 20000, change: 4600, reference: null }],
    });
    const op = t.app.gdb.sqlite
      .prepare('SELECT type, entity_id AS entityId, payload FROM outbox ORDER BY seq DESC LIMIT 1')
      .get() as { type: string; entityId: string; payload: string };
    expect(op).toMatchObject({ type: 'sale.gasSold', entityId: sale.id });
    expect(JSON.parse(op.payload)).toMatchObject({
      amount: 15400,
      lines: [{ amount: 5500 }, { amount: 9900 }],
    });
  });

  it('buys by money across a tier boundary, keeps the remainder as balance and uses it next time', async () => {
    const t = await testCounter();
    setDate(t, '2026-09-10');
    const c = await household(t, { householdSize: 4 });
    let sid = await cashierWithShift(t);
    await buy(t, sid, { customerId: c.id, by: 'volume', volume: 200 * M3 });
    await buy(t, sid, { customerId: c.id, by: 'volume', volume: 180 * M3 });
    setDate(t, '2026-11-26');
    sid = await t.login('wangfang');

    // 380 m³ used, tier 1 ends at 400: 20 m³ × 2.75 = 55.00; 45.00 buys 13.63 m³ at 3.30 = 44.98 (13.64 would
    // cost 45.01); 0.02 is left over.
    const byMoney = { customerId: c.id, by: 'money' as const, money: 100 * YUAN };
    const q = await t.ok('sales.quote', byMoney, sid);
    expect(q).toMatchObject({
      volume: 3363,
      amount: 9998,
      slices: [
        { tier: 1, volume: 2000, amount: 5500 },
        { tier: 2, volume: 1363, amount: 4498 },
      ],
      balanceBefore: 0,
      balanceUsed: 0,
      balanceAfter: 2,
      amountDue: 10000,
    });
    const s1 = await t.ok(
      'sales.sellGas',
      { purchase: byMoney, expectedAmountDue: 10000, tenders: [cash(10000)] },
      sid,
    );
    expect(s1).toMatchObject({ amount: 9998, amountPaid: 10000, balanceAdded: 2, balanceUsed: 0 });
    expect(await t.ok('sales.balance', { customerId: c.id }, sid)).toEqual({ balance: 2 });

    // Next time, 10 m³ all in tier 2 = 33.00, of which the 0.02 balance pays part.
    const next = { customerId: c.id, by: 'volume' as const, volume: 10 * M3 };
    const q2 = await t.ok('sales.quote', next, sid);
    expect(q2).toMatchObject({
      usedInPeriod: 41363,
      amount: 3300,
      balanceBefore: 2,
      balanceUsed: 2,
      balanceAfter: 0,
      amountDue: 3298,
    });
    const s2 = await t.ok(
      'sales.sellGas',
      { purchase: next, expectedAmountDue: 3298, tenders: [cash(3298, 3300)] },
      sid,
    );
    expect(s2).toMatchObject({ balanceUsed: 2, amountPaid: 3298, tenders: [{ change: 2 }] });
    expect(await t.ok('sales.balance', { customerId: c.id }, sid)).toEqual({ balance: 0 });
  });

  it('buys by money with the balance added to the money, and by volume paid wholly from the balance', async () => {
    const t = await testCounter();
    const c = await household(t, { householdSize: 4 });
    const sid = await cashierWithShift(t);
    // 10.00 元 at 2.75 buys 3.63 m³ (9.98), leaving 0.02.
    const s = await buy(t, sid, { customerId: c.id, by: 'money', money: 10 * YUAN });
    expect(s).toMatchObject({ volume: 363, amount: 998, balanceAdded: 2 });
    // 1.00 元 + the 0.02 balance = 1.02 buys 0.37 m³ (1.0175 → 1.02), nothing left.
    const q = await t.ok('sales.quote', { customerId: c.id, by: 'money', money: 100 }, sid);
    expect(q).toMatchObject({ volume: 37, amount: 102, balanceUsed: 2, balanceAfter: 0, amountDue: 100 });
    // Without the balance the 0.02 stays and the new remainder is added to it.
    const q3 = await t.ok(
      'sales.quote',
      { customerId: c.id, by: 'money', money: 100, useBalance: false },
      sid,
    );
    expect(q3).toMatchObject({ volume: 36, amount: 99, balanceUsed: 0, balanceAfter: 3 });
    // That leaves 0.03; then 0.01 m³ costs 0.0275 → 0.03 元, paid wholly from the balance (no tenders).
    await buy(t, sid, { customerId: c.id, by: 'money', money: 100, useBalance: false });
    expect((await t.ok('sales.balance', { customerId: c.id }, sid)).balance).toBe(3);
    const paidByBalance = await buy(t, sid, { customerId: c.id, by: 'volume', volume: 1 });
    expect(paidByBalance).toMatchObject({ amount: 3, balanceUsed: 3, amountPaid: 0, tenders: [] });
    expect((await t.ok('sales.balance', { customerId: c.id }, sid)).balance).toBe(0);
  });

  it('collects a balance owed (spent at two counters, brought by head office) with the next purchase', async () => {
    const t = await testCounter();
    const c = await household(t, { householdSize: 4 });
    const sid = await cashierWithShift(t);
    // What a pull leaves after a balance conflict: head office's negative balance (services/sync/apply-customers.ts).
    setBalance(t.app.gdb.sqlite, c.id, -250);
    // 1 m³ in tier 1 = 2.75 元, plus the 2.50 owed.
    const purchase = { customerId: c.id, by: 'volume' as const, volume: 1 * M3 };
    const q = await t.ok('sales.quote', purchase, sid);
    expect(q).toMatchObject({
      amount: 275,
      balanceBefore: -250,
      balanceUsed: -250,
      balanceAfter: 0,
      amountDue: 525,
    });
    expect(await buy(t, sid, purchase)).toMatchObject({ amount: 275, balanceUsed: -250, amountPaid: 525 });
    expect((await t.ok('sales.balance', { customerId: c.id }, sid)).balance).toBe(0);
  });

  it('starts counting tiers again at the start of the pricing period', async () => {
    const t = await testCounter();
    setDate(t, '2026-09-10');
    const c = await household(t, { householdSize: 4 });
    let sid = await cashierWithShift(t);
    await buy(t, sid, { customerId: c.id, by: 'volume', volume: 250 * M3 });
    setDate(t, '2026-10-10');
    sid = await t.login('wangfang');
    await buy(t, sid, { customerId: c.id, by: 'volume', volume: 200 * M3 });

    setDate(t, '2026-12-31');
    sid = await t.login('wangfang');
    const ten = { customerId: c.id, by: 'volume' as const, volume: 10 * M3 };
    expect(await t.ok('sales.quote', ten, sid)).toMatchObject({
      periodStart: '2026-01-01',
      usedInPeriod: 450 * M3,
      amount: 3300,
      slices: [{ tier: 2 }],
    });
    await buy(t, sid, ten);

    // The 2026-01-01 price version is still in effect; its period starts again on 01-01.
    setDate(t, '2027-01-02');
    sid = await t.login('wangfang');
    expect(await t.ok('sales.quote', ten, sid)).toMatchObject({
      periodStart: '2027-01-01',
      usedInPeriod: 0,
      amount: 2750,
      slices: [{ tier: 1, volume: 1000, priceLi: 2750 }],
      // A new period: tier 2 (400–1000 m³) holds 600 m³, not its upper bound.
      tiers: [{ tier: 1, remaining: 400 * M3 }, { tier: 2, remaining: 600 * M3 }, { tier: 3 }],
    });
  });

  it('prices other classes at their flat price, with no tier usage', async () => {
    const t = await testCounter();
    const c = await household(t, {
      userClass: 'commercial',
      idNumber: undefined,
      creditCode: `91320722MA1W9XY20${creditCodeCheckChar('91320722MA1W9XY20')}`,
      householdSize: 1,
    });
    const sid = await cashierWithShift(t);
    const q = await t.ok('sales.quote', { customerId: c.id, by: 'volume', volume: 1234 }, sid);
    // 12.34 m³ × 3.60 = 44.424 → 44.42
    expect(q).toMatchObject({ userClass: 'commercial', amount: 4442, slices: [{ tier: 1, priceLi: 3600 }] });
  });
});

describe('approval reasons: hazards and purchase limits', () => {
  it('asks for a supervisor on a safety issue or over a limit, refuses without one, records the approver', async () => {
    const t = await testCounter();
    const sid = await cashierWithShift(t);
    const hazard = await household(t, { inspection: { status: 'hazard', date: '2026-11-01' } });
    const q = await t.ok('sales.quote', { customerId: hazard.id, by: 'volume', volume: 10 * M3 }, sid);
    expect(q.approvalReasons).toEqual([{ code: 'HAZARD', message: expect.stringContaining('有隐患') }]);

    const sell = { purchase: { customerId: hazard.id, by: 'volume' as const, volume: 10 * M3 } };
    const before = saleWrites(t);
    const refused = await t.fails(
      'sales.sellGas',
      { ...sell, expectedAmountDue: q.amountDue, tenders: [cash(q.amountDue)] },
      sid,
    );
    expect(refused.code).toBe('HAZARD_APPROVAL_REQUIRED');
    expect(saleWrites(t)).toEqual(before);
    const badApproval = await t.fails(
      'sales.sellGas',
      {
        ...sell,
        expectedAmountDue: q.amountDue,
        tenders: [cash(q.amountDue)],
        approval: { ...SUPERVISOR, password: 'wrong-password' },
      },
      sid,
    );
    expect(badApproval.code).toBe('APPROVAL_INVALID');
    const clerkApproval = await t.fails(
      'sales.sellGas',
      {
        ...sell,
        expectedAmountDue: q.amountDue,
        tenders: [cash(q.amountDue)],
        approval: { username: 'zhangli', password: SUPERVISOR.password },
      },
      sid,
    );
    expect(clerkApproval.code).toBe('APPROVAL_INVALID');
    // Only the failed approval attempt is audited (the wrong password); no sale, no ledger operation.
    expect(saleWrites(t)).toEqual({ ...before, audit: before.audit! + 1 });

    const ok = await t.ok(
      'sales.sellGas',
      { ...sell, expectedAmountDue: q.amountDue, tenders: [cash(q.amountDue)], approval: SUPERVISOR },
      sid,
    );
    expect(ok.approver).toMatchObject({ displayName: '刘强' });
    expect(ok.reason).toContain('有隐患');
    const op = t.app.gdb.sqlite
      .prepare(
        'SELECT o.approver_id AS a, s.username AS u FROM outbox o JOIN staff s ON s.id = o.approver_id WHERE o.entity_id = ?',
      )
      .get(ok.id);
    expect(op).toMatchObject({ u: 'liuqiang' });
  });

  it('applies the per-purchase, per-month and per-year limits', async () => {
    const t = await testCounter();
    setDate(t, '2026-03-10');
    const c = await household(t, { householdSize: 4 });
    let sid = await cashierWithShift(t);
    const vol = (m3: number) => ({ customerId: c.id, by: 'volume' as const, volume: m3 * M3 });
    const codes = async (m3: number) =>
      (await t.ok('sales.quote', vol(m3), sid)).approvalReasons.map((r) => r.code);

    expect(await codes(300)).toEqual([]);
    expect(await codes(301)).toEqual(['PER_PURCHASE']);
    await buy(t, sid, vol(300));
    expect(await codes(200)).toEqual([]);
    expect(await codes(201)).toEqual(['PER_MONTH']);
    const before = saleWrites(t);
    const q = await t.ok('sales.quote', vol(201), sid);
    const refused = await t.fails(
      'sales.sellGas',
      { purchase: vol(201), expectedAmountDue: q.amountDue, tenders: [cash(q.amountDue)] },
      sid,
    );
    expect(refused).toMatchObject({ code: 'LIMIT_EXCEEDED', detail: expect.stringContaining('每月限购') });
    expect(saleWrites(t)).toEqual(before);
    const approved = await buy(t, sid, vol(201), { approval: SUPERVISOR });
    expect(approved.approver?.displayName).toBe('刘强');

    // A new month: the month counter starts again, the year counter does not (501 m³ so far).
    for (const date of ['2026-04-10', '2026-05-10', '2026-06-10']) {
      setDate(t, date);
      sid = await t.login('wangfang');
      await buy(t, sid, vol(450), { approval: SUPERVISOR }); // 450 > 300 per purchase
    }
    // 1851 m³ bought this year: 149 more is fine, 150 is over the 2000 m³ year.
    setDate(t, '2026-07-10');
    sid = await t.login('wangfang');
    expect(await codes(149)).toEqual([]);
    expect(await codes(150)).toEqual(['PER_YEAR']);
  });
});
