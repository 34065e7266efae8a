/**
 * Price tiers as the hall speaks of them (cumulative bounds: 0–400, 400–1000, over 1000 m³) and as the
 * contract stores them (each tier's width). Runtime: any.
 */
import type { PriceVersion } from '../../../core/contract';
import { priceLiOf, priceText, volumeOf, volumeText } from '../../shell/money';

export interface TierText {
  /** Cumulative upper bound in m³ (blank on the last tier). */
  bound?: string;
  /** 元/m³, up to three decimals. */
  price?: string;
  /** m³ added per person above the base household size. */
  extra?: string;
}

export type TierInput = { width: number | null; priceLi: number; extraPerPerson: number };

/** Rows typed on screen → the contract's tiers; undefined when a row is not a valid number. */
export function toTiers(rows: readonly TierText[]): TierInput[] | undefined {
  let previous = 0;
  const out: TierInput[] = [];
  for (const [i, row] of rows.entries()) {
    const last = i === rows.length - 1;
    const priceLi = priceLiOf(row.price);
    const extra = row.extra?.trim() ? volumeOf(row.extra) : 0;
    if (priceLi === undefined || extra === undefined) return undefined;
    let width: number | null = null;
    if (!last) {
      const bound = volumeOf(row.bound);
      if (bound === undefined) return undefined;
      width = bound - previous;
      previous = bound;
    }
    out.push({ width, priceLi, extraPerPerson: extra });
  }
  return out;
}

/** The first row whose bound is not above the previous one (index), if any. */
export function badBoundRow(rows: readonly TierText[]): number | undefined {
  let previous = 0;
  for (const [i, row] of rows.entries()) {
    if (i === rows.length - 1) return undefined;
    const bound = volumeOf(row.bound);
    if (bound === undefined) continue;
    if (bound <= previous) return i;
    previous = bound;
  }
  return undefined;
}

export interface TierLabels {
  range: string;
  rangeOpen: string;
  flat: string;
}

const fill = (s: string, v: Record<string, string>) => s.replace(/\{(\w+)\}/g, (m, k: string) => v[k] ?? m);

/** ['0–400 m³ 2.75 元/m³', '400–1000 m³ 3.3 元/m³', '1000 m³ 以上 4.125 元/m³'] */
export function tierLines(tiers: PriceVersion['tiers'], labels: TierLabels): string[] {
  if (tiers.length === 1) return [fill(labels.flat, { price: priceText(tiers[0]!.priceLi) })];
  let from = 0;
  return tiers.map((tier) => {
    const price = priceText(tier.priceLi);
    if (tier.width === null) return fill(labels.rangeOpen, { from: volumeText(from), price });
    const to = from + tier.width;
    const line = fill(labels.range, { from: volumeText(from), to: volumeText(to), price });
    from = to;
    return line;
  });
}
