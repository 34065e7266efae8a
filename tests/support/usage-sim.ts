/**
 * Test support: a seeded year of households for 燃气用量分析, with the anomalies a test injects known. Each
 * household of a size uses gas by the season (winter twice summer) with ±15% noise; once a month its card is
 * read at the counter (the meter's cumulative, load count and alarm flags) and it buys about what it will
 * use. Then a few households are made suspect in the analysed month, each in one known way, and `expected`
 * says which flags each must raise. Volumes in 0.01 m³, read times in Unix seconds.
 */
import type { Household, Purchase, Reading } from '../../core/usage/analyse';
import { monthBounds, shiftMonth } from '../../core/usage/analyse';

export const SIM_MONTH = '2026-10';
const DAY_S = 86_400;

function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The anomalies injected, by the household's account number → the flags it must raise. */
export type Expected = Map<string, Set<string>>;

export interface UsageSim {
  readonly households: Household[];
  readonly reads: Reading[];
  readonly purchases: Purchase[];
  readonly expected: Expected;
}

const SEASON = [2, 1.9, 1.6, 1.3, 1, 0.9, 0.9, 0.9, 1, 1.2, 1.5, 1.8]; // January … December

/** Injections, in this order, on households 0, 1, 2 …; the rest stay normal. */
const INJECTED: readonly { kind: string; flags: string[] }[] = [
  { kind: 'zero', flags: ['zero_after_purchase'] },
  { kind: 'high', flags: ['high_vs_history', 'high_vs_peers'] },
  { kind: 'low', flags: ['low_vs_history'] },
  { kind: 'backwards', flags: ['backwards'] },
  { kind: 'tamper', flags: ['tamper'] },
  { kind: 'leak', flags: ['leak'] },
  { kind: 'battery', flags: ['low_battery'] },
  { kind: 'unloaded', flags: ['never_loaded'] },
  { kind: 'silent', flags: ['silent'] },
  { kind: 'jump', flags: ['jump', 'high_vs_history', 'high_vs_peers'] },
];

export function usageSim(seed: number, count: number): UsageSim {
  const rand = prng(seed);
  const households: Household[] = [];
  const reads: Reading[] = [];
  const purchases: Purchase[] = [];
  const expected: Expected = new Map();
  for (let i = 0; i < count; i++) {
    const size = 1 + (i % 5);
    const h: Household = {
      id: `00000000-0000-7000-8000-${String(i).padStart(12, '0')}`,
      accountNo: `0101${String(i).padStart(8, '0')}`,
      name: `住户${i}`,
      address: `幸福小区 ${i} 号`,
      hall: '0101 城东营业厅',
      userClass: 'residential',
      householdSize: size,
    };
    households.push(h);
    const inject = INJECTED[i]?.kind;
    if (inject) expected.set(h.accountNo, new Set(INJECTED[i]!.flags));
    const meterNo = `M${String(i).padStart(8, '0')}`;
    let cumulative = 10_000 + Math.floor(rand() * 100_000);
    let loaded = 3;
    for (let k = -12; k <= 0; k++) {
      const month = shiftMonth(SIM_MONTH, k);
      const { start } = monthBounds(month);
      const readDay = 10 + Math.floor(rand() * 10);
      if (inject === 'silent' && k > -6) {
        // Still buys every month, but no read comes back after the spring.
        purchases.push({ customerId: h.id, businessDate: `${month}-${readDay + 1}`, volume: 1_500 * size });
        continue;
      }
      let use = Math.round(1_000 * size * SEASON[Number(month.slice(5)) - 1]! * (0.85 + rand() * 0.3));
      let status: Reading['status'] = { lowBattery: false, tamper: false, leakAlarm: false };
      if (k === 0) {
        if (inject === 'zero') use = 0;
        if (inject === 'high') use *= 6;
        if (inject === 'low') use = Math.round(use * 0.05);
        if (inject === 'backwards') use = -5_000;
        if (inject === 'jump') use += 200_000; // 2,000 m³ in about a month
        if (inject === 'tamper') status = { ...status, tamper: true };
        if (inject === 'leak') status = { ...status, leakAlarm: true };
        if (inject === 'battery') status = { ...status, lowBattery: true };
      }
      cumulative += use;
      // The load of last month's purchase shows on this read (the unloaded household's never does).
      if (!(inject === 'unloaded' && k === 0)) loaded += 1;
      const readAt = start + (readDay - 1) * DAY_S + 10 * 3600;
      reads.push({
        customerId: h.id,
        meterNo,
        loadedCount: loaded,
        cumulativeUsed: cumulative,
        status,
        readAt,
      });
      // Bought right after the read; the unloaded household bought early last month.
      const day = inject === 'unloaded' && k === -1 ? 1 : readDay + 1;
      purchases.push({
        customerId: h.id,
        businessDate: `${month}-${String(day).padStart(2, '0')}`,
        volume: 1_500 * size,
      });
    }
  }
  return { households, reads, purchases, expected };
}
