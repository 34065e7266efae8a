import { describe, expect, it } from 'vitest';
import { decodeCard } from './card-record';
import {
  AREA,
  ATR,
  encodeHeader,
  encodePurchase,
  encodeWriteBack,
  ISSUED_MARK,
  PSC_CHANGING_MARK,
  type PurchaseRecord,
} from './gas-card';

const header = { kind: 'user' as const, region: 101, cardNo: '1000000000000001', accountNo: '010101000001' };
const p1: PurchaseRecord = {
  count: 1,
  volume: 1000,
  cumulative: 1000,
  writtenAt: 1_790_000_000,
  counterCode: '010101',
};
const p2: PurchaseRecord = { ...p1, count: 2, volume: 300, cumulative: 1300 };
const clear: PurchaseRecord = { ...p1, volume: 0, cumulative: 0 };

function card(primary?: Uint8Array, backup?: Uint8Array) {
  const img = new Uint8Array(129).fill(0xff);
  img.set(ATR, 0);
  img.set(encodeHeader(header), AREA.header.start);
  if (primary) img.set(primary, AREA.primary.start);
  if (backup) img.set(backup, AREA.backup.start);
  return img;
}
const torn = (p: PurchaseRecord, bytes: number) => {
  const a = new Uint8Array(32).fill(0xff);
  a.set(encodePurchase(p).subarray(0, bytes));
  return a;
};

describe('what a card image says', () => {
  it('two valid areas one write apart are the write cut before the backup: the primary is held, never damage', () => {
    expect(decodeCard(card(encodePurchase(p2), encodePurchase(p1)))).toMatchObject({
      state: 'ok',
      purchase: p2,
      torn: 'backup',
      repairable: true,
    });
    // A clear (the same count, its gas taken off) cut the same way.
    expect(decodeCard(card(encodePurchase(clear), encodePurchase(p1)))).toMatchObject({
      purchase: clear,
      torn: 'backup',
    });
    // The primary behind the backup, two counts ahead, or the same count with other gas: damage.
    for (const [p, b] of [
      [p1, p2],
      [{ ...p2, count: 3 }, p1],
      [{ ...p1, volume: 5 }, p1],
    ] as const)
      expect(decodeCard(card(encodePurchase(p), encodePurchase(b)))).toEqual({
        state: 'damaged',
        reason: 'areas-differ',
      });
  });

  it('a torn area at any byte leaves the other one held', () => {
    for (let n = 1; n < 32; n++) {
      expect(decodeCard(card(torn(p2, n), encodePurchase(p1)))).toMatchObject({
        purchase: p1,
        torn: 'primary',
      });
      expect(decodeCard(card(encodePurchase(p2), torn(p2, n)))).toMatchObject({
        purchase: p2,
        torn: 'backup',
      });
    }
  });

  it('the format marker is checked before the CRC; an issue cut while the header was written is still blank', () => {
    const other = card();
    other.set(
      Uint8Array.from({ length: 28 }, (_, i) => i + 1),
      AREA.header.start,
    );
    expect(decodeCard(other)).toEqual({ state: 'foreign', reason: 'magic' });
    const version = card();
    version[AREA.header.start + 2] = 9;
    expect(decodeCard(version)).toEqual({ state: 'foreign', reason: 'version' });
    for (let n = 1; n < 28; n++) {
      const cut = card();
      cut.fill(0xff, AREA.header.start, AREA.header.start + 28);
      cut.set(encodeHeader(header).subarray(0, n), AREA.header.start);
      expect(decodeCard(cut)).toEqual({ state: 'blank', tornIssue: true });
    }
  });

  it('the issued mark says which PSC the card has, and the generation is read from the header', () => {
    const img = card();
    img.set(encodeHeader({ ...header, generation: 3 }), AREA.header.start);
    expect(decodeCard(img)).toMatchObject({ issue: 'header', header: { generation: 3 } });
    img[AREA.issued.start] = PSC_CHANGING_MARK;
    expect(decodeCard(img)).toMatchObject({ issue: 'psc-changing' });
    img[AREA.issued.start] = ISSUED_MARK;
    expect(decodeCard(img)).toMatchObject({ issue: 'done' });
  });

  it('an out-of-range write-back is a meter fault: not trusted, the purchase still pending', () => {
    const img = card(encodePurchase(p1), encodePurchase(p1));
    const w = {
      loadedCount: 1,
      remaining: 600,
      cumulativeUsed: 400,
      readAt: 1_790_000_100,
      status: { lowBattery: false, valveClosed: false, tamper: false, leakAlarm: false },
      meterNo: 'M1',
    };
    img.set(encodeWriteBack(w), AREA.writeBack.start);
    expect(decodeCard(img)).toMatchObject({ pending: false, meterFaults: [], writeBack: w });
    for (const bad of [
      { loadedCount: 2 },
      { remaining: 1001 },
      { remaining: -10_001 },
      { cumulativeUsed: 20_000 },
      { readAt: 5 },
    ]) {
      img.set(encodeWriteBack({ ...w, ...bad }), AREA.writeBack.start);
      const r = decodeCard(img);
      expect(r, JSON.stringify(bad)).toMatchObject({
        state: 'ok',
        pending: true,
        writeBack: { meterNo: '' },
      });
      expect(r.state === 'ok' && r.meterFaults.length).toBe(1);
    }
    img[AREA.writeBack.start + 3]! ^= 1; // torn by the meter: no damage to the card
    expect(decodeCard(img)).toMatchObject({
      state: 'ok',
      pending: true,
      meterFaults: [expect.stringContaining('校验')],
    });
  });
});
