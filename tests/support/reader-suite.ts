/**
 * The shared integration suite run against each reader transport (reader-rig.ts): a counter whose card station
 * uses the rig's reader issues a card, sells onto it, reads it back, makes a replacement, and goes through the
 * tear cases of the fault matrix — the same steps and assertions for every transport. A meter maker's card
 * library (`layout: 'maker'`) owns its card's layout and PSC: what only an SLE4442 under GasDesk's own format
 * can show (the PSC presented once per write and never on the driver's own, a torn area left to repair) is
 * asserted for the others only.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cardKeys } from '../../drivers/card-formats/keys';
import { ReaderError } from '../../drivers/card-reader/reader-error';
import { attachCardStation, regionOf } from '../../services/cards/attach';
import { CardStation } from '../../services/cards/card-station';
import { cardMasterKey, fileKeyProtector } from '../../services/cards/key-vault';
import { M3, cashierWithShift, household } from '../fixtures/sales';
import { type TestCounter, testCounter } from './app';
import type { ReaderRig } from './reader-rig';

export function readerSuite(
  makeRig: () => Promise<ReaderRig>,
  opts: { layout: 'sle4442' | 'maker' } = { layout: 'sle4442' },
): void {
  const sle4442 = opts.layout === 'sle4442';
  let rig: ReaderRig;
  let t: TestCounter;
  let sid: string;

  beforeAll(async () => {
    rig = await makeRig();
    t = await testCounter({ households: 6, shared: true });
    t.app.sessions.idleLockMinutes = 60 * 24 * 365;
    const keys = cardKeys(cardMasterKey(t.app, fileKeyProtector(t.dir)));
    attachCardStation(
      t.app,
      new CardStation({ open: (o) => rig.open(o), keys, region: regionOf(t.app), description: rig.name }),
    );
    sid = await cashierWithShift(t);
  }, 60_000);

  afterAll(async () => {
    await t?.app.cardStation?.close();
    await rig?.close();
  });

  const sell = async (customerId: string, volume: number) => {
    const purchase = { customerId, by: 'volume' as const, volume };
    const q = await t.ok('sales.quote', purchase, sid);
    return t.ok(
      'sales.sellGas',
      { purchase, expectedAmountDue: q.amountDue, tenders: [{ method: 'cash', amount: q.amountDue }] },
      sid,
    );
  };

  /** A new household with its card issued from a blank card, left in the reader. */
  const withCard = async () => {
    const c = await household(t);
    await rig.insertBlank();
    const card = await t.ok('cards.issue', { customerId: c.id }, sid);
    return { c, cardNo: card.cardNo };
  };

  describe('the same card steps through every transport', () => {
    it('issues a card, sells onto it and reads it back, presenting the PSC once per write', async () => {
      const { c, cardNo } = await withCard();
      const read0 = await t.ok('cards.read', {}, sid);
      expect(read0).toMatchObject({ state: 'ok', triesLeft: 3, card: { cardNo, purchaseCount: 0 } });
      const before = rig.verifyAttempts();
      const sale = await sell(c.id, 10 * M3);
      expect(sale.status).toBe('completed');
      expect(rig.verifyAttempts() - before).toBe(sle4442 ? 1 : 0);
      const read = await t.ok('cards.read', {}, sid);
      expect(read).toMatchObject({ triesLeft: 3, card: { cardNo, purchaseCount: 1, lastVolume: 10 * M3 } });
    });

    it('a replacement card carries the purchase count and the unloaded purchase', async () => {
      const { c } = await withCard();
      expect((await sell(c.id, 7 * M3)).status).toBe('completed');
      await rig.insertBlank();
      const r = await t.ok('cards.replace', { customerId: c.id, reason: '遗失补卡' }, sid);
      expect(r.rewroteLastPurchase).toBe(true);
      const read = await t.ok('cards.read', {}, sid);
      expect(read.card).toMatchObject({ cardNo: r.card.cardNo, purchaseCount: 1, lastVolume: 7 * M3 });
    });

    it('a card pulled while the primary area is written: pending, then read as not written, then retried', async () => {
      const { c } = await withCard();
      rig.tearNextWrite(false);
      const sale = await sell(c.id, 10 * M3);
      expect(sale.status).toBe('pending_card_write');
      expect(rig.slotEmpty()).toBe(true);
      await rig.reinsert();
      const read = await t.ok('cards.read', {}, sid);
      expect(read.resolved).toEqual([{ kind: 'purchase', saleId: sale.id, outcome: 'failed' }]);
      expect(read.card).toMatchObject({ purchaseCount: 0, repairable: sle4442 });
      expect((await t.ok('cards.writeSale', { saleId: sale.id }, sid)).status).toBe('completed');
      expect((await t.ok('cards.read', {}, sid)).card).toMatchObject({ purchaseCount: 1, repairable: false });
    });

    it('a card pulled while the backup area is written already carries the purchase: the read confirms it', async () => {
      const { c } = await withCard();
      rig.tearNextWrite(true);
      const sale = await sell(c.id, 8 * M3);
      expect(sale.status).toBe('pending_card_write');
      await rig.reinsert();
      const read = await t.ok('cards.read', {}, sid);
      expect(read.resolved).toEqual([{ kind: 'purchase', saleId: sale.id, outcome: 'confirmed' }]);
      expect((await t.ok('sales.get', { id: sale.id }, sid)).status).toBe('completed');
    });

    it('a card pulled between the PSC check and the write: the sale fails explicitly once the card is back', async () => {
      const { c } = await withCard();
      rig.pullBeforeNextWrite();
      const sale = await sell(c.id, 5 * M3);
      expect(sale.status).toBe('pending_card_write');
      await rig.reinsert();
      await t.ok('cards.read', {}, sid);
      expect((await t.ok('sales.get', { id: sale.id }, sid)).status).toBe('card_write_failed');
    });

    if (sle4442)
      it('the driver never presents a PSC on its own, nor the last try without the clerk', async () => {
        await withCard();
        const reader = await t.app.cardStation!.reader();
        await reader.powerOn();
        const wrong = Uint8Array.from([1, 2, 3]);
        const code = (p: Promise<unknown>) =>
          p.then(
            () => 'ok',
            (e) => (e instanceof ReaderError ? e.code : String(e)),
          );
        const before = rig.verifyAttempts();
        expect(await code(reader.verifyPsc(wrong))).toBe('PSC_WRONG');
        expect(await code(reader.verifyPsc(wrong))).toBe('PSC_WRONG');
        expect(await code(reader.verifyPsc(wrong))).toBe('LAST_TRY_NEEDS_CONFIRMATION');
        expect(rig.verifyAttempts() - before).toBe(2);
        expect(await reader.triesLeft()).toBe(1);
      });
  });
}
