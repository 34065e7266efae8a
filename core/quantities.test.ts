import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  formatCubicMetres,
  formatPriceLi,
  formatYuan,
  parseCubicMetres,
  parsePriceLi,
  parseYuan,
} from './quantities';

describe('money in fen', () => {
  it('parses yuan text without floating point', () => {
    expect(parseYuan('0.1')).toBe(10);
    expect(parseYuan('1234.5')).toBe(123450);
    expect(parseYuan('19.99')).toBe(1999);
    expect(parseYuan('-3.07')).toBe(-307);
  });
  it('refuses more than two decimals and non-numbers', () => {
    expect(() => parseYuan('1.001')).toThrow(RangeError);
    expect(() => parseYuan('1e3')).toThrow(RangeError);
    expect(() => parseYuan('')).toThrow(RangeError);
  });
  it('formats with thousands separators and two decimals', () => {
    expect(formatYuan(123456)).toBe('1,234.56');
    expect(formatYuan(5)).toBe('0.05');
    expect(formatYuan(-1999)).toBe('-19.99');
  });
  it('round-trips every amount exactly', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), (n) => {
        expect(parseYuan(formatYuan(n).replace(/,/g, ''))).toBe(n);
      }),
    );
  });
  it('volumes round-trip in 0.01 m³ units', () => {
    expect(parseCubicMetres('12.5')).toBe(1250);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e10 }), (n) => {
        expect(parseCubicMetres(formatCubicMetres(n))).toBe(n);
      }),
    );
  });
  it('prices in 厘 per m³ keep three decimals', () => {
    expect(parsePriceLi('4.125')).toBe(4125);
    expect(parsePriceLi('2.75')).toBe(2750);
    expect(formatPriceLi(4125)).toBe('4.125');
    expect(formatPriceLi(2750)).toBe('2.75');
    expect(() => parsePriceLi('1.2345')).toThrow(RangeError);
  });
});
