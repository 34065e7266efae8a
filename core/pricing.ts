/**
 * Gas prices and tiered pricing (阶梯气价), in integers only. Runtime: any.
 *
 * Units: volumes in VolumeUnits (0.01 m³); prices in 厘 per m³ (1 厘 = 0.001 元 = 0.1 分), because published
 * tier prices have three decimals (e.g. 4.125 元/m³); amounts in 分.
 *
 * THE ROUNDING RULE, stated once: the amount of one tier slice is volume × price, rounded half up to the 分
 * (四舍五入到分), once per slice; a purchase's total is the sum of its slices (docs/pricing.md: what this means
 * for a larger household where two tiers cost the same).
 */
import { type Fen, fen, VOLUME_UNITS_PER_M3, type VolumeUnits, volumeUnits } from './quantities';

export const LI_PER_FEN = 10;
/** volume (units) × price (厘/m³) → 厘·units; dividing by this gives 分. */
const SCALE = VOLUME_UNITS_PER_M3 * LI_PER_FEN;

export interface TierDef {
  /** This tier's size for a household of `baseHouseholdSize`, in volume units; null for the last tier. */
  readonly width: number | null;
  /** Price in 厘 per m³. */
  readonly priceLi: number;
  /** How much each person above the base household size adds to this tier's size (volume units). */
  readonly extraPerPerson: number;
}

export interface PriceSchedule {
  readonly tiers: readonly TierDef[];
  readonly baseHouseholdSize: number;
}

export interface Slice {
  readonly tier: number;
  readonly volume: VolumeUnits;
  readonly priceLi: number;
  readonly amount: Fen;
}

export interface Quote {
  readonly volume: VolumeUnits;
  readonly amount: Fen;
  readonly slices: Slice[];
}

/** Round-half-up division of non-negative integers. */
function divRoundHalfUp(n: number, d: number): number {
  return Math.floor((n * 2 + d) / (2 * d));
}

export function sliceAmount(volume: number, priceLi: number): Fen {
  if (volume < 0 || priceLi < 0) throw new RangeError('volume and price must not be negative');
  return fen(divRoundHalfUp(volume * priceLi, SCALE));
}

/** Cumulative upper bound of each tier for a household (last is Infinity). */
export function tierBounds(s: PriceSchedule, householdSize: number): number[] {
  const extraPeople = Math.max(0, householdSize - s.baseHouseholdSize);
  let acc = 0;
  return s.tiers.map((t) => {
    if (t.width === null) return Number.POSITIVE_INFINITY;
    acc += t.width + extraPeople * t.extraPerPerson;
    return acc;
  });
}

/**
 * What is left in each tier for a household that has used `used` in the period: the part of the tier's own
 * range [lower bound, upper bound) not used yet — never more than the tier's size (tier 2 of 400–1000 m³
 * holds 600 m³ at 0 m³ used, not 1000), 0 for a tier already used up; null for the last, unbounded tier.
 */
export function tierRemaining(s: PriceSchedule, householdSize: number, used: number): (number | null)[] {
  if (!Number.isSafeInteger(used)) throw new RangeError('used volume must be an integer');
  const bounds = tierBounds(s, householdSize);
  return bounds.map((upper, i) => {
    if (!Number.isFinite(upper)) return null;
    const lower = i === 0 ? 0 : bounds[i - 1]!;
    return Math.max(0, upper - Math.max(lower, used));
  });
}

/**
 * Prices `volume` for a household that has already bought `usedInPeriod` in this pricing period: the volume
 * is split at the tier bounds, each slice at its own price.
 */
export function quoteVolume(
  s: PriceSchedule,
  householdSize: number,
  usedInPeriod: number,
  volume: number,
): Quote {
  if (!Number.isSafeInteger(volume) || volume < 0)
    throw new RangeError('volume must be a non-negative integer');
  if (!Number.isSafeInteger(usedInPeriod) || usedInPeriod < 0)
    throw new RangeError('used volume must be a non-negative integer');
  const bounds = tierBounds(s, householdSize);
  const slices: Slice[] = [];
  let from = usedInPeriod;
  let left = volume;
  let lower = 0;
  for (let i = 0; i < s.tiers.length && left > 0; i++) {
    const upper = bounds[i]!;
    if (from < upper) {
      const take = Math.min(left, upper - Math.max(from, lower));
      const priceLi = s.tiers[i]!.priceLi;
      slices.push({ tier: i + 1, volume: volumeUnits(take), priceLi, amount: sliceAmount(take, priceLi) });
      left -= take;
      from += take;
    }
    lower = upper;
  }
  return { volume: volumeUnits(volume), amount: fen(slices.reduce((a, x) => a + x.amount, 0)), slices };
}

/**
 * Buying by money: the largest volume whose price does not exceed `money`; what is left over is kept as the
 * customer's balance (结余). Prices never decrease with volume, so a binary search finds it.
 */
export function quoteMoney(
  s: PriceSchedule,
  householdSize: number,
  usedInPeriod: number,
  money: number,
): Quote & { remainder: Fen } {
  if (!Number.isSafeInteger(money) || money < 0)
    throw new RangeError('money must be a non-negative integer of fen');
  const minPrice = Math.min(...s.tiers.map((t) => t.priceLi));
  if (minPrice <= 0) throw new RangeError('prices must be positive');
  let lo = 0;
  let hi = Math.ceil(((money + 1) * SCALE) / minPrice) + 1;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (quoteVolume(s, householdSize, usedInPeriod, mid).amount <= money) lo = mid;
    else hi = mid - 1;
  }
  const q = quoteVolume(s, householdSize, usedInPeriod, lo);
  return { ...q, remainder: fen(money - q.amount) };
}

/** The first day (YYYY-MM-DD) of the annual pricing period containing `date`, for a period starting on `startMMDD`. */
export function periodStart(date: string, startMMDD: string): string {
  const year = Number(date.slice(0, 4));
  const mmdd = date.slice(5);
  return `${mmdd >= startMMDD ? year : year - 1}-${startMMDD}`;
}

/** The published 常熟 residential table (domain.md): ≤400 / 400–1000 / >1000 m³ at 2.75 / 3.30 / 4.125 元/m³
 * for up to 4 people; each extra person adds 100 m³ to tier 1 and 150 m³ to tier 2. */
export const CHANGSHU_RESIDENTIAL: PriceSchedule = {
  baseHouseholdSize: 4,
  tiers: [
    { width: 400 * VOLUME_UNITS_PER_M3, priceLi: 2750, extraPerPerson: 100 * VOLUME_UNITS_PER_M3 },
    { width: 600 * VOLUME_UNITS_PER_M3, priceLi: 3300, extraPerPerson: 150 * VOLUME_UNITS_PER_M3 },
    { width: null, priceLi: 4125, extraPerPerson: 0 },
  ],
};
