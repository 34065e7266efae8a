/** Calendar windows of the pricing rules, on YYYY-MM-DD strings. Runtime: Node. */
import { periodStart } from '../../core/pricing';

/** The annual pricing period containing `date`: [from, until). */
export function pricingPeriod(date: string, startMMDD: string): { from: string; until: string } {
  const from = periodStart(date, startMMDD);
  return { from, until: `${Number(from.slice(0, 4)) + 1}${from.slice(4)}` };
}

/** The calendar month containing `date`: [from, until). */
export function calendarMonth(date: string): { from: string; until: string } {
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7));
  const next = m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
  return { from: `${date.slice(0, 7)}-01`, until: `${next}-01` };
}
