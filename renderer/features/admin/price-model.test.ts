import { describe, expect, it } from 'vitest';
import { badBoundRow, tierLines, toTiers } from './price-model';

const LABELS = { range: '{from}–{to} m³ {price}', rangeOpen: '{from}+ m³ {price}', flat: 'flat {price}' };

describe('price tiers on screen', () => {
  it('turns cumulative bounds into widths, prices into 厘', () => {
    expect(
      toTiers([
        { bound: '400', price: '2.75', extra: '100' },
        { bound: '1000', price: '3.30', extra: '150' },
        { price: '4.125' },
      ]),
    ).toEqual([
      { width: 40000, priceLi: 2750, extraPerPerson: 10000 },
      { width: 60000, priceLi: 3300, extraPerPerson: 15000 },
      { width: null, priceLi: 4125, extraPerPerson: 0 },
    ]);
    expect(toTiers([{ bound: 'x', price: '1' }, { price: '2' }])).toBeUndefined();
    expect(toTiers([{ price: '2.7501' }])).toBeUndefined();
  });

  it('finds bounds that do not grow', () => {
    expect(badBoundRow([{ bound: '400' }, { bound: '300' }, {}])).toBe(1);
    expect(badBoundRow([{ bound: '400' }, { bound: '1000' }, {}])).toBeUndefined();
  });

  it('shows the tiers as 0–400, 400–1000, over 1000', () => {
    const tiers = [
      { width: 40000, priceLi: 2750, extraPerPerson: 0 },
      { width: 60000, priceLi: 3300, extraPerPerson: 0 },
      { width: null, priceLi: 4125, extraPerPerson: 0 },
    ];
    expect(tierLines(tiers, LABELS)).toEqual(['0–400 m³ 2.75', '400–1000 m³ 3.30', '1000+ m³ 4.125']);
    expect(tierLines([{ width: null, priceLi: 3000, extraPerPerson: 0 }], LABELS)).toEqual(['flat 3.00']);
  });
});
