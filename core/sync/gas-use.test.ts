import { describe, expect, it } from 'vitest';
import { addGasUse, gasUseBetween, KEEP_DAYS, othersGasUse } from './gas-use';

describe('a household’s gas use by counter and day', () => {
  it('adds to a counter’s day, and drops a day whose sum comes to nothing', () => {
    let by = addGasUse({}, 'c1', '2026-03-02', 1_000);
    by = addGasUse(by, 'c1', '2026-03-02', 500);
    by = addGasUse(by, 'c2', '2026-03-05', 700);
    expect(by).toEqual({ c1: { '2026-03-02': 1_500 }, c2: { '2026-03-05': 700 } });
    // A reversal on its original's day.
    expect(addGasUse(by, 'c2', '2026-03-05', -700)).toEqual({ c1: { '2026-03-02': 1_500 } });
    expect(addGasUse(by, 'c1', '2026-03-02', 0)).toBe(by);
  });

  it('keeps two years before the newest day and forgets what is older', () => {
    const old = addGasUse({}, 'c1', '2023-01-01', 1_000);
    const kept = addGasUse(old, 'c2', '2024-12-31', 200);
    expect(kept.c1).toEqual({ '2023-01-01': 1_000 });
    const later = addGasUse(kept, 'c2', '2025-06-01', 300);
    expect(Date.parse('2025-06-01') - Date.parse('2023-01-01')).toBeGreaterThan(KEEP_DAYS * 86_400_000);
    expect(later).toEqual({ c2: { '2024-12-31': 200, '2025-06-01': 300 } });
  });

  it('sums every author but the counter asking, over a window of days', () => {
    const by = {
      me: { '2026-01-10': 5_000 },
      c2: { '2026-01-10': 100, '2026-02-01': 200 },
      import: { '2026-01-01': 30_000 },
    };
    const others = othersGasUse(by, 'me');
    expect(others).toEqual({ '2026-01-10': 100, '2026-02-01': 200, '2026-01-01': 30_000 });
    expect(gasUseBetween(others, '2026-01-01', '2027-01-01')).toBe(30_300);
    expect(gasUseBetween(others, '2026-02-01', '2026-03-01')).toBe(200);
    expect(gasUseBetween(others, '2025-01-01', '2026-01-01')).toBe(0);
    expect(othersGasUse(undefined, 'me')).toEqual({});
  });
});
