import { describe, expect, it } from 'vitest';
import { ReaderError } from '../reader-error';
import { APDU, expectOk, presentCodeResult, swError, triesFromErrorCounter } from './acs-apdu';

const r = (...b: number[]) => Uint8Array.from(b);
const caught = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    return e as ReaderError;
  }
  throw new Error('did not throw');
};

describe('ACS memory-card pseudo-APDUs (SLE4442)', () => {
  it('are built as the reference manual lists them', () => {
    expect(APDU.selectSle4442()).toEqual([0xff, 0xa4, 0x00, 0x00, 0x01, 0x06]);
    expect(APDU.read(0x20, 0xe0)).toEqual([0xff, 0xb0, 0x00, 0x20, 0xe0]);
    expect(APDU.readErrorCounter()).toEqual([0xff, 0xb1, 0x00, 0x00, 0x04]);
    expect(APDU.readProtection()).toEqual([0xff, 0xb2, 0x00, 0x00, 0x04]);
    expect(APDU.write(0x40, [1, 2])).toEqual([0xff, 0xd0, 0x00, 0x40, 0x02, 1, 2]);
    expect(APDU.writeProtection(0, [0xa2])).toEqual([0xff, 0xd1, 0x00, 0x00, 0x01, 0xa2]);
    expect(APDU.presentCode([1, 2, 3])).toEqual([0xff, 0x20, 0x00, 0x00, 0x03, 1, 2, 3]);
    expect(APDU.changeCode([1, 2, 3])).toEqual([0xff, 0xd2, 0x00, 0x01, 0x03, 1, 2, 3]);
  });

  it('PRESENT_CODE: 90 07 accepted, 90 EC refused with the tries EC leaves, 90 00 locked, 63 0X refused', () => {
    expect(() => presentCodeResult(r(0x90, 0x07))).not.toThrow();
    expect(caught(() => presentCodeResult(r(0x90, 0x03)))).toMatchObject({ code: 'PSC_WRONG', triesLeft: 2 });
    expect(caught(() => presentCodeResult(r(0x90, 0x01)))).toMatchObject({ code: 'PSC_WRONG', triesLeft: 1 });
    expect(caught(() => presentCodeResult(r(0x90, 0x00)))).toMatchObject({
      code: 'CARD_LOCKED',
      triesLeft: 0,
    });
    expect(caught(() => presentCodeResult(r(0x63, 0x02)))).toMatchObject({ code: 'PSC_WRONG', triesLeft: 2 });
    expect(caught(() => presentCodeResult(r(0x63, 0xc0)))).toMatchObject({ code: 'CARD_LOCKED' });
  });

  it('a status word no table names is FRAME_ERROR with the word, never success', () => {
    for (const sw of [r(0x90, 0x08), r(0x6c, 0x12), r(0x61, 0x10)]) {
      const e = caught(() => presentCodeResult(sw));
      expect(e.code).toBe('FRAME_ERROR');
      expect(e.detail).toMatch(/SW [0-9A-F]{4}/);
    }
    expect(caught(() => expectOk(r(0x9f)))).toMatchObject({ code: 'FRAME_ERROR' });
  });

  it('ISO 7816-4 words read as the reader error codes', () => {
    expect(swError(0x6982).code).toBe('NOT_VERIFIED');
    expect(swError(0x6983).code).toBe('CARD_LOCKED');
    expect(swError(0x6581).code).toBe('WRITE_PROTECTED');
    expect(swError(0x6b00).code).toBe('OUT_OF_RANGE');
    expect(swError(0x6a81).code).toBe('WRONG_CARD_TYPE');
    expect(swError(0x6d00).code).toBe('UNKNOWN_COMMAND');
  });

  it('the error counter reads as tries left; data is checked for length', () => {
    expect(triesFromErrorCounter(r(0x07, 0, 0, 0, 0x90, 0x00))).toBe(3);
    expect(triesFromErrorCounter(r(0x06, 0, 0, 0, 0x90, 0x00))).toBe(2);
    expect(triesFromErrorCounter(r(0x00, 0, 0, 0, 0x90, 0x00))).toBe(0);
    expect(caught(() => triesFromErrorCounter(r(0x0f, 0x90, 0x00)))).toMatchObject({ code: 'FRAME_ERROR' });
    expect(caught(() => expectOk(r(1, 2, 0x90, 0x00), 4))).toMatchObject({ code: 'FRAME_ERROR' });
    expect(caught(() => expectOk(r(0x69, 0x82)))).toBeInstanceOf(ReaderError);
  });
});
