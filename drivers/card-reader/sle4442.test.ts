import { describe, expect, it } from 'vitest';
import { CardError, CardTornError, Sle4442 } from './sle4442';

const PSC = new Uint8Array([0x12, 0x34, 0x56]);

function issued(): Sle4442 {
  const c = Sle4442.blank([0x12, 0x34, 0x56]);
  c.powerOn();
  return c;
}

const fault = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    if (e instanceof CardError) return e.fault;
    throw e;
  }
  return 'none';
};

describe('SLE4442 card model (datasheet rules)', () => {
  it('a blank card carries the ATR and reads FF elsewhere', () => {
    const c = issued();
    expect([...c.readMain(0, 4)]).toEqual([0xa2, 0x13, 0x10, 0x91]);
    expect(c.readMain(4, 252).every((b) => b === 0xff)).toBe(true);
  });

  it('reads anything but writes nothing before the PSC is verified', () => {
    const c = issued();
    expect(fault(() => c.updateMain(40, new Uint8Array([1])))).toBe('not-verified');
    expect([...c.readSecurity()]).toEqual([0b111, 0, 0, 0]);
    c.verify(PSC);
    c.updateMain(40, new Uint8Array([1, 2]));
    expect([...c.readMain(40, 2)]).toEqual([1, 2]);
    expect([...c.readSecurity()]).toEqual([0b111, 0x12, 0x34, 0x56]);
  });

  it('counts failures in the error counter and locks forever after three in a row', () => {
    const c = issued();
    const wrong = new Uint8Array([0, 0, 0]);
    expect(() => c.verify(wrong)).toThrow(CardError);
    expect(c.triesLeft).toBe(2);
    expect(() => c.verify(wrong)).toThrow(CardError);
    expect(c.triesLeft).toBe(1);
    expect(fault(() => c.verify(wrong))).toBe('locked');
    expect(c.triesLeft).toBe(0);
    expect(fault(() => c.verify(PSC))).toBe('locked');
    c.powerOff();
    c.powerOn();
    expect(fault(() => c.verify(PSC))).toBe('locked');
  });

  it('a correct PSC restores the error counter', () => {
    const c = issued();
    expect(() => c.verify(new Uint8Array([9, 9, 9]))).toThrow();
    expect(c.triesLeft).toBe(2);
    c.verify(PSC);
    expect(c.triesLeft).toBe(3);
  });

  it('verification lasts until power-off', () => {
    const c = issued();
    c.verify(PSC);
    c.powerOff();
    c.powerOn();
    expect(fault(() => c.updateMain(40, new Uint8Array([1])))).toBe('not-verified');
  });

  it('protection bits are one-time and compare-and-protect', () => {
    const c = issued();
    c.verify(PSC);
    c.updateMain(4, new Uint8Array([0x47, 0x44]));
    expect(fault(() => c.writeProtection(4, new Uint8Array([0x47, 0x45])))).toBe('compare-mismatch');
    expect(c.isProtected(5)).toBe(false);
    c.writeProtection(4, new Uint8Array([0x47, 0x44]));
    expect(c.isProtected(4) && c.isProtected(5)).toBe(true);
    expect([...c.readProtection()][0]! & 0b110000).toBe(0);
    expect(fault(() => c.updateMain(5, new Uint8Array([0x00])))).toBe('protected');
    c.updateMain(5, new Uint8Array([0x44])); // writing the same value is harmless
    expect(c.isProtected(40)).toBe(false); // only bytes 0–31 can be protected
    expect(fault(() => c.writeProtection(30, new Uint8Array([0xff, 0xff, 0xff])))).toBe('range');
  });

  it('a card pulled mid-write keeps some bytes new and some old', () => {
    const c = issued();
    c.verify(PSC);
    expect(() => c.updateMain(40, new Uint8Array([1, 2, 3, 4]), 2)).toThrow(CardTornError);
    c.powerOn();
    expect([...c.readMain(40, 4)]).toEqual([1, 2, 0xff, 0xff]);
  });

  it('refuses addresses outside the 256 bytes', () => {
    const c = issued();
    expect(fault(() => c.readMain(250, 7))).toBe('range');
  });

  it('survives a snapshot round trip', () => {
    const c = issued();
    c.verify(PSC);
    c.updateMain(100, new Uint8Array([7]));
    const d = new Sle4442(c.snapshot());
    d.powerOn();
    expect(d.readMain(100, 1)[0]).toBe(7);
    d.verify(PSC);
  });
});
