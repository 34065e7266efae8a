/**
 * Meter write-backs are believed only in range (core/card/write-back-check.ts): an absurd value, a torn
 * write-back or a reading going backwards is recorded once as a meter fault and used for nothing — no reading,
 * and the purchase on the card still counts as not loaded.
 */
import { describe, expect, it } from 'vitest';
import { crc16 } from '../../core/card/crc16';
import { AREA, encodeWriteBack, type WriteBack } from '../../core/card/gas-card';
import { buy, cashierWithShift, M3 } from '../fixtures/sales';
import { type CardCounter, cardCounter, customerWithCard } from '../support/cards';

function writeBack(t: CardCounter, cardId: string, cardNo: string, w: WriteBack | Uint8Array) {
  const m = t.world.cardModel(cardId);
  m.powerOn();
  m.verify(t.app.cardStation!.keys.pscFor(cardNo));
  m.updateMain(AREA.writeBack.start, w instanceof Uint8Array ? w : encodeWriteBack(w));
  m.powerOff();
}

const faults = (t: CardCounter) =>
  (
    t.app.gdb.sqlite.prepare("SELECT payload FROM outbox WHERE type = 'meter.fault' ORDER BY seq").all() as {
      payload: string;
    }[]
  ).map((r) => JSON.parse(r.payload) as { faults: string[]; meterNo: string });

describe('meter write-backs', () => {
  it('an absurd, torn or backwards write-back is a meter fault, recorded once and never trusted', async () => {
    const t = await cardCounter();
    const sid = await cashierWithShift(t);
    const { c, cardId, cardNo } = await customerWithCard(t, sid);
    await buy(t, sid, { customerId: c.id, by: 'volume', volume: 10 * M3 });
    t.world.remove();
    t.world.addMeter({ meterNo: 'M1', region: 101 });
    t.world.carryToMeter(cardId, 'M1');
    t.world.consume('M1', 4 * M3);
    t.world.carryToMeter(cardId, 'M1');
    t.world.insert(cardId);
    const good = await t.ok('cards.read', {}, sid);
    expect(good.reading).toMatchObject({
      meterNo: 'M1',
      loadedCount: 1,
      remaining: 600,
      cumulativeUsed: 400,
    });
    const readings = t.count('meter_readings');
    const real = good.reading!;
    const base = { ...real, readAt: Date.parse(real.readAt) / 1000 + 60 };
    t.world.remove();

    const absurd = { ...base, loadedCount: 99, remaining: 50_000_000 };
    writeBack(t, cardId, cardNo, absurd);
    t.world.insert(cardId);
    const read = await t.ok('cards.read', {}, sid);
    expect(read.reading).toBeNull();
    expect(read.card).toMatchObject({ pending: true }); // the write-back cannot say the purchase was loaded
    await t.ok('cards.read', {}, sid); // the same fault read again is not a new one
    expect(faults(t)).toHaveLength(1);
    expect(faults(t)[0]).toMatchObject({ meterNo: 'M1' });
    expect(faults(t)[0]!.faults.join('；')).toMatch(/已入表次数 99.*剩余气量 50000000/);
    // Refused as still on the card: the customer takes the card to the meter, which writes back again.
    const purchase = { customerId: c.id, by: 'volume' as const, volume: 5 * M3 };
    const q = await t.ok('sales.quote', purchase, sid);
    const sell = await t.fails(
      'sales.sellGas',
      { purchase, expectedAmountDue: q.amountDue, tenders: [{ method: 'cash', amount: q.amountDue }] },
      sid,
    );
    expect(sell.code).toBe('CARD_GAS_PENDING');

    t.world.remove();
    writeBack(t, cardId, cardNo, { ...base, cumulativeUsed: 100, readAt: base.readAt + 60 }); // used gas went down
    t.world.insert(cardId);
    const backwards = await t.ok('cards.read', {}, sid);
    expect(backwards.reading).toBeNull();
    expect(faults(t).at(-1)!.faults[0]).toContain('小于上次读数');
    // The clerk sees it on the card read, with the meter to print the 安全提示单 for.
    expect(backwards.meterFaults).toEqual(faults(t).at(-1)!.faults);
    expect(backwards.meterFaults[0]).toBe('表具累计用气 100 小于上次读数 400');
    expect(backwards.faultyMeterNo).toBe('M1');
    expect(good.meterFaults).toEqual([]);

    t.world.remove();
    const torn = encodeWriteBack({ ...base, readAt: base.readAt + 120 });
    torn[5]! ^= 0x40;
    writeBack(t, cardId, cardNo, torn);
    t.world.insert(cardId);
    expect((await t.ok('cards.read', {}, sid)).state).toBe('ok'); // a torn write-back is no damage to the card
    expect(faults(t).at(-1)!.faults[0]).toContain('校验错误');
    expect(t.count('meter_readings')).toBe(readings);

    // Status bits no meter defines, and a meter number that is not text.
    t.world.remove();
    const odd = encodeWriteBack({ ...base, readAt: base.readAt + 180 });
    odd[16] = 0xf0;
    const crcFixed = crc16(odd, 0, 30);
    odd[30] = crcFixed >> 8;
    odd[31] = crcFixed & 0xff;
    writeBack(t, cardId, cardNo, odd);
    t.world.insert(cardId);
    await t.ok('cards.read', {}, sid);
    expect(faults(t).at(-1)!.faults.join()).toContain('未定义的位');

    // The meter writes a true one again: believed, recorded as a reading.
    t.world.remove();
    t.world.carryToMeter(cardId, 'M1');
    t.world.insert(cardId);
    expect((await t.ok('cards.read', {}, sid)).reading).toMatchObject({ loadedCount: 1, remaining: 600 });
    expect((await buy(t, sid, purchase)).status).toBe('completed');
  });
});
