import { describe, expect, it } from 'vitest';
import { buy, cash, cashierWithShift, household, M3, saleWrites, YUAN } from '../fixtures/sales';
import { testCounter } from '../support/app';

describe('sales.sellGas refuses bad input and writes nothing', () => {
  it('refuses zero and negative amounts, short and over tenders, change on non-cash, a changed quote', async () => {
    const t = await testCounter();
    const c = await household(t, { householdSize: 4 });
    const sid = await cashierWithShift(t);
    const purchase = { customerId: c.id, by: 'volume' as const, volume: 10 * M3 };
    const due = (await t.ok('sales.quote', purchase, sid)).amountDue;
    expect(due).toBe(2750);
    const before = saleWrites(t);
    const sell = (over: Record<string, unknown>) =>
      t.fails('sales.sellGas', { purchase, expectedAmountDue: due, tenders: [cash(due)], ...over }, sid);

    const zeroVolume = await sell({ purchase: { ...purchase, volume: 0 } });
    expect(zeroVolume).toMatchObject({
      code: 'VALIDATION_FAILED',
      issues: [{ path: ['purchase', 'volume'] }],
    });
    const negMoney = await sell({ purchase: { customerId: c.id, by: 'money', money: -100 } });
    expect(negMoney.code).toBe('VALIDATION_FAILED');
    const zeroTender = await sell({ tenders: [cash(0)] });
    expect(zeroTender.code).toBe('VALIDATION_FAILED');
    const negTender = await sell({ tenders: [cash(-2750)] });
    expect(negTender.code).toBe('VALIDATION_FAILED');
    // One fen of money buys nothing (0.01 m³ costs 0.03 元).
    const nothing = await t.fails(
      'sales.sellGas',
      { purchase: { customerId: c.id, by: 'money', money: 1 }, expectedAmountDue: 1, tenders: [cash(1)] },
      sid,
    );
    expect(nothing.code).toBe('NOTHING_TO_BUY');

    expect((await sell({ tenders: [cash(due - 1)] })).code).toBe('TENDER_SHORT');
    expect((await sell({ tenders: [] })).code).toBe('TENDER_SHORT');
    expect((await sell({ tenders: [cash(due), cash(1)] })).code).toBe('TENDER_MISMATCH');
    expect((await sell({ tenders: [{ method: 'wechat', amount: due + 100, reference: 'WX1' }] })).code).toBe(
      'TENDER_MISMATCH',
    );
    const wechatChange = await sell({
      tenders: [{ method: 'wechat', amount: due, received: due + 100, reference: 'WX1' }],
    });
    expect(wechatChange).toMatchObject({
      code: 'VALIDATION_FAILED',
      issues: [{ path: ['tenders', 0, 'received'], code: 'TENDER_MISMATCH', message: '只有现金可以找零' }],
    });
    const cashShort = await sell({ tenders: [cash(due, due - 1)] });
    expect(cashShort.issues?.[0]).toMatchObject({ code: 'TENDER_SHORT' });
    const noReference = await sell({ tenders: [{ method: 'alipay', amount: due }] });
    expect(noReference.issues?.[0]).toMatchObject({ path: ['tenders', 0, 'reference'], code: 'REQUIRED' });

    const changed = await sell({ expectedAmountDue: due - 1 });
    expect(changed).toMatchObject({ code: 'QUOTE_CHANGED', status: 409 });
    expect(saleWrites(t)).toEqual(before);

    // The same sale, right, goes through: split tenders with cash change.
    const ok = await t.ok(
      'sales.sellGas',
      {
        purchase,
        expectedAmountDue: due,
        tenders: [{ method: 'bank_card', amount: 2000, reference: 'POS-778899' }, cash(750, 1000)],
      },
      sid,
    );
    expect(ok.tenders).toEqual([
      { method: 'bank_card', amount: 2000, received: null, change: 0, reference: 'POS-778899' },
      { method: 'cash', amount: 750, received: 1000, change: 250, reference: null },
    ]);
  });

  it('refuses a suspended or closed account, an unknown customer, and a sale without an open shift', async () => {
    const t = await testCounter();
    const sid = await cashierWithShift(t);
    const clerk = await t.login('zhangli');
    const suspended = await household(t);
    await t.ok(
      'customers.changeStatus',
      { id: suspended.id, expectedVersion: 1, action: 'suspend', reason: '用户申请暂停用气' },
      clerk,
    );
    const before = saleWrites(t);
    const sell = (customerId: string, session = sid) =>
      t.fails(
        'sales.sellGas',
        {
          purchase: { customerId, by: 'volume', volume: 10 * M3 },
          expectedAmountDue: 2750,
          tenders: [cash(2750)],
        },
        session,
      );
    expect((await sell(suspended.id)).code).toBe('CUSTOMER_NOT_ACTIVE');
    expect(
      (await t.fails('sales.quote', { customerId: suspended.id, by: 'volume', volume: 100 }, sid)).code,
    ).toBe('CUSTOMER_NOT_ACTIVE');
    expect(saleWrites(t)).toEqual(before);
    const closed = await household(t);
    await t.ok(
      'customers.changeStatus',
      {
        id: closed.id,
        expectedVersion: 1,
        action: 'close',
        reason: '拆迁销户',
        approval: { username: 'liuqiang', password: 'demo1234' },
      },
      clerk,
    );
    const beforeClosed = saleWrites(t);
    expect((await sell(closed.id)).code).toBe('CUSTOMER_NOT_ACTIVE');
    expect((await sell('0190a6f0-0000-7000-8000-000000000000')).code).toBe('CUSTOMER_NOT_FOUND');
    expect(saleWrites(t)).toEqual(beforeClosed);

    // A supervisor may sell, but has no shift open.
    const active = await household(t);
    const sup = await t.login('liuqiang');
    const beforeShift = saleWrites(t);
    expect((await sell(active.id, sup)).code).toBe('NO_OPEN_SHIFT');
    expect(saleWrites(t)).toEqual(beforeShift);
    // A clerk may quote but not sell.
    expect((await sell(active.id, clerk)).code).toBe('PERMISSION_DENIED');
  });
});

describe('receipt and invoice numbers', () => {
  it('allocates gap-free receipt numbers per counter, across gas and fees, refused sales taking none', async () => {
    const t = await testCounter();
    const c = await household(t);
    const sid = await cashierWithShift(t);
    const numbers: string[] = [];
    const fee = (await t.ok('fees.list', {}, sid)).items.find((f) => f.code === 'CARD_REPLACEMENT')!;
    for (let i = 0; i < 3; i++) {
      numbers.push((await buy(t, sid, { customerId: c.id, by: 'volume', volume: (i + 1) * M3 })).receiptNo);
      await t.fails(
        'sales.sellGas',
        {
          purchase: { customerId: c.id, by: 'volume', volume: M3 },
          expectedAmountDue: 1,
          tenders: [cash(1)],
        },
        sid,
      );
      const paid = await t.ok(
        'sales.payFees',
        {
          customerId: c.id,
          lines: [{ feeItemId: fee.id, qty: 1 }],
          expectedAmountDue: 2000,
          tenders: [cash(2000)],
        },
        sid,
      );
      numbers.push(paid.receiptNo);
    }
    expect(numbers).toEqual([1, 2, 3, 4, 5, 6].map((n) => `010101-${String(n).padStart(8, '0')}`));
    const all = t.app.gdb.sqlite.prepare('SELECT receipt_no AS r FROM sales ORDER BY seq').pluck().all();
    expect(all).toEqual(numbers);
  });

  it("takes invoice numbers from the operator's range first, then the workstation's, and says when none is left", async () => {
    const t = await testCounter();
    const c = await household(t);
    const admin = await t.login('admin');
    const sid = await cashierWithShift(t);
    const cashier = (await t.ok('auth.me', {}, sid)).staff.id;
    const own = await t.ok(
      'invoices.addRange',
      { operatorId: cashier, prefix: 'WF', first: 1, last: 2, width: 6 },
      admin,
    );
    expect(own).toMatchObject({ operatorId: cashier, next: 1, remaining: 2 });
    const overlap = await t.fails('invoices.addRange', { prefix: 'WF', first: 2, last: 10, width: 6 }, admin);
    expect(overlap.code).toBe('INVOICE_RANGE_OVERLAP');
    expect((await t.fails('invoices.addRange', { prefix: 'FP', first: 500, last: 500 }, admin)).code).toBe(
      'INVOICE_RANGE_OVERLAP',
    );
    await t.ok('invoices.addRange', { prefix: 'ZZ', first: 2, last: 10, width: 6 }, admin);
    expect((await t.fails('invoices.addRange', { prefix: 'WF', first: 1, last: 5 }, sid)).code).toBe(
      'PERMISSION_DENIED',
    );

    const invoiced = async () =>
      (await buy(t, sid, { customerId: c.id, by: 'volume', volume: M3 }, { issueInvoice: true })).invoiceNo;
    expect(await invoiced()).toBe('WF000001');
    expect(await invoiced()).toBe('WF000002');
    expect(await invoiced()).toBe('FP00000001');
    expect((await buy(t, sid, { customerId: c.id, by: 'volume', volume: M3 })).invoiceNo).toBeNull();
    expect(await invoiced()).toBe('FP00000002');
    const ranges = (await t.ok('invoices.list', {}, sid)).items;
    expect(ranges.find((r) => r.prefix === 'WF')).toMatchObject({ next: 3, remaining: 0 });
    expect(ranges.find((r) => r.prefix === 'FP')).toMatchObject({ next: 3, remaining: 99_997 });

    // The workstation's ranges run out (here: used up by hand) → refused, nothing written, no receipt taken.
    t.app.gdb.sqlite.prepare('UPDATE invoice_ranges SET next = last + 1').run();
    const before = saleWrites(t);
    const q = await t.ok('sales.quote', { customerId: c.id, by: 'volume', volume: M3 }, sid);
    const exhausted = await t.fails(
      'sales.sellGas',
      {
        purchase: { customerId: c.id, by: 'volume', volume: M3 },
        expectedAmountDue: q.amountDue,
        tenders: [cash(q.amountDue)],
        issueInvoice: true,
      },
      sid,
    );
    expect(exhausted.code).toBe('INVOICE_NUMBERS_EXHAUSTED');
    expect(saleWrites(t)).toEqual(before);
    await t.ok('invoices.addRange', { prefix: 'FP', first: 100_000, last: 100_100 }, admin);
    expect(await invoiced()).toBe('FP00100000');
  });
});

describe('sales.payFees', () => {
  it('charges active catalogue items by quantity, completed at once, with receipt and ledger operation', async () => {
    const t = await testCounter();
    const c = await household(t);
    const sid = await cashierWithShift(t);
    const items = (await t.ok('fees.list', {}, sid)).items;
    const byCode = (code: string) => items.find((f) => f.code === code)!;
    const lines = [
      { feeItemId: byCode('CONNECTION').id, qty: 1 },
      { feeItemId: byCode('CARD_REPLACEMENT').id, qty: 2 },
    ];
    const before = saleWrites(t);
    const changed = await t.fails(
      'sales.payFees',
      { customerId: c.id, lines, expectedAmountDue: 2800 * YUAN, tenders: [cash(2800 * YUAN)] },
      sid,
    );
    expect(changed.code).toBe('QUOTE_CHANGED');
    expect(saleWrites(t)).toEqual(before);
    const paid = await t.ok(
      'sales.payFees',
      {
        customerId: c.id,
        lines,
        expectedAmountDue: 2840 * YUAN,
        tenders: [{ method: 'alipay', amount: 2840 * YUAN, reference: 'ALI2026112600001' }],
      },
      sid,
    );
    expect(paid).toMatchObject({
      kind: 'fee',
      status: 'completed',
      volume: 0,
      amount: 284000,
      amountPaid: 284000,
      customer: { id: c.id },
      lines: [
        { kind: 'fee', name: '初装费', qty: 1, amount: 280000, tier: null, volume: null },
        { kind: 'fee', name: '补卡', qty: 2, amount: 4000 },
      ],
      tenders: [{ method: 'alipay', amount: 284000, reference: 'ALI2026112600001', change: 0 }],
    });
    expect(t.count('outbox')).toBe(before.outbox! + 1);

    // A walk-in without a customer file may pay a fee too.
    const walkIn = await t.ok(
      'sales.payFees',
      {
        lines: [{ feeItemId: byCode('METER_CHANGE').id, qty: 1 }],
        expectedAmountDue: 15000,
        tenders: [cash(15000)],
      },
      sid,
    );
    expect(walkIn.customer).toBeNull();

    // An item taken out of the catalogue cannot be charged.
    const admin = await t.login('admin');
    const heater = byCode('HEATER_INSTALL');
    await t.ok('fees.save', { ...heater, active: false }, admin);
    const beforeInactive = saleWrites(t);
    const inactive = await t.fails(
      'sales.payFees',
      { lines: [{ feeItemId: heater.id, qty: 1 }], expectedAmountDue: 12000, tenders: [cash(12000)] },
      sid,
    );
    expect(inactive).toMatchObject({
      code: 'VALIDATION_FAILED',
      issues: [{ path: ['lines', 0, 'feeItemId'], code: 'FEE_ITEM_INACTIVE' }],
    });
    expect(saleWrites(t)).toEqual(beforeInactive);
  });
});

describe('reading sales', () => {
  it('lists by customer, shift and business date, newest first', async () => {
    const t = await testCounter();
    const a = await household(t);
    const b = await household(t);
    const sid = await cashierWithShift(t);
    const s1 = await buy(t, sid, { customerId: a.id, by: 'volume', volume: M3 });
    const s2 = await buy(t, sid, { customerId: b.id, by: 'volume', volume: 2 * M3 });
    const s3 = await buy(t, sid, { customerId: a.id, by: 'volume', volume: 3 * M3 });
    const ids = (items: { id: string }[]) => items.map((s) => s.id);
    expect(ids((await t.ok('sales.list', { customerId: a.id }, sid)).items)).toEqual([s3.id, s1.id]);
    expect(ids((await t.ok('sales.list', { shiftId: s1.shiftId }, sid)).items)).toEqual([
      s3.id,
      s2.id,
      s1.id,
    ]);
    expect(ids((await t.ok('sales.list', { businessDate: '2026-11-26', limit: 2 }, sid)).items)).toEqual([
      s3.id,
      s2.id,
    ]);
    expect((await t.ok('sales.list', { businessDate: '2026-11-25' }, sid)).items).toEqual([]);
    expect(await t.ok('sales.get', { id: s2.id }, sid)).toEqual(s2);
    expect((await t.fails('sales.get', { id: '0190a6f0-0000-7000-8000-000000000000' }, sid)).code).toBe(
      'NOT_FOUND',
    );
    expect((await t.ok('sales.balance', { customerId: a.id }, sid)).balance).toBe(0);
  });
});
