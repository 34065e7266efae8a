/**
 * A household's gas use as head office knows it, by who made it: per counter id (or `import`, the use an old
 * system reported), per business day, the net gas (0.01 m³) that counter's sales of the customer made that day
 * — gas positive, a reversal or gas refund negative on its original's day, as docs/pricing.md counts them.
 * Head office keeps it with the customer and publishes it on the feed; a counter adds the other counters'
 * part to its own sales when it prices a purchase, so the tiers count the household's whole year wherever it
 * bought. Days older than KEEP_DAYS before the newest are dropped (a pricing year and a month are all that is
 * ever asked). Runtime: any.
 */
import { z } from 'zod';

export type GasUseBy = Record<string, Record<string, number>>;

/** Who an imported use is by: the old system, not a counter. */
export const IMPORTED_USE = 'import';

/** Two years: a pricing period is one, and the one before is read while it is being closed. */
export const KEEP_DAYS = 800;

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const dayMs = (d: string) => Date.parse(`${d}T00:00:00Z`);

export const gasUseBySchema = z.record(
  z.string().min(1).max(64),
  z.record(z.string().regex(DAY), z.number().int().min(-1e12).max(1e12)),
);

/** `by` with `delta` added to `who`'s `day` (a day whose sum comes to 0 removed), and old days dropped. */
export function addGasUse(by: GasUseBy, who: string, day: string, delta: number): GasUseBy {
  if (delta === 0) return by;
  const days = { ...(by[who] ?? {}) };
  const v = (days[day] ?? 0) + delta;
  if (v === 0) delete days[day];
  else days[day] = v;
  const out: GasUseBy = { ...by, [who]: days };
  const newest = Math.max(...Object.values(out).flatMap((d) => Object.keys(d).map(dayMs)));
  const oldest = newest - KEEP_DAYS * 86_400_000;
  for (const [w, d] of Object.entries(out)) {
    const kept = Object.fromEntries(Object.entries(d).filter(([k]) => dayMs(k) >= oldest));
    if (Object.keys(kept).length === 0) delete out[w];
    else out[w] = kept;
  }
  return out;
}

/** Per day, the use every author but `me` made (what a counter adds to its own sales). */
export function othersGasUse(by: GasUseBy | undefined, me: string | null): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [who, days] of Object.entries(by ?? {})) {
    if (who === me) continue;
    for (const [d, v] of Object.entries(days)) out[d] = (out[d] ?? 0) + v;
  }
  return out;
}

/** The sum of `use` over the days in [from, until). */
export function gasUseBetween(use: Record<string, number>, from: string, until: string): number {
  let sum = 0;
  for (const [d, v] of Object.entries(use)) if (d >= from && d < until) sum += v;
  return sum;
}
