/**
 * What the paper and the reports say around a card write (issue P3 item 9): a gas sale whose gas is not on
 * the card prints a 待写卡 slip, its receipt prints once the write is confirmed (a first print, not 重打, the
 * drawer shut), and the shift and day reports list the paid sales whose gas is not on a card until each is
 * written or refunded.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { AREA } from '../../core/card/gas-card';
import { PrinterServer } from '../../drivers/printer/printer-server';
import { M3, SUPERVISOR, cashierWithShift } from '../fixtures/sales';
import { type CardCounter, cardCounter, customerWithCard, tearAt } from '../support/cards';

const servers: PrinterServer[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) await s.powerOff();
});

const lines = (r: { elements: { kind: string; segments?: { text: string }[] }[] }) =>
  r.elements.flatMap((e) => (e.kind === 'line' ? [e.segments!.map((s) => s.text).join('')] : [])).join('\n');

async function withPrinter(t: CardCounter) {
  const printer = new PrinterServer();
  servers.push(printer);
  const port = await printer.listenTcp(0);
  const admin = await t.login('admin');
  await t.ok('printers.configure', { spec: `tcp:127.0.0.1:${port}`, width: 80, company: '燃气公司' }, admin);
  return printer;
}

/** A paid gas sale whose write failed (the card left mid-write, then was read back: not written). */
async function failedSale(t: CardCounter, sid: string, customerId: string, cardId: string) {
  const purchase = { customerId, by: 'volume' as const, volume: 10 * M3 };
  const q = await t.ok('sales.quote', purchase, sid);
  tearAt(t, AREA.primary.start, 9);
  const sale = await t.ok(
    'sales.sellGas',
    { purchase, expectedAmountDue: q.amountDue, tenders: [{ method: 'cash', amount: q.amountDue }] },
    sid,
  );
  t.world.insert(cardId);
  await t.ok('cards.read', {}, sid);
  return { ...sale, status: 'card_write_failed' as const };
}

describe('the paper and the reports around a card write', () => {
  it('a sale whose write failed prints a 待写卡 slip; the receipt prints once 重新写卡 puts the gas on the card', async () => {
    const t = await cardCounter();
    const printer = await withPrinter(t);
    const sid = await cashierWithShift(t);
    const { c, cardId } = await customerWithCard(t, sid);
    const sale = await failedSale(t, sid, c.id, cardId);

    const slip = await t.ok('receipts.print', { saleId: sale.id }, sid);
    expect(slip).toMatchObject({ copyNo: 1, reprint: false });
    const slipText = lines(printer.emulator.receipts[0]!);
    expect(slipText).toContain('购气待写卡凭条');
    expect(slipText).toContain('【待写卡】已收款，气未写入卡');
    expect(slipText).toContain(sale.receiptNo);
    expect(slipText).not.toContain('燃气费收据（购气）');
    expect(slipText).not.toMatch(/reader|[A-Z_]{5,}/);
    expect(printer.emulator.receipts[0]!.drawerPulses).toBe(1);

    const written = await t.ok('cards.writeSale', { saleId: sale.id }, sid);
    expect(written.status).toBe('completed');
    const receipt = await t.ok('receipts.print', { saleId: sale.id }, sid);
    // The receipt's own first print: not marked 重打, and the drawer (opened with the slip) stays shut.
    expect(receipt).toMatchObject({ copyNo: 1, reprint: false });
    const paper = printer.emulator.receipts[1]!;
    expect(lines(paper)).toContain('燃气费收据（购气）');
    expect(lines(paper)).toContain('气已写入燃气卡');
    expect(lines(paper)).not.toContain('重打');
    expect(paper.drawerPulses).toBe(0);
  });

  it('shift and day reports (screen and paper) list the paid sales whose gas is not on a card until written or refunded', async () => {
    const t = await cardCounter();
    const printer = await withPrinter(t);
    const sid = await cashierWithShift(t);
    const one = await customerWithCard(t, sid);
    const first = await failedSale(t, sid, one.c.id, one.cardId);
    t.world.remove();
    const two = await customerWithCard(t, sid);
    const second = await failedSale(t, sid, two.c.id, two.cardId);

    const shiftId = first.shiftId;
    const shift = await t.ok('shifts.report', { shiftId }, sid);
    expect(shift.unsettled).toMatchObject({
      count: 2,
      amount: first.amountPaid + second.amountPaid,
      sales: [
        { saleId: first.id, receiptNo: first.receiptNo, status: 'card_write_failed' },
        { saleId: second.id, receiptNo: second.receiptNo, status: 'card_write_failed' },
      ],
    });
    const day = await t.ok('days.report', { businessDate: first.businessDate }, sid);
    expect(day.unsettled.count).toBe(2);
    await t.ok('receipts.printShift', { shiftId }, sid);
    const shiftPaper = lines(printer.emulator.receipts.at(-1)!);
    expect(shiftPaper).toContain('已收款未写卡');
    expect(shiftPaper).toContain(first.receiptNo);
    expect(shiftPaper).toContain(second.receiptNo);

    // The second customer's gas goes on the card; the first is refunded: neither is listed any more.
    await t.ok('cards.writeSale', { saleId: second.id }, sid);
    await t.ok(
      'sales.refund',
      {
        saleId: first.id,
        amount: first.amountPaid,
        tenders: [{ method: 'cash', amount: first.amountPaid }],
        reason: '写卡失败退款',
        approval: SUPERVISOR,
      },
      sid,
    );
    expect((await t.ok('shifts.report', { shiftId }, sid)).unsettled).toEqual({
      count: 0,
      amount: 0,
      sales: [],
    });
    await t.ok('receipts.printDay', { businessDate: first.businessDate }, sid);
    expect(lines(printer.emulator.receipts.at(-1)!)).toMatch(/已收款未写卡\s+0 笔/);
  });

  it('the 日结 states the unsettled sales (its audit names them) and the closed day keeps listing them until settled', async () => {
    const t = await cardCounter();
    const sid = await cashierWithShift(t);
    const { c, cardId } = await customerWithCard(t, sid);
    const sale = await failedSale(t, sid, c.id, cardId);
    await t.ok('shifts.close', { counted: 500 * 100 + sale.amountPaid, note: '写卡失败的款项在钱箱' }, sid);
    const sup = await t.login('liuqiang');
    const closed = await t.ok('days.close', { businessDate: sale.businessDate }, sup);
    expect(closed.unsettled).toMatchObject({ count: 1, sales: [{ receiptNo: sale.receiptNo }] });
    const row = t.app.gdb.sqlite
      .prepare(
        "SELECT a.summary AS summary, o.payload AS payload FROM outbox o JOIN audit a ON a.op_seq = o.seq WHERE o.type = 'day.closed'",
      )
      .get() as { summary: string; payload: string };
    expect(row.summary).toContain(`已收款未写卡 1 笔`);
    expect(row.summary).toContain(sale.receiptNo);
    // The list is not frozen (nor synced): it is read as it stands.
    expect(JSON.parse(row.payload)).not.toHaveProperty('unsettled');
    expect((await t.ok('days.report', { businessDate: sale.businessDate }, sup)).unsettled.count).toBe(1);
  });
});
