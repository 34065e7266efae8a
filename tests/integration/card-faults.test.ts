import { describe, expect, it } from 'vitest';
import { AREA, encodePurchase } from '../../core/card/gas-card';
import { M3, SUPERVISOR, buy, cashierWithShift } from '../fixtures/sales';
import { cardCounter, customerWithCard, tearAt } from '../support/cards';

type T = Awaited<ReturnType<typeof cardCounter>>;

const sellFor = async (t: T, sid: string, customerId: string, volume: number) => {
  const purchase = { customerId, by: 'volume' as const, volume };
  const q = await t.ok('sales.quote', purchase, sid);
  return t.ok(
    'sales.sellGas',
    { purchase, expectedAmountDue: q.amountDue, tenders: [{ method: 'cash', amount: q.amountDue }] },
    sid,
  );
};

describe('card faults: no credit without a paid sale, no paid sale without credit or an explicit state', () => {
  it('card reads while a sale writes the card (the screen refreshing its reader line) wait their turn: the write completes', async () => {
    const t = await cardCounter();
    const sid = await cashierWithShift(t);
    const { c } = await customerWithCard(t, sid);
    // A read powers the card up again, which between the write's PSC check and its writes undoes the check (a
    // real SLE4442 and the emulator alike); and a read settles the card's pending writes from what it finds —
    // one still being written, as not written. Each read waits for the sale's write to be settled.
    let selling = true;
    const reads = (async () => {
      let n = 0;
      for (; selling; n++) await t.ok('cards.read', {}, sid);
      return n;
    })();
    const sale = await sellFor(t, sid, c.id, 10 * M3);
    selling = false;
    expect(await reads).toBeGreaterThan(0);
    expect(sale.status).toBe('completed');
    const card = await t.ok('cards.read', {}, sid);
    expect(card.card?.lastVolume).toBe(10 * M3);
  });

  it('a card pulled while the primary area is written: the sale waits, and the card then shows it was not written', async () => {
    const t = await cardCounter();
    const sid = await cashierWithShift(t);
    const { c, cardId } = await customerWithCard(t, sid);
    tearAt(t, AREA.primary.start, 9);
    const sale = await sellFor(t, sid, c.id, 10 * M3);
    expect(sale.status).toBe('pending_card_write');
    expect(t.world.slot).toBeNull();
    // Nothing can be refunded or reversed while the outcome is unknown.
    expect(
      (
        await t.fails(
          'sales.refund',
          {
            saleId: sale.id,
            amount: sale.amountPaid,
            tenders: [{ method: 'cash', amount: sale.amountPaid }],
            reason: '退',
            approval: SUPERVISOR,
          },
          sid,
        )
      ).code,
    ).toBe('NOT_REFUNDABLE');
    t.world.insert(cardId);
    const read = await t.ok('cards.read', {}, sid);
    expect(read.resolved).toEqual([{ kind: 'purchase', saleId: sale.id, outcome: 'failed' }]);
    expect(read.card).toMatchObject({ purchaseCount: 0, repairable: true });
    expect((await t.ok('sales.get', { id: sale.id }, sid)).status).toBe('card_write_failed');
    // Retry onto the card (or refund): the retry completes it.
    const retried = await t.ok('cards.writeSale', { saleId: sale.id }, sid);
    expect(retried.status).toBe('completed');
    expect(t.world.view(cardId).record).toMatchObject({
      state: 'ok',
      purchase: { volume: 1000 },
      repairable: false,
    });
  });

  it('a card pulled while the backup area is written already carries the purchase: the read confirms the sale', async () => {
    const t = await cardCounter();
    const sid = await cashierWithShift(t);
    const { c, cardId } = await customerWithCard(t, sid);
    tearAt(t, AREA.backup.start, 5);
    const sale = await sellFor(t, sid, c.id, 8 * M3);
    expect(sale.status).toBe('pending_card_write');
    t.world.insert(cardId);
    const read = await t.ok('cards.read', {}, sid);
    expect(read.resolved).toEqual([{ kind: 'purchase', saleId: sale.id, outcome: 'confirmed' }]);
    expect((await t.ok('sales.get', { id: sale.id }, sid)).status).toBe('completed');
    t.world.remove();
    t.world.addMeter({ meterNo: 'M1', region: 101 });
    expect(t.world.carryToMeter(cardId, 'M1').outcome).toEqual({ result: 'loaded', volume: 800, count: 1 });
  });

  it('a card pulled between verification and the write: the sale fails explicitly and can be refunded', async () => {
    const t = await cardCounter();
    const sid = await cashierWithShift(t);
    const { c, cardId } = await customerWithCard(t, sid);
    t.world.setFaults({ pullBeforeNextWrite: true });
    const sale = await sellFor(t, sid, c.id, 5 * M3);
    expect(sale.status).toBe('pending_card_write');
    t.world.insert(cardId);
    await t.ok('cards.read', {}, sid);
    expect((await t.ok('sales.get', { id: sale.id }, sid)).status).toBe('card_write_failed');
    const refund = await t.ok(
      'sales.refund',
      {
        saleId: sale.id,
        amount: sale.amountPaid,
        tenders: [{ method: 'cash', amount: sale.amountPaid }],
        reason: '写卡失败退款',
        approval: SUPERVISOR,
      },
      sid,
    );
    expect(refund.kind).toBe('refund');
    expect((await t.fails('cards.writeSale', { saleId: sale.id }, sid)).code).toBe('ALREADY_REVERSED');
  });

  it('two counters selling to the same card offline: the later one is refused by the card’s purchase count', async () => {
    const t = await cardCounter();
    const sid = await cashierWithShift(t);
    const { c, cardId } = await customerWithCard(t, sid);
    await buy(t, sid, { customerId: c.id, by: 'volume', volume: 5 * M3 });
    t.world.remove();
    t.world.addMeter({ meterNo: 'M1', region: 101 });
    t.world.carryToMeter(cardId, 'M1');
    // Another counter (same keys, its own database) sells count 2 onto the card while offline.
    const model = t.world.cardModel(cardId);
    model.powerOn();
    model.verify(
      t.app.cardStation!.keys.pscFor(
        t.world.view(cardId).record.state === 'ok'
          ? (t.world.view(cardId).record as { header: { cardNo: string } }).header.cardNo
          : '',
      ),
    );
    const other = encodePurchase({
      count: 2,
      volume: 700,
      cumulative: 1200,
      writtenAt: 1,
      counterCode: '010102',
    });
    model.updateMain(AREA.primary.start, other);
    model.updateMain(AREA.backup.start, other);
    model.powerOff();
    t.world.insert(cardId);
    const before = t.count('sales');
    const purchase = { customerId: c.id, by: 'volume' as const, volume: 5 * M3 };
    const q = await t.ok('sales.quote', purchase, sid);
    expect(
      (
        await t.fails(
          'sales.sellGas',
          { purchase, expectedAmountDue: q.amountDue, tenders: [{ method: 'cash', amount: q.amountDue }] },
          sid,
        )
      ).code,
    ).toBe('CARD_AHEAD');
    expect(t.count('sales')).toBe(before);
    expect(t.count('card_conflicts')).toBe(1);
    expect((await t.ok('cards.read', {}, sid)).conflict).toContain('其他柜台');
  });
});
