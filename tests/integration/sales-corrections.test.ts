import { describe, expect, it } from 'vitest';
import type { Sale } from '../../core/contract';
import type { CardWritePort } from '../../services/sales/card-write-port';
import { buy, cash, cashierWithShift, household, M3, SUPERVISOR, saleWrites, YUAN } from '../fixtures/sales';
import { type TestCounter, testCounter } from '../support/app';

const rowOf = (t: TestCounter, id: string) =>
  t.app.gdb.sqlite.prepare('SELECT * FROM sales WHERE id = ?').get(id);
const opsOf = (t: TestCounter, id: string) =>
  t.app.gdb.sqlite.prepare('SELECT type FROM outbox WHERE entity_id = ? ORDER BY seq').pluck().all(id);

/** A sale by money with split tenders (cash with change + WeChat), leaving a balance. */
async function saleWithBalance(t: TestCounter, sid: string, customerId: string): Promise<Sale> {
  const purchase = { customerId, by: 'money' as const, money: 100 * YUAN };
  return t.ok(
    'sales.sellGas',
    {
      purchase,
      expectedAmountDue: 100 * YUAN,
      tenders: [cash(60 * YUAN, 70 * YUAN), { method: 'wechat', amount: 40 * YUAN, reference: 'WX4200001' }],
    },
    sid,
  );
}

describe('sales.reverse (冲正)', () => {
  it('undoes a gas sale with a new entry: negative gas and lines, money back through the same tenders', async () => {
    const t = await testCounter();
    const c = await household(t, { householdSize: 4 });
    const sid = await cashierWithShift(t);
    await buy(t, sid, { customerId: c.id, by: 'volume', volume: 380 * M3 }, { approval: SUPERVISOR });
    // 100.00 after 380 m³: 20 m³ × 2.75 = 55.00, then 13.63 m³ × 3.30 = 44.98; 0.02 goes to the balance.
    const sale = await saleWithBalance(t, sid, c.id);
    expect(sale.lines.map((l) => l.tier)).toEqual([1, 2]);
    const usedAfterSale = (await t.ok('sales.quote', { customerId: c.id, by: 'volume', volume: 1 }, sid))
      .usedInPeriod;
    expect(usedAfterSale).toBe(38000 + sale.volume);
    const balanceAfterSale = (await t.ok('sales.balance', { customerId: c.id }, sid)).balance;
    expect(balanceAfterSale).toBe(2);
    expect(sale).toMatchObject({ volume: 3363, amount: 9998, balanceAdded: 2 });
    const original = rowOf(t, sale.id);

    const before = saleWrites(t);
    const input = { saleId: sale.id, reason: '用户当场退气，卡未插表' };
    expect((await t.fails('sales.reverse', input, sid)).code).toBe('APPROVAL_REQUIRED');
    expect(saleWrites(t)).toEqual(before);

    const r = await t.ok('sales.reverse', { ...input, approval: SUPERVISOR }, sid);
    expect(r).toMatchObject({
      kind: 'reversal',
      status: 'completed',
      correctsSaleId: sale.id,
      volume: -sale.volume,
      amount: -sale.amount,
      amountPaid: -10000,
      balanceUsed: 0,
      balanceAdded: -2,
      approver: { displayName: '刘强' },
      reason: '用户当场退气，卡未插表',
      lines: sale.lines.map((l) => ({ ...l, volume: -l.volume!, amount: -l.amount })),
      tenders: [
        { method: 'cash', amount: -6000, received: null, change: 0, reference: null },
        { method: 'wechat', amount: -4000, received: null, change: 0, reference: 'WX4200001' },
      ],
    });
    expect(r.receiptNo).not.toBe(sale.receiptNo);
    expect(opsOf(t, r.id)).toEqual(['sale.reversed']);
    expect(rowOf(t, sale.id)).toEqual(original);
    expect((await t.ok('sales.get', { id: sale.id }, sid)).correctedBy).toEqual([
      { id: r.id, kind: 'reversal', receiptNo: r.receiptNo, amountPaid: -10000 },
    ]);
    expect((await t.ok('sales.balance', { customerId: c.id }, sid)).balance).toBe(0);
    expect((await t.ok('sales.quote', { customerId: c.id, by: 'volume', volume: 1 }, sid)).usedInPeriod).toBe(
      38000,
    );

    // Twice, a reversal of a reversal, a fee payment: refused, nothing written.
    const beforeAgain = saleWrites(t);
    const again = await t.fails('sales.reverse', { ...input, approval: SUPERVISOR }, sid);
    expect(again.code).toBe('ALREADY_REVERSED');
    const ofReversal = await t.fails('sales.reverse', { ...input, saleId: r.id, approval: SUPERVISOR }, sid);
    expect(ofReversal.code).toBe('NOT_REVERSIBLE');
    const fee = (await t.ok('fees.list', {}, sid)).items.find((f) => f.code === 'CARD_REPLACEMENT')!;
    const paid = await t.ok(
      'sales.payFees',
      { lines: [{ feeItemId: fee.id, qty: 1 }], expectedAmountDue: 2000, tenders: [cash(2000)] },
      sid,
    );
    const beforeFee = saleWrites(t);
    expect(beforeFee.sales).toBe(beforeAgain.sales! + 1);
    const ofFee = await t.fails('sales.reverse', { ...input, saleId: paid.id, approval: SUPERVISOR }, sid);
    expect(ofFee.code).toBe('NOT_REVERSIBLE');
    expect(saleWrites(t)).toEqual(beforeFee);
  });

  it('refuses to reverse a sale whose added balance was spent since, until the later sale is reversed', async () => {
    const t = await testCounter();
    const c = await household(t, { householdSize: 4 });
    const sid = await cashierWithShift(t);
    const first = await saleWithBalance(t, sid, c.id);
    expect(first.balanceAdded).toBeGreaterThan(0);
    const second = await buy(t, sid, { customerId: c.id, by: 'volume', volume: M3 });
    expect(second.balanceUsed).toBe(first.balanceAdded);
    const before = saleWrites(t);
    const refused = await t.fails(
      'sales.reverse',
      { saleId: first.id, reason: '误操作', approval: SUPERVISOR },
      sid,
    );
    expect(refused.code).toBe('BALANCE_ALREADY_USED');
    expect(saleWrites(t)).toEqual(before);
    await t.ok('sales.reverse', { saleId: second.id, reason: '误操作', approval: SUPERVISOR }, sid);
    expect((await t.ok('sales.balance', { customerId: c.id }, sid)).balance).toBe(first.balanceAdded);
    await t.ok('sales.reverse', { saleId: first.id, reason: '误操作', approval: SUPERVISOR }, sid);
    expect((await t.ok('sales.balance', { customerId: c.id }, sid)).balance).toBe(0);
  });
});

describe('sales.refund (退款)', () => {
  it('refunds a fee payment in parts up to what was paid, each with approval and stated tenders', async () => {
    const t = await testCounter();
    const sid = await cashierWithShift(t);
    const items = (await t.ok('fees.list', {}, sid)).items;
    const reroute = items.find((f) => f.code === 'REROUTE')!;
    const paid = await t.ok(
      'sales.payFees',
      {
        lines: [{ feeItemId: reroute.id, qty: 2 }],
        expectedAmountDue: 600 * YUAN,
        tenders: [{ method: 'bank_card', amount: 600 * YUAN, reference: 'POS-1' }],
      },
      sid,
    );
    const input = {
      saleId: paid.id,
      amount: 300 * YUAN,
      tenders: [cash(300 * YUAN)],
      reason: '只改了一处管线',
    };
    const before = saleWrites(t);
    expect((await t.fails('sales.refund', input, sid)).code).toBe('APPROVAL_REQUIRED');
    expect(
      (await t.fails('sales.refund', { ...input, amount: 600 * YUAN + 1, approval: SUPERVISOR }, sid)).code,
    ).toBe('REFUND_TOO_LARGE');
    expect(
      (await t.fails('sales.refund', { ...input, tenders: [cash(200 * YUAN)], approval: SUPERVISOR }, sid))
        .code,
    ).toBe('TENDER_SHORT');
    expect(
      (
        await t.fails(
          'sales.refund',
          { ...input, tenders: [cash(300 * YUAN, 400 * YUAN)], approval: SUPERVISOR },
          sid,
        )
      ).code,
    ).toBe('TENDER_MISMATCH');
    expect(saleWrites(t)).toEqual(before);

    const r1 = await t.ok('sales.refund', { ...input, approval: SUPERVISOR }, sid);
    expect(r1).toMatchObject({
      kind: 'refund',
      status: 'completed',
      correctsSaleId: paid.id,
      volume: 0,
      amount: -30000,
      amountPaid: -30000,
      lines: [],
      tenders: [{ method: 'cash', amount: -30000, change: 0 }],
      approver: { displayName: '刘强' },
    });
    const beforeTooLarge = saleWrites(t);
    const tooLarge = await t.fails(
      'sales.refund',
      { ...input, amount: 300 * YUAN + 1, tenders: [cash(300 * YUAN + 1)], approval: SUPERVISOR },
      sid,
    );
    expect(tooLarge).toMatchObject({ code: 'REFUND_TOO_LARGE', detail: '可退 300.00' });
    expect(saleWrites(t)).toEqual(beforeTooLarge);
    await t.ok(
      'sales.refund',
      {
        ...input,
        tenders: [{ method: 'bank_card', amount: 300 * YUAN, reference: 'POS-1-R' }],
        approval: SUPERVISOR,
      },
      sid,
    );
    const full = await t.fails(
      'sales.refund',
      { ...input, amount: 1, tenders: [cash(1)], approval: SUPERVISOR },
      sid,
    );
    expect(full.code).toBe('REFUND_TOO_LARGE');
    expect((await t.ok('sales.get', { id: paid.id }, sid)).correctedBy.map((x) => x.amountPaid)).toEqual([
      -30000, -30000,
    ]);
  });

  it('refuses to refund a gas sale that reached the card, a refund, or a reversal', async () => {
    const t = await testCounter();
    const c = await household(t);
    const sid = await cashierWithShift(t);
    const sale = await buy(t, sid, { customerId: c.id, by: 'volume', volume: 10 * M3 });
    const reversal = await t.ok(
      'sales.reverse',
      { saleId: sale.id, reason: '退气', approval: SUPERVISOR },
      sid,
    );
    const other = await buy(t, sid, { customerId: c.id, by: 'volume', volume: 10 * M3 });
    const before = saleWrites(t);
    const refund = (saleId: string, amount: number) =>
      t.fails(
        'sales.refund',
        { saleId, amount, tenders: [cash(amount)], reason: '退款', approval: SUPERVISOR },
        sid,
      );
    // pending_card_write (no card writer in P2): the gas may be on the card — that is a reversal's job.
    expect((await refund(other.id, 2750)).code).toBe('NOT_REFUNDABLE');
    expect((await refund(reversal.id, 2750)).code).toBe('NOT_REFUNDABLE');
    expect(saleWrites(t)).toEqual(before);
  });
});

describe('the two-phase card write (fake card writer)', () => {
  function fakeWriter(t: TestCounter, behaviour: 'ok' | 'fail' | 'throw') {
    const seen: { sale: Sale; stored: unknown; tenders: number; ops: unknown[] }[] = [];
    const port: CardWritePort = {
      async writePurchase(sale) {
        // Durable before visible: the sale, its payment and its ledger operation are committed first.
        seen.push({
          sale,
          stored: (rowOf(t, sale.id) as { status: string }).status,
          tenders: t.count('tenders'),
          ops: opsOf(t, sale.id),
        });
        if (behaviour === 'throw') throw new Error('读卡器无响应');
        return behaviour === 'ok' ? { ok: true } : { ok: false, reason: '回读比对不一致' };
      },
    };
    return { port, seen };
  }

  it('writes after the commit and completes the sale', async () => {
    const t = await testCounter();
    const c = await household(t);
    const sid = await cashierWithShift(t);
    const w = fakeWriter(t, 'ok');
    t.app.cardWriter = w.port;
    const sale = await buy(t, sid, { customerId: c.id, by: 'volume', volume: 10 * M3 });
    expect(w.seen).toHaveLength(1);
    expect(w.seen[0]).toMatchObject({
      sale: { id: sale.id, status: 'pending_card_write', volume: 1000 },
      stored: 'pending_card_write',
      ops: ['sale.gasSold'],
    });
    expect(w.seen[0]!.tenders).toBeGreaterThan(0);
    expect(sale.status).toBe('completed');
    expect(opsOf(t, sale.id)).toEqual(['sale.gasSold', 'sale.cardWritten']);
    // Completed means final: the append-only trigger refuses any further move.
    expect(() =>
      t.app.gdb.sqlite.prepare("UPDATE sales SET status = 'card_write_failed' WHERE id = ?").run(sale.id),
    ).toThrow(/pending_card_write/);
  });

  it('marks a failed write card_write_failed; the payment is then refundable in full, voiding the gas', async () => {
    const t = await testCounter();
    const c = await household(t, { householdSize: 4 });
    const sid = await cashierWithShift(t);
    const w = fakeWriter(t, 'fail');
    t.app.cardWriter = w.port;
    const sale = await saleWithBalance(t, sid, c.id);
    expect(sale.status).toBe('card_write_failed');
    expect(opsOf(t, sale.id)).toEqual(['sale.gasSold', 'sale.cardWriteFailed']);
    const audit = t.app.gdb.sqlite
      .prepare("SELECT reason FROM audit WHERE entity_id = ? AND action = 'sale.cardWriteFailed'")
      .get(sale.id);
    // The writer's words are read into the problem, stored and shown in Chinese with the next step.
    expect(audit).toEqual({ reason: '写入后读回的内容不一致，卡内没有这笔气。' });
    expect(sale.cardProblemCode).toBe('WRITE_NOT_CONFIRMED');
    expect(sale.cardProblem).toContain('重新写卡');
    // Until refunded, the failed sale still counts towards the tiers (a retry would deliver it).
    const used = () =>
      t.ok('sales.quote', { customerId: c.id, by: 'volume', volume: 1 }, sid).then((q) => q.usedInPeriod);
    expect(await used()).toBe(sale.volume);

    const before = saleWrites(t);
    expect(
      (await t.fails('sales.reverse', { saleId: sale.id, reason: '写卡失败', approval: SUPERVISOR }, sid))
        .code,
    ).toBe('NOT_REVERSIBLE');
    const part = await t.fails(
      'sales.refund',
      { saleId: sale.id, amount: 5000, tenders: [cash(5000)], reason: '写卡失败', approval: SUPERVISOR },
      sid,
    );
    expect(part).toMatchObject({ code: 'VALIDATION_FAILED', issues: [{ code: 'REFUND_MUST_BE_FULL' }] });
    expect(saleWrites(t)).toEqual(before);

    const refund = await t.ok(
      'sales.refund',
      {
        saleId: sale.id,
        amount: 100 * YUAN,
        tenders: [cash(60 * YUAN), { method: 'wechat', amount: 40 * YUAN, reference: 'WX4200001-R' }],
        reason: '写卡失败，退款',
        approval: SUPERVISOR,
      },
      sid,
    );
    expect(refund).toMatchObject({
      kind: 'refund',
      volume: -sale.volume,
      amount: -sale.amount,
      amountPaid: -10000,
      balanceAdded: -sale.balanceAdded,
      lines: sale.lines.map((l) => ({ ...l, volume: -l.volume!, amount: -l.amount })),
    });
    expect(await used()).toBe(0);
    expect((await t.ok('sales.balance', { customerId: c.id }, sid)).balance).toBe(0);
    const again = await t.fails(
      'sales.refund',
      {
        saleId: sale.id,
        amount: 100 * YUAN,
        tenders: [cash(100 * YUAN)],
        reason: '再退',
        approval: SUPERVISOR,
      },
      sid,
    );
    expect(again.code).toBe('ALREADY_REVERSED');
  });

  it('treats a writer that throws as a failed write, and leaves the sale pending without a writer', async () => {
    const t = await testCounter();
    const c = await household(t);
    const sid = await cashierWithShift(t);
    const w = fakeWriter(t, 'throw');
    t.app.cardWriter = w.port;
    const failed = await buy(t, sid, { customerId: c.id, by: 'volume', volume: 10 * M3 });
    expect(failed.status).toBe('card_write_failed');
    const audit = t.app.gdb.sqlite
      .prepare("SELECT reason FROM audit WHERE entity_id = ? AND action = 'sale.cardWriteFailed'")
      .pluck()
      .get(failed.id);
    expect(audit).toContain('读卡器没有响应');

    t.app.cardWriter = undefined;
    const pending = await buy(t, sid, { customerId: c.id, by: 'volume', volume: 10 * M3 });
    expect(pending.status).toBe('pending_card_write');
    expect(opsOf(t, pending.id)).toEqual(['sale.gasSold']);
    // Fees never touch the card.
    t.app.cardWriter = w.port;
    const fee = (await t.ok('fees.list', {}, sid)).items[0]!;
    const paid = await t.ok(
      'sales.payFees',
      {
        lines: [{ feeItemId: fee.id, qty: 1 }],
        expectedAmountDue: fee.amountFen,
        tenders: [cash(fee.amountFen)],
      },
      sid,
    );
    expect(paid.status).toBe('completed');
    expect(w.seen).toHaveLength(1);
  });
});
