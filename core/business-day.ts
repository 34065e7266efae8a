/**
 * The business day's time zone, decided in one place: a hall's configured IANA zone (default Asia/Shanghai),
 * used alike by the counter (its business date, day ranges, receipts, reconciliation digests) and by head office
 * (its digests). Everything here is Intl-based, so the process's own zone (TZ, the OS setting) never matters.
 * Runtime: any.
 */
import { z } from 'zod';
import { AppError } from './errors';

export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';

/** The field issue code of a zone name no runtime zone database knows. */
export const TIME_ZONE_INVALID = 'TIME_ZONE_INVALID';
const INVALID_ZH = '时区无效：请填写 IANA 时区名称，例如 Asia/Shanghai';

/** IANA-shaped (Area/Location, or a single name such as UTC); offsets such as +08:00 are not zone names. */
const ZONE_NAME = /^[A-Za-z][A-Za-z0-9_+-]*(?:\/[A-Za-z0-9_+-]+)*$/;
const HOUR = 3_600_000;

const formatters = new Map<string, Intl.DateTimeFormat>();

/** The zone's formatter (throws RangeError for a zone the runtime does not know). */
function formatter(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(zone, f);
  }
  return f;
}

export function isTimeZone(name: unknown): name is string {
  if (typeof name !== 'string' || name.length > 64 || !ZONE_NAME.test(name)) return false;
  try {
    formatter(name);
    return true;
  } catch {
    return false;
  }
}

/** A hall's time zone as input: trimmed, then an IANA name this runtime knows (stored as given). */
export const timeZoneSchema = z
  .string({ error: '请填写时区' })
  .trim()
  .refine(isTimeZone, { error: INVALID_ZH, params: { code: TIME_ZONE_INVALID } });

/** Returns `zone` when it is a known IANA zone name, else VALIDATION_FAILED with a TIME_ZONE_INVALID issue. */
export function requireTimeZone(zone: unknown, path: (string | number)[] = ['timeZone']): string {
  if (isTimeZone(zone)) return zone;
  throw new AppError('VALIDATION_FAILED', {
    issues: [{ path, code: TIME_ZONE_INVALID, message: INVALID_ZH }],
    detail: `unknown time zone ${JSON.stringify(zone)}`,
  });
}

/** The UTC midnight of a calendar date, for any year 0–9999 (Date.UTC maps years below 100 to 19xx). */
function utcMidnight(date: string): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const t = new Date(0);
  t.setUTCFullYear(y, m - 1, d);
  return t.getTime();
}

const utcDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** The zone's offset from UTC at `ms`, in ms (local wall clock − UTC), from the runtime's zone database. */
export function offsetAt(zone: string, ms: number): number {
  const p: Record<string, number> = {};
  for (const part of formatter(zone).formatToParts(ms))
    if (part.type !== 'literal') p[part.type] = Number(part.value);
  const wall = new Date(0);
  wall.setUTCFullYear(p.year!, p.month! - 1, p.day!);
  wall.setUTCHours(p.hour!, p.minute!, p.second!);
  return wall.getTime() - (ms - (((ms % 1000) + 1000) % 1000));
}

/**
 * What one UTC hour looks like in a zone: its offset when constant over the hour (null when a transition falls
 * inside it), and its day when the whole hour falls on one local day. Keyed by the UTC hour, not the day, so a
 * zone whose offset is not whole hours (Asia/Kolkata +05:30, Asia/Kathmandu +05:45) is still right: the hour
 * that its local midnight cuts in two has no day of its own and is answered from the offset. (It assumes no
 * zone changes its offset twice within one hour, which no zone does.)
 */
export interface HourInZone {
  readonly offset: number | null;
  readonly day: string | null;
}
const hours = new Map<string, Map<number, HourInZone>>();
const MAX_HOURS_PER_ZONE = 100_000;

export function hourInZone(zone: string, hour: number): HourInZone {
  let byHour = hours.get(zone);
  if (!byHour) {
    formatter(zone); // an unknown zone throws before it is remembered
    byHour = new Map();
    hours.set(zone, byHour);
  }
  let h = byHour.get(hour);
  if (!h) {
    const start = hour * HOUR;
    const last = start + HOUR - 1;
    const offset = offsetAt(zone, start);
    if (offset !== offsetAt(zone, last)) h = { offset: null, day: null };
    else {
      const day = utcDay(start + offset);
      h = { offset, day: day === utcDay(last + offset) ? day : null };
    }
    if (byHour.size >= MAX_HOURS_PER_ZONE) byHour.clear();
    byHour.set(hour, h);
  }
  return h;
}

function offsetCached(zone: string, ms: number): number {
  return hourInZone(zone, Math.floor(ms / HOUR)).offset ?? offsetAt(zone, ms);
}

/** The calendar date ('YYYY-MM-DD') of instant `ms` in `zone`. */
export function dayIn(zone: string, ms: number): string {
  const h = hourInZone(zone, Math.floor(ms / HOUR));
  return h.day ?? utcDay(ms + (h.offset ?? offsetAt(zone, ms)));
}

/** The wall-clock time of `ms` in `zone`: '2026-11-26 14:03:07' (receipts, the counter screen). */
export function wallTimeIn(zone: string, ms: number): string {
  const iso = new Date(ms + offsetCached(zone, ms)).toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)}`;
}

/**
 * The instant `date`'s wall clock reads `minutes` past midnight in `zone`. A wall time a transition skips (a
 * spring-forward gap) answers an instant of the hour around it; a time it repeats, its first or second
 * occurrence — good enough for scheduling, not for day boundaries (dayStart).
 */
export function wallClockMs(zone: string, date: string, minutes: number): number {
  const u = utcMidnight(date) + minutes * 60_000;
  return u - offsetCached(zone, u - offsetCached(zone, u));
}

/** The first instant of `date` in `zone`: its local midnight, or when a transition skips midnight, the first moment after. */
export function dayStart(zone: string, date: string): number {
  const t = wallClockMs(zone, date, 0);
  if (dayIn(zone, t) === date && dayIn(zone, t - 1) < date) return t;
  // Midnight skipped (local time jumps from 23:59:59 to 01:00): the first instant whose date is `date`.
  const u = utcMidnight(date);
  let lo = u - 16 * HOUR; // offsets stay within ±15 h: lo's date is before `date`, hi's is `date` or later
  let hi = u + 16 * HOUR;
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (dayIn(zone, mid) >= date) hi = mid;
    else lo = mid;
  }
  return hi;
}

/** The calendar date after `date` (YYYY-MM-DD), whatever the zone. */
export function nextDate(date: string): string {
  return utcDay(utcMidnight(date) + 86_400_000);
}

export function previousDate(date: string): string {
  return utcDay(utcMidnight(date) - 86_400_000);
}

/** A YYYY-MM-DD the calendar has (2026-02-30 is not). */
export function isCalendarDate(date: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(date) && utcDay(utcMidnight(date)) === date;
}
