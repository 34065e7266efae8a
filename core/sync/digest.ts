/**
 * Per-day reconciliation digests (reliability.md 7): for each counter and day, the count of operations, the
 * money and gas they move, and a chained hash of their ids in sequence order. The counter and head office
 * compute them independently from their own copies and compare on every sync. Runtime: any.
 */

const UTC_HOUR = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/;
const dayOfHour = new Map<string, string>();

/** The business day of an operation: its creation time in China (UTC+8), whatever the counter's zone. */
export function opDay(createdAt: string): string {
  // The day only depends on the UTC hour: the usual form (toISOString's) is answered from a cache of hours.
  if (!UTC_HOUR.test(createdAt)) return dayOf(createdAt);
  const hour = createdAt.slice(0, 13);
  let day = dayOfHour.get(hour);
  if (day === undefined) {
    day = dayOf(createdAt);
    if (dayOfHour.size > 100_000) dayOfHour.clear();
    dayOfHour.set(hour, day);
  }
  return day;
}

function dayOf(createdAt: string): string {
  const ms = Date.parse(createdAt);
  if (Number.isNaN(ms)) return '0000-00-00';
  return new Date(ms + 8 * 3_600_000).toISOString().slice(0, 10);
}

/** The money (fen) and gas (volume units) an operation moves: amountPaid and volume of sale operations. */
export function opFigures(type: string, payload: unknown): { amount: number; volume: number } {
  if (!type.startsWith('sale.') || typeof payload !== 'object' || payload === null)
    return { amount: 0, volume: 0 };
  const p = payload as { amountPaid?: unknown; volume?: unknown };
  return {
    amount: Number.isSafeInteger(p.amountPaid) ? (p.amountPaid as number) : 0,
    volume: Number.isSafeInteger(p.volume) ? (p.volume as number) : 0,
  };
}

export interface DayDigest {
  day: string;
  count: number;
  amount: number;
  volume: number;
  /** sha256(previous idsHash + op id), hex, over the day's operations in sequence order; '' when empty. */
  idsHash: string;
  /** The highest sequence number counted. */
  lastSeq: number;
}

/** The fields that must agree; the first that differs names the mismatch. */
export const DIGEST_FIELDS = ['count', 'amount', 'volume', 'idsHash'] as const;

export function digestMismatch(a: DayDigest | undefined, b: DayDigest | undefined): string | null {
  if (!a || !b) return a || b ? 'missing' : null;
  for (const f of DIGEST_FIELDS) if (a[f] !== b[f]) return f;
  return null;
}
