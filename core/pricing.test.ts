import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CHANGSHU_RESIDENTIAL as CS,
  periodStart,
  type PriceSchedule,
  type Quote,
  quoteMoney,
  quoteVolume,
  sliceAmount,
  tierBounds,
  tierRemaining,
} from './pricing';

const M3 = 100;

const schedule = fc
  .record({
    base: fc.integer({ min: 1, max: 6 }),
    tiers: fc.array(
      fc.record({
        width: fc.integer({ min: 1, max: 2000 * M3 }),
        priceLi: fc.integer({ min: 500, max: 9000 }),
        extra: fc.integer({ min: 0, max: 200 * M3 }),
      }),
      { minLength: 0, maxLength: 4 },
    ),
    lastPrice: fc.integer({ min: 500, max: 9000 }),
  })
  .map(({ base, tiers, lastPrice }): PriceSchedule => {
    // Prices never decrease from tier to tier.
    const sorted = [...tiers.map((t) => t.priceLi), lastPrice].sort((a, b) => a - b);
    return {
      baseHouseholdSize: base,
      tiers: [
        ...tiers.map((t, i) => ({ width: t.width, priceLi: sorted[i]!, extraPerPerson: t.extra })),
        { width: null, priceLi: sorted[sorted.length - 1]!, extraPerPerson: 0 },
      ],
    };
  });

const household = fc.integer({ min: 1, max: 10 });
const used = fc.integer({ min: 0, max: 5000 * M3 });
const volume = fc.integer({ min: 0, max: 3000 * M3 });

describe('tiered pricing: exact vectors from the 常熟 table', () => {
  it('a 5-person household that has used 480 m³ this year buying 50 m³', () => {
    // Tier 1 grows to 500 m³ for 5 people: 20 m³ at 2.75 + 30 m³ at 3.30 = 55.00 + 99.00.
    expect(quoteVolume(CS, 5, 480 * M3, 50 * M3)).toEqual({
      volume: 5000,
      amount: 15400,
      slices: [
        { tier: 1, volume: 2000, priceLi: 2750, amount: 5500 },
        { tier: 2, volume: 3000, priceLi: 3300, amount: 9900 },
      ],
    });
  });
  it('a 4-person household crossing into tier 3 at 1000 m³', () => {
    const q = quoteVolume(CS, 4, 990 * M3, 20 * M3);
    expect(q.slices).toEqual([
      { tier: 2, volume: 1000, priceLi: 3300, amount: 3300 },
      { tier: 3, volume: 1000, priceLi: 4125, amount: 4125 },
    ]);
    expect(q.amount).toBe(7425);
  });
  it('tier bounds grow with household size', () => {
    expect(tierBounds(CS, 3)).toEqual([40000, 100000, Number.POSITIVE_INFINITY]);
    expect(tierBounds(CS, 4)).toEqual([40000, 100000, Number.POSITIVE_INFINITY]);
    // Each extra person widens tier 1 by 100 m³ and tier 2 by 150 m³: 600 / 600 + 300 → bounds 600, 1500.
    expect(tierBounds(CS, 6)).toEqual([60000, 150000, Number.POSITIVE_INFINITY]);
  });
  it('本档剩余 is what is left inside each tier, never more than the tier holds', () => {
    // Tier 2 of 400–1000 m³ holds 600 m³: at 0 m³ used, 600 are left in it (not 1000, its upper bound).
    expect(tierRemaining(CS, 4, 0)).toEqual([400 * M3, 600 * M3, null]);
    expect(tierRemaining(CS, 4, 250 * M3)).toEqual([150 * M3, 600 * M3, null]);
    expect(tierRemaining(CS, 4, 530 * M3)).toEqual([0, 470 * M3, null]);
    expect(tierRemaining(CS, 4, 1200 * M3)).toEqual([0, 0, null]);
    // A household of 6: tiers of 600 and 900 m³.
    expect(tierRemaining(CS, 6, 0)).toEqual([600 * M3, 900 * M3, null]);
  });
  it('rounds each slice half up to the fen, once', () => {
    expect(sliceAmount(1, 4125)).toBe(4); // 0.01 m³ × 4.125 元 = 4.125 分 → 4
    expect(sliceAmount(13, 4125)).toBe(54); // 53.625 分 → 54
    expect(sliceAmount(12, 4125)).toBe(50); // 49.5 分 → 50 (half up)
    expect(sliceAmount(2, 2750)).toBe(6); // 5.5 分 → 6
  });
  it('buying by money keeps the remainder as balance', () => {
    const q = quoteMoney(CS, 4, 0, 10000); // 100 元 at 2.75 → 36.36 m³ costs 99.99 元
    expect(q.volume).toBe(3636);
    expect(q.amount).toBe(9999);
    expect(q.remainder).toBe(1);
  });
  it('periods start on the configured day', () => {
    expect(periodStart('2026-11-26', '01-01')).toBe('2026-01-01');
    expect(periodStart('2026-02-28', '03-01')).toBe('2025-03-01');
    expect(periodStart('2026-03-01', '03-01')).toBe('2026-03-01');
  });
});

describe('tiered pricing: properties', () => {
  it('what is left in a tier is exactly what the next purchase gets at its price', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 9 }), fc.integer({ min: 0, max: 200_000 }), (h, used) => {
        const left = tierRemaining(CS, h, used);
        const bounds = tierBounds(CS, h);
        left.forEach((n, i) => {
          if (n === null) {
            expect(i).toBe(bounds.length - 1);
            return;
          }
          const size = bounds[i]! - (i === 0 ? 0 : bounds[i - 1]!);
          expect(n).toBeGreaterThanOrEqual(0);
          expect(n).toBeLessThanOrEqual(size);
        });
        // Buying everything left below the last tier puts each tier's remainder in that tier's slice.
        const bounded = left.filter((n): n is number => n !== null);
        const all = bounded.reduce((a, b) => a + b, 0);
        const q = quoteVolume(CS, h, used, all);
        for (const sl of q.slices) expect(sl.volume).toBe(left[sl.tier - 1]);
      }),
    );
  });
  it('slices sum to the total and to the volume, and each is at its tier’s price', () => {
    fc.assert(
      fc.property(schedule, household, used, volume, (s, h, u, v) => {
        const q = quoteVolume(s, h, u, v);
        expect(q.slices.reduce((a, x) => a + x.volume, 0)).toBe(v);
        expect(q.slices.reduce((a, x) => a + x.amount, 0)).toBe(q.amount);
        for (const x of q.slices) expect(x.priceLi).toBe(s.tiers[x.tier - 1]!.priceLi);
      }),
    );
  });
  it('price never decreases with volume', () => {
    fc.assert(
      fc.property(schedule, household, used, volume, fc.integer({ min: 0, max: 500 }), (s, h, u, v, more) => {
        expect(quoteVolume(s, h, u, v + more).amount).toBeGreaterThanOrEqual(quoteVolume(s, h, u, v).amount);
      }),
    );
  });
  it('tier boundaries are exact: the unit just below a bound is in the lower tier, the bound starts the next', () => {
    fc.assert(
      fc.property(schedule, household, (s, h) => {
        const bounds = tierBounds(s, h);
        bounds.slice(0, -1).forEach((b, i) => {
          expect(quoteVolume(s, h, b - 1, 1).slices).toEqual([expect.objectContaining({ tier: i + 1 })]);
          expect(quoteVolume(s, h, b, 1).slices[0]!.tier).toBeGreaterThan(i + 1);
        });
      }),
    );
  });
  it('volume → money → volume round-trips within the rounding rule', () => {
    fc.assert(
      fc.property(schedule, household, used, volume, (s, h, u, v) => {
        const money = quoteVolume(s, h, u, v).amount;
        const back = quoteMoney(s, h, u, money);
        expect(back.volume).toBeGreaterThanOrEqual(v);
        expect(back.amount).toBe(money);
        expect(back.remainder).toBe(0);
        expect(quoteVolume(s, h, u, back.volume + 1).amount).toBeGreaterThan(money);
      }),
      { numRuns: 60 },
    );
  });
  it('a larger household never pays more for the same purchase than the rounding of its slices can add', () => {
    // Before rounding (厘·units), never more. After rounding each slice half up, at most the slices' half fens:
    // where adjacent tiers cost the same or nearly so, moving volume between them can move a rounding by 1 分
    // (seen: tiers of 5.01 元 and 5.01 元, one person more, 2,004.48 m³ → 1,004.25 against 1,004.24 元).
    const exact = (q: Quote) => q.slices.reduce((a, x) => a + x.volume * x.priceLi, 0);
    fc.assert(
      fc.property(schedule, household, used, volume, (s, h, u, v) => {
        const small = quoteVolume(s, h, u, v);
        const large = quoteVolume(s, h + 1, u, v);
        expect(exact(large)).toBeLessThanOrEqual(exact(small));
        const slack = Math.floor((small.slices.length + large.slices.length) / 2);
        expect(large.amount).toBeLessThanOrEqual(small.amount + slack);
      }),
    );
    fc.assert(
      fc.property(schedule, household, used, volume, (s, h, u, v) => {
        // The rounding rule itself: the total is within half a fen per slice of the exact price.
        const q = quoteVolume(s, h, u, v);
        expect(Math.abs(q.amount * 1000 - exact(q))).toBeLessThanOrEqual(500 * q.slices.length);
      }),
    );
  });
  it('shows the fen per-slice rounding can add when two tiers cost the same, and not when they differ', () => {
    // 8 people: 1,499.33 m³ × 0.501 = 751.16433 → 751.16 and 505.15 m³ → 253.08015 → 253.08: 1,004.24 元.
    // 9 people (tier 1 one unit wider): 1,499.34 m³ → 751.16934 → 751.17 and 505.14 m³ → 253.07514 → 253.08: 1,004.25.
    const flat: PriceSchedule = {
      baseHouseholdSize: 4,
      tiers: [
        { width: 149932, priceLi: 501, extraPerPerson: 1 },
        { width: null, priceLi: 501, extraPerPerson: 0 },
      ],
    };
    expect(quoteVolume(flat, 8, 3, 200448).amount).toBe(100424);
    expect(quoteVolume(flat, 9, 3, 200448).amount).toBe(100425);
    const stepped: PriceSchedule = { ...flat, tiers: [flat.tiers[0]!, { ...flat.tiers[1]!, priceLi: 1001 }] };
    expect(quoteVolume(stepped, 9, 3, 200448).amount).toBeLessThanOrEqual(
      quoteVolume(stepped, 8, 3, 200448).amount,
    );
  });
});
