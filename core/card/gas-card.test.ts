import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { crc16 } from './crc16';
import {
  AREA,
  ATR,
  CARD_KINDS,
  decodeCard,
  decodeHeader,
  decodePurchase,
  decodeWriteBack,
  encodeHeader,
  encodePurchase,
  encodeWriteBack,
} from './gas-card';

const digits = (max: number) => fc.stringMatching(new RegExp(`^[1-9][0-9]{0,${max - 1}}$`));
const header = fc.record({
  kind: fc.constantFrom(...CARD_KINDS),
  region: fc.integer({ min: 0, max: 0xffff }),
  cardNo: digits(16),
  accountNo: digits(16),
  generation: fc.integer({ min: 0, max: 0xffff }),
});
const purchase = fc.record({
  count: fc.integer({ min: 0, max: 0xffffffff }),
  volume: fc.integer({ min: 0, max: 0xffffffff }),
  cumulative: fc.integer({ min: 0, max: 0xffffffff }),
  writtenAt: fc.integer({ min: 0, max: 0xffffffff }),
  counterCode: digits(6),
});
const writeBack = fc.record({
  loadedCount: fc.integer({ min: 0, max: 0xffffffff }),
  remaining: fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }),
  cumulativeUsed: fc.integer({ min: 0, max: 0xffffffff }),
  readAt: fc.integer({ min: 0, max: 0xffffffff }),
  status: fc.record({
    lowBattery: fc.boolean(),
    valveClosed: fc.boolean(),
    tamper: fc.boolean(),
    leakAlarm: fc.boolean(),
  }),
  meterNo: fc.stringMatching(/^[A-Z0-9]{0,12}$/),
});

/** Flips one bit of one byte (a single-byte corruption). */
const corruptions = (length: number) =>
  fc.record({ at: fc.integer({ min: 0, max: length - 1 }), mask: fc.integer({ min: 1, max: 255 }) });

describe('CRC-16/CCITT-FALSE', () => {
  it('matches the standard check value', () => {
    expect(crc16(new TextEncoder().encode('123456789'))).toBe(0x29b1);
  });
});

describe('gas card record codec', () => {
  it('decode(encode(x)) = x for every area', () => {
    fc.assert(
      fc.property(header, (h) => {
        expect(decodeHeader(encodeHeader(h))).toEqual(h);
      }),
    );
    fc.assert(
      fc.property(purchase, (p) => {
        expect(decodePurchase(encodePurchase(p))).toEqual(p);
      }),
    );
    fc.assert(
      fc.property(writeBack, (w) => {
        expect(decodeWriteBack(encodeWriteBack(w))).toEqual(w);
      }),
    );
  });

  it('detects every single-byte corruption of every area', () => {
    fc.assert(
      fc.property(header, corruptions(AREA.header.length), (h, c) => {
        const a = encodeHeader(h);
        a[c.at]! ^= c.mask;
        expect(typeof decodeHeader(a)).toBe('string');
      }),
    );
    fc.assert(
      fc.property(purchase, corruptions(AREA.primary.length), (p, c) => {
        const a = encodePurchase(p);
        a[c.at]! ^= c.mask;
        expect(decodePurchase(a)).toBe('crc');
      }),
    );
    fc.assert(
      fc.property(writeBack, corruptions(AREA.writeBack.length), (w, c) => {
        const a = encodeWriteBack(w);
        a[c.at]! ^= c.mask;
        expect(decodeWriteBack(a)).toBe('crc');
      }),
    );
  });

  function image(
    h = { kind: 'user' as const, region: 320, cardNo: '1000000000000001', accountNo: '010101000001' },
  ) {
    const img = new Uint8Array(256).fill(0xff);
    img.set(ATR, 0);
    img.set(encodeHeader(h), AREA.header.start);
    return img;
  }
  const p1 = { count: 1, volume: 1000, cumulative: 1000, writtenAt: 1_790_000_000, counterCode: '010101' };
  const p2 = { ...p1, count: 2, volume: 3000, cumulative: 4000 };

  it('reads a whole card: blank, issued, pending, loaded', () => {
    const blank = new Uint8Array(256).fill(0xff);
    blank.set(ATR, 0);
    expect(decodeCard(blank)).toEqual({ state: 'blank', tornIssue: false });
    const img = image();
    expect(decodeCard(img)).toMatchObject({ state: 'ok', purchase: null, pending: false });
    img.set(encodePurchase(p1), AREA.primary.start);
    img.set(encodePurchase(p1), AREA.backup.start);
    expect(decodeCard(img)).toMatchObject({ state: 'ok', purchase: p1, pending: true, repairable: false });
    img.set(
      encodeWriteBack({
        loadedCount: 1,
        remaining: 1000,
        cumulativeUsed: 0,
        readAt: 1_790_000_100,
        status: { lowBattery: false, valveClosed: false, tamper: false, leakAlarm: true },
        meterNo: 'M1',
      }),
      AREA.writeBack.start,
    );
    expect(decodeCard(img)).toMatchObject({
      state: 'ok',
      pending: false,
      writeBack: { loadedCount: 1, status: { leakAlarm: true }, meterNo: 'M1' },
    });
  });

  it('tells foreign, damaged and torn cards apart', () => {
    const foreign = image();
    foreign[0] = 0x3b;
    expect(decodeCard(foreign)).toEqual({ state: 'foreign', reason: 'atr' });
    const differ = image();
    differ.set(encodePurchase(p1), AREA.primary.start);
    differ.set(encodePurchase(p2), AREA.backup.start);
    expect(decodeCard(differ)).toEqual({ state: 'damaged', reason: 'areas-differ' });
    const torn = image();
    torn.set(encodePurchase(p2), AREA.primary.start);
    torn.set(encodePurchase(p1).subarray(0, 10), AREA.backup.start); // backup half-written over a blank area
    expect(decodeCard(torn)).toMatchObject({ state: 'ok', purchase: p2, repairable: true });
    const firstTorn = image();
    firstTorn.set(encodePurchase(p1).subarray(0, 9), AREA.primary.start); // the first purchase, torn over blank areas
    expect(decodeCard(firstTorn)).toMatchObject({
      state: 'ok',
      purchase: null,
      pending: false,
      repairable: true,
    });
    const headerBad = image();
    headerBad[AREA.header.start + 8]! ^= 1;
    expect(decodeCard(headerBad)).toEqual({ state: 'damaged', reason: 'header-crc' });
  });
});
