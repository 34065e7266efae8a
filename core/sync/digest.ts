/**
 * Per-day reconciliation digests (reliability.md 7): for each counter and day, the count of operations, the
 * money and gas they move, and a chained hash of their ids in sequence order. The counter and head office
 * compute them independently from their own copies and compare on every sync. Runtime: any.
 */
import { dayIn, hourInZone } from '../business-day';

const UTC_TIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/;
/** Per zone, per UTC hour ('2026-03-01T15'): the hour's day there, or null when its local midnight cuts it. */
const dayOfHour = new Map<string, Map<string, string | null>>();

/**
 * The business day of an operation: the date of its creation time in the hall's time zone (core/business-day.ts),
 * whatever the counter's own zone. '0000-00-00' for a time that does not parse.
 */
export function opDay(createdAt: string, zone: string): string {
  if (!UTC_TIME.test(createdAt)) return dayOf(createdAt, zone);
  // The usual form (toISOString's) is answered from a cache of UTC hours: called for every pushed operation.
  let byHour = dayOfHour.get(zone);
  if (!byHour) {
    byHour = new Map();
    dayOfHour.set(zone, byHour);
  }
  const hour = createdAt.slice(0, 13);
  let day = byHour.get(hour);
  if (day === undefined) {
    const start = Date.parse(`${hour}:00:00Z`);
    if (Number.isNaN(start)) return '0000-00-00';
    day = hourInZone(zone, start / 3_600_000).day;
    if (byHour.size > 100_000) byHour.clear();
    byHour.set(hour, day);
  }
  return day ?? dayOf(createdAt, zone);
}

function dayOf(createdAt: string, zone: string): string {
  const ms = Date.parse(createdAt);
  return Number.isNaN(ms) ? '0000-00-00' : dayIn(zone, ms);
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
