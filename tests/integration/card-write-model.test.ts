/**
 * The card write model (reliability.md 20, docs/card-format.md): a write cut between the areas is a torn
 * write, never damage; counts are spent only by a confirmed write; a 补卡 carries an unsettled sale under the
 * same count and the old card's stale purchase is cancelled on it; issuing resumes after a cut PSC change;
 * foreign cards are told apart before any PSC try; a blank batch's wrong transport PSC costs one try, once.
 */
import { describe, expect, it } from 'vitest';
import { AREA, decodeCard, encodeHeader } from '../../core/card/gas-card';
import { CMD } from '../../drivers/card-reader/protocol';
import { buy, cashierWithShift, household, M3, SUPERVISOR } from '../fixtures/sales';
import { expectInvariants, writesOf } from '../support/card-faults';
import { type CardCounter, cardCounter, customerWithCard } from '../support/cards';

const FF = Uint8Array.of(0xff, 0xff, 0xff);
const failedTries = (t: CardCounter) => t.world.reader.verifyAttempts.filter((a) => !a.ok).length;
const cardSeq = (t: CardCounter) =>
  (t.app.gdb.sqlite.prepare("SELECT next FROM number_series WHERE name = 'card'").pluck().get() as number) ??
  0;

/** The card leaves the reader just before the first write into the backup area (the primary is whole). */
function pullBeforeBackup(t: CardCounter) {
  const reader = t.world.reader;
  const handle = reader.handle.bind(reader);
  reader.handle = (chunk) => {
    if (chunk[3] === CMD.updateMain && chunk[4]! >= AREA.backup.start && chunk[4]! < AREA.writeBack.start) {
      reader.faults.cutAt = { write: 0, byte: 0 };
      reader.handle = handle;
    }
    return handle(chunk);
  };
}

async function twoSalesSecondTorn(t: CardCounter, sid: string) {
  const { c, cardId, cardNo } = await customerWithCard(t, sid);
  t.world.addMeter({ meterNo: 'M1', region: 101 });
  await buy(t, sid, { customerId: c.id, by: 'volume', volume: 10 * M3 });
  t.world.remove();
  t.world.carryToMeter(cardId, 'M1');
  t.world.insert(cardId);
  pullBeforeBackup(t);
  const sale = await buy(t, sid, { customerId: c.id, by: 'volume', volume: 7 * M3 });
  return { c, cardId, cardNo, sale };
}

describe('item 1: a card pulled between the primary and the backup write', () => {
  it('holds two valid areas one purchase apart: a torn write the read confirms, never damage; the next write finishes it', async () => {
    const t = await cardCounter();
    const sid = await cashierWithShift(t);
    const { c, cardId, sale } = await twoSalesSecondTorn(t, sid);
    expect(sale.status).toBe('pending_card_write');
    const rec = t.world.view(cardId).record;
    expect(rec).toMatchObject({ state: 'ok', torn: 'backup', purchase: { count: 2, volume: 700 } });
    t.world.insert(cardId);
    const read = await t.ok('cards.read', {}, sid);
    expect(read.state).toBe('ok');
    expect(read.resolved).toEqual([{ kind: 'purchase', saleId: sale.id, outcome: 'confirmed' }]);
    expect((await t.ok('sales.get', { id: sale.id }, sid)).status).toBe('completed');
    await expectInvariants(t, sid, { customerId: c.id, cardIds: [cardId], carryTo: 'M1', meters: ['M1'] });
    await buy(t, sid, { customerId: c.id, by: 'volume', volume: 3 * M3 });
    const img = t.world.cardModel(cardId).main;
    expect(decodeCard(img)).toMatchObject({ torn: null, purchase: { count: 3, cumulative: 2000 } });
  });

  it('never returned: 补卡 puts the sale on the new card under the same count; the old card loads it at most once, and is cancelled when seen', async () => {
    for (const oldCardFirst of ['meter', 'counter'] as const) {
      const t = await cardCounter();
      const sid = await cashierWithShift(t);
      const { c, cardId, cardNo, sale } = await twoSalesSecondTorn(t, sid);
      await t.ok('cards.reportLost', { customerId: c.id, reason: '写卡时拔卡后遗失' }, sid);
      const fresh = t.world.newCard().id;
      t.world.insert(fresh);
      const r = await t.ok('cards.replace', { customerId: c.id, reason: '补卡' }, sid);
      expect(r).toMatchObject({ card: { purchaseCount: 2 }, rewroteLastPurchase: true });
      expect((await t.ok('sales.get', { id: sale.id }, sid)).status).toBe('completed');
      expect(t.world.view(fresh).record).toMatchObject({
        purchase: { count: 2, volume: 700, cumulative: 1700 },
      });
      t.world.remove();
      if (oldCardFirst === 'meter') {
        // The worst order: the old card reaches the meter before the new one and loads count 2 …
        expect(t.world.carryToMeter(cardId, 'M1').outcome).toEqual({
          result: 'loaded',
          volume: 700,
          count: 2,
        });
        // … then the new card binds (a later generation) and loads nothing: count 2 is in.
        expect(t.world.carryToMeter(fresh, 'M1').outcome).toEqual({ result: 'nothing-to-load' });
      } else {
        t.world.insert(cardId);
        const read = await t.ok('cards.read', {}, sid);
        expect(read).toMatchObject({ state: 'blocked', card: { pending: false, lastVolume: 0 } });
        expect(t.world.view(cardId).record).toMatchObject({ purchase: { count: 2, volume: 0 } });
        t.world.remove();
        expect(t.world.carryToMeter(cardId, 'M1').outcome).toEqual({ result: 'nothing-to-load' });
      }
      // Each card's entry for the sale is settled from that card.
      const writes = t.app.gdb.sqlite
        .prepare(
          'SELECT card_no AS cardNo, kind, count, volume, status FROM card_writes WHERE sale_id = ? ORDER BY created_at',
        )
        .all(sale.id) as { cardNo: string; kind: string; count: number; volume: number; status: string }[];
      expect(
        writes.filter((w) => w.kind === 'purchase').map((w) => [w.cardNo === cardNo, w.count, w.status]),
      ).toEqual(
        oldCardFirst === 'meter'
          ? [
              [true, 2, 'pending'],
              [false, 2, 'confirmed'],
            ]
          : [
              [true, 2, 'confirmed'],
              [false, 2, 'confirmed'],
            ],
      );
      if (oldCardFirst === 'counter')
        expect(writes.at(-1)).toMatchObject({ kind: 'clear', volume: 0, status: 'confirmed' });
      await expectInvariants(t, sid, {
        customerId: c.id,
        cardIds: [fresh, cardId],
        carryTo: 'M1',
        meters: ['M1'],
      });
    }
  });
});

describe('item 2: failed write attempts spend nothing', () => {
  it('three failures, then a success: the card and the account carry one purchase, and every attempt used the same count and cumulative', async () => {
    const t = await cardCounter();
    const sid = await cashierWithShift(t);
    const { c, cardId } = await customerWithCard(t, sid);
    t.world.setFaults({ pullBeforeNextWrite: true });
    const sale = await buy(t, sid, { customerId: c.id, by: 'volume', volume: 12 * M3 });
    for (let i = 0; i < 3; i++) {
      t.world.insert(cardId);
      await t.ok('cards.read', {}, sid);
      expect((await t.ok('sales.get', { id: sale.id }, sid)).status).toBe('card_write_failed');
      expect(t.count('account_counts')).toBe(0);
      if (i < 2) {
        t.world.setFaults({ pullBeforeNextWrite: true });
        expect((await t.ok('cards.writeSale', { saleId: sale.id }, sid)).status).not.toBe('completed');
      }
    }
    expect((await t.ok('cards.writeSale', { saleId: sale.id }, sid)).status).toBe('completed');
    const attempts = t.app.gdb.sqlite
      .prepare('SELECT count, cumulative, status FROM card_writes WHERE sale_id = ?')
      .all(sale.id) as { count: number; cumulative: number; status: string }[];
    expect(attempts).toHaveLength(4); // the sale's own attempt, two retries cut, the last one written
    expect(new Set(attempts.map((a) => `${a.count}/${a.cumulative}`))).toEqual(new Set(['1/1200']));
    t.world.addMeter({ meterNo: 'M1', region: 101 });
    await expectInvariants(t, sid, { customerId: c.id, cardIds: [cardId], carryTo: 'M1', meters: ['M1'] });
    expect((await t.ok('cards.list', { customerId: c.id }, sid)).purchaseCount).toBe(1);
  });
});

describe('item 6: issuing is resumable from any point, never with the transport PSC twice', () => {
  it('cut right after CHANGE PSC: the retry opens the card with its own PSC, and our card is ours', async () => {
    const t = await cardCounter();
    const sid = await cashierWithShift(t);
    const c = await household(t);
    t.world.remove();
    const id = t.world.newCard().id;
    t.world.insert(id);
    // The issue's writes: header, protection, 5A mark, PSC change, A5 mark.
    t.world.setFaults({ cutAt: { write: 3, byte: 1 } });
    await t.fails('cards.issue', { customerId: c.id }, sid);
    t.world.insert(id);
    expect((await t.ok('cards.read', {}, sid)).state).toBe('half_issued');
    const before = cardSeq(t);
    const card = await t.ok('cards.issue', { customerId: c.id }, sid);
    expect(failedTries(t)).toBe(0);
    expect(cardSeq(t)).toBe(before);
    expect(t.world.view(id)).toMatchObject({
      triesLeft: 3,
      record: { state: 'ok', header: { cardNo: card.cardNo }, issue: 'done' },
    });
    expect((await t.ok('cards.read', {}, sid)).state).toBe('ok');
  });

  it('cut at any byte of any of its writes: finished on the next try, one card number, the transport PSC never tried twice', async () => {
    const t = await cardCounter();
    const sid = await cashierWithShift(t);
    const dry = await household(t);
    t.world.remove();
    t.world.insert(t.world.newCard().id);
    const { writes } = await writesOf(t, () => t.ok('cards.issue', { customerId: dry.id }, sid));
    expect(writes.map((w) => w.cmd)).toEqual([
      CMD.updateMain,
      CMD.writeProtection,
      CMD.updateMain,
      CMD.changePsc,
      CMD.updateMain,
    ]);
    for (const [write, w] of writes.entries())
      for (const byte of [0, Math.min(1, w.length), w.length]) {
        const c = await household(t);
        t.world.remove();
        const id = t.world.newCard().id;
        t.world.insert(id);
        const seq = cardSeq(t);
        t.world.setFaults({ cutAt: { write, byte } });
        await t.fails('cards.issue', { customerId: c.id }, sid);
        t.world.insert(id);
        const tried = failedTries(t);
        const card = await t.ok('cards.issue', { customerId: c.id }, sid);
        // Cut between the 5A mark and the PSC change, the card's own PSC is tried first and refused once; the
        // transport PSC then opens it (and a success gives the tries back). Anywhere else, nothing is refused.
        const between = (write === 2 && byte === w.length) || (write === 3 && byte === 0);
        expect(failedTries(t) - tried, `write ${write} byte ${byte}`).toBe(between ? 1 : 0);
        expect(t.world.view(id).triesLeft).toBe(3);
        expect(cardSeq(t) - seq).toBeLessThanOrEqual(write === 0 && byte < w.length ? 2 : 1);
        expect(t.world.view(id).record).toMatchObject({
          state: 'ok',
          header: { cardNo: card.cardNo },
          issue: 'done',
        });
      }
  });
});

describe('item 7: foreign cards told apart before any PSC try', () => {
  function rawCard(t: CardCounter, bytes: Uint8Array, psc = FF) {
    const id = t.world.newCard().id;
    const m = t.world.cardModel(id);
    m.powerOn();
    m.verify(FF);
    m.updateMain(AREA.header.start, bytes);
    m.changePsc(psc);
    m.powerOff();
    return id;
  }

  it('another maker’s card, another company’s card with our card number, another region’s card: foreign, no try burned', async () => {
    const t = await cardCounter();
    const sid = await cashierWithShift(t);
    const { c, cardNo } = await customerWithCard(t, sid);
    t.world.remove();
    const maker = rawCard(
      t,
      Uint8Array.from({ length: 28 }, (_, i) => (i * 37 + 5) & 0xff),
    );
    const company = rawCard(
      t,
      encodeHeader({ kind: 'user', region: 101, cardNo, accountNo: '9999000011' }),
      Uint8Array.of(1, 2, 3),
    );
    const region = rawCard(
      t,
      encodeHeader({ kind: 'user', region: 4321, cardNo: '4321010000000001', accountNo: c.accountNo }),
    );
    const purchase = { customerId: c.id, by: 'volume' as const, volume: 5 * M3 };
    const q = await t.ok('sales.quote', purchase, sid);
    for (const id of [maker, company, region]) {
      t.world.insert(id);
      expect((await t.ok('cards.read', {}, sid)).state, id).toBe('foreign');
      const sell = await t.fails(
        'sales.sellGas',
        { purchase, expectedAmountDue: q.amountDue, tenders: [{ method: 'cash', amount: q.amountDue }] },
        sid,
      );
      expect(sell.code).toBe('CARD_FOREIGN');
      expect((await t.fails('cards.replace', { customerId: c.id, reason: '补卡' }, sid)).code).toBe(
        'CARD_FOREIGN',
      );
      t.world.remove();
    }
    expect(t.world.reader.verifyAttempts.filter((a) => !a.ok)).toEqual([]);
  });

  it('a blank batch whose transport PSC is not FF FF FF: one try lost once, no card number taken, then issued with the batch’s PSC', async () => {
    const t = await cardCounter();
    const sid = await cashierWithShift(t);
    const c = await household(t);
    t.world.remove();
    const id = t.world.newCard().id;
    const m = t.world.cardModel(id);
    m.powerOn();
    m.verify(FF);
    m.changePsc(Uint8Array.of(0x12, 0x34, 0x56));
    m.powerOff();
    t.world.insert(id);
    const seq = cardSeq(t);
    expect((await t.fails('cards.issue', { customerId: c.id }, sid)).code).toBe('CARD_TRANSPORT_PSC_WRONG');
    expect((await t.fails('cards.issue', { customerId: c.id }, sid)).code).toBe('CARD_TRANSPORT_PSC_WRONG');
    expect(failedTries(t)).toBe(1);
    expect(t.world.view(id).triesLeft).toBe(2);
    expect(cardSeq(t)).toBe(seq);
    const admin = await t.login('admin');
    const bad = await t.fails('cards.addStock', { label: '2026-12 批', transportPsc: '12345' }, admin);
    expect(bad.code).toBe('VALIDATION_FAILED');
    await t.ok('cards.addStock', { label: '2026-12 批', transportPsc: '123456' }, admin);
    const card = await t.ok('cards.issue', { customerId: c.id }, sid);
    expect(t.world.view(id)).toMatchObject({ triesLeft: 3, record: { header: { cardNo: card.cardNo } } });
    expect(failedTries(t)).toBe(1);
    expect(SUPERVISOR.username).toBe('liuqiang');
  });
});
