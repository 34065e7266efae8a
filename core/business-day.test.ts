import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AppError } from './errors';
import {
  DEFAULT_TIME_ZONE,
  dayIn,
  dayStart,
  isCalendarDate,
  isTimeZone,
  nextDate,
  previousDate,
  requireTimeZone,
  TIME_ZONE_INVALID,
  timeZoneSchema,
  wallClockMs,
  wallTimeIn,
} from './business-day';

const ZONES = [
  'Asia/Shanghai',
  'America/New_York',
  'Asia/Kolkata',
  'Asia/Kathmandu',
  'Australia/Lord_Howe', // a half-hour DST shift
  'Pacific/Chatham', // +12:45 / +13:45
  'America/Santiago', // DST starts at midnight: some days begin at 01:00
  'Europe/London',
  'UTC',
];

/** The reference: the date parts Intl formats for the instant, no offset arithmetic, no cache of days. */
const referenceFormats = new Map<string, Intl.DateTimeFormat>();
function referenceDay(zone: string, ms: number): string {
  let f = referenceFormats.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
    referenceFormats.set(zone, f);
  }
  const parts = f.formatToParts(ms);
  const get = (t: string) => parts.find((p) => p.type === t)!.value;
  return `${get('year')}-${get('month')}-${get('day')}`;
}

const H = 3_600_000;
const instant = fc.integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2045, 0, 1) });

describe('time zone names', () => {
  it('knows IANA names and refuses the rest', () => {
    for (const z of [...ZONES, 'asia/shanghai', 'Etc/GMT-8', 'PRC']) expect(isTimeZone(z)).toBe(true);
    for (const z of [
      '',
      'Mars/Olympus',
      '+08:00',
      'UTC+8',
      ' Asia/Shanghai',
      'Asia/Shanghai/',
      'x'.repeat(65),
      8,
    ])
      expect(isTimeZone(z)).toBe(false);
  });
  it('answers an unknown zone with a stable code and a Chinese message', () => {
    const r = timeZoneSchema.safeParse('Mars/Olympus');
    expect(r.success).toBe(false);
    const issue = r.error!.issues[0] as { message: string; params?: { code?: string } };
    expect(issue.params?.code).toBe(TIME_ZONE_INVALID);
    expect(issue.message).toMatch(/时区无效/);
    expect(timeZoneSchema.parse('  America/New_York ')).toBe('America/New_York');
    try {
      requireTimeZone('Mars/Olympus');
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(AppError);
      expect((e as AppError).code).toBe('VALIDATION_FAILED');
      expect((e as AppError).issues).toEqual([
        { path: ['timeZone'], code: TIME_ZONE_INVALID, message: expect.stringMatching(/Asia\/Shanghai/) },
      ]);
    }
    expect(requireTimeZone(DEFAULT_TIME_ZONE)).toBe('Asia/Shanghai');
  });
});

describe('the day of an instant', () => {
  it('agrees with Intl’s own date parts, in every kind of zone (property)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...ZONES), instant, (zone, ms) => {
        expect(dayIn(zone, ms)).toBe(referenceDay(zone, ms));
        expect(dayIn(zone, ms)).toBe(referenceDay(zone, ms)); // again, from the cache
      }),
      { numRuns: 2000 },
    );
  });
  it('turns at each zone’s own midnight', () => {
    // China: UTC+8 all year.
    expect(dayIn('Asia/Shanghai', Date.parse('2026-03-01T15:59:59.999Z'))).toBe('2026-03-01');
    expect(dayIn('Asia/Shanghai', Date.parse('2026-03-01T16:00:00.000Z'))).toBe('2026-03-02');
    // India: UTC+5:30, the day turns at 18:30 UTC, in the middle of a UTC hour.
    expect(dayIn('Asia/Kolkata', Date.parse('2026-03-01T18:29:59.999Z'))).toBe('2026-03-01');
    expect(dayIn('Asia/Kolkata', Date.parse('2026-03-01T18:30:00.000Z'))).toBe('2026-03-02');
    expect(dayIn('Asia/Kolkata', Date.parse('2026-03-01T18:00:00.000Z'))).toBe('2026-03-01');
    // Nepal: UTC+5:45.
    expect(dayIn('Asia/Kathmandu', Date.parse('2026-03-01T18:14:59.999Z'))).toBe('2026-03-01');
    expect(dayIn('Asia/Kathmandu', Date.parse('2026-03-01T18:15:00.000Z'))).toBe('2026-03-02');
    // New York: UTC−5 in winter, UTC−4 in summer (DST from 2026-03-08 02:00 to 2026-11-01 02:00).
    expect(dayIn('America/New_York', Date.parse('2026-01-15T04:59:59.999Z'))).toBe('2026-01-14');
    expect(dayIn('America/New_York', Date.parse('2026-01-15T05:00:00.000Z'))).toBe('2026-01-15');
    expect(dayIn('America/New_York', Date.parse('2026-07-15T03:59:59.999Z'))).toBe('2026-07-14');
    expect(dayIn('America/New_York', Date.parse('2026-07-15T04:00:00.000Z'))).toBe('2026-07-15');
  });
  it('knows the offsets around a DST change', () => {
    // 2026-03-08 02:00 EST → 03:00 EDT (07:00Z); 2026-11-01 02:00 EDT → 01:00 EST (06:00Z).
    expect(wallTimeIn('America/New_York', Date.parse('2026-03-08T06:59:59Z'))).toBe('2026-03-08 01:59:59');
    expect(wallTimeIn('America/New_York', Date.parse('2026-03-08T07:00:00Z'))).toBe('2026-03-08 03:00:00');
    expect(wallTimeIn('America/New_York', Date.parse('2026-11-01T05:59:59Z'))).toBe('2026-11-01 01:59:59');
    expect(wallTimeIn('America/New_York', Date.parse('2026-11-01T06:00:00Z'))).toBe('2026-11-01 01:00:00');
    expect(wallTimeIn('Asia/Shanghai', Date.parse('2026-11-26T01:03:07.900Z'))).toBe('2026-11-26 09:03:07');
  });
});

describe('the first instant of a day', () => {
  it('is local midnight', () => {
    expect(new Date(dayStart('Asia/Shanghai', '2026-03-02')).toISOString()).toBe('2026-03-01T16:00:00.000Z');
    expect(new Date(dayStart('Asia/Kolkata', '2026-03-02')).toISOString()).toBe('2026-03-01T18:30:00.000Z');
    expect(new Date(dayStart('America/New_York', '2026-03-08')).toISOString()).toBe(
      '2026-03-08T05:00:00.000Z',
    );
    expect(new Date(dayStart('America/New_York', '2026-03-09')).toISOString()).toBe(
      '2026-03-09T04:00:00.000Z',
    );
    expect(new Date(dayStart('America/New_York', '2026-11-02')).toISOString()).toBe(
      '2026-11-02T05:00:00.000Z',
    );
    // A day of 23 and one of 25 hours.
    expect(dayStart('America/New_York', '2026-03-09') - dayStart('America/New_York', '2026-03-08')).toBe(
      23 * H,
    );
    expect(dayStart('America/New_York', '2026-11-02') - dayStart('America/New_York', '2026-11-01')).toBe(
      25 * H,
    );
  });
  it('is the moment after a midnight that DST skips', () => {
    // Chile: on 2026-09-06 the clocks go from 00:00 to 01:00 (−04 → −03), so the day starts at 01:00.
    const t = dayStart('America/Santiago', '2026-09-06');
    expect(wallTimeIn('America/Santiago', t)).toBe('2026-09-06 01:00:00');
    expect(referenceDay('America/Santiago', t - 1)).toBe('2026-09-05');
  });
  it('is the first instant whose date is the day (property)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...ZONES), instant, (zone, ms) => {
        const date = referenceDay(zone, ms);
        const t = dayStart(zone, date);
        expect(referenceDay(zone, t)).toBe(date);
        expect(referenceDay(zone, t - 1) < date).toBe(true);
        expect(t <= ms && ms < dayStart(zone, nextDate(date))).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
  it('reads a wall-clock time back', () => {
    expect(new Date(wallClockMs('Asia/Shanghai', '2026-03-02', 22 * 60 + 30)).toISOString()).toBe(
      '2026-03-02T14:30:00.000Z',
    );
    expect(new Date(wallClockMs('America/New_York', '2026-07-02', 22 * 60 + 30)).toISOString()).toBe(
      '2026-07-03T02:30:00.000Z',
    );
  });
});

describe('calendar dates', () => {
  it('steps across months, years and leap days', () => {
    expect(nextDate('2026-02-28')).toBe('2026-03-01');
    expect(nextDate('2028-02-28')).toBe('2028-02-29');
    expect(nextDate('2026-12-31')).toBe('2027-01-01');
    expect(previousDate('2026-03-01')).toBe('2026-02-28');
    expect(previousDate('2027-01-01')).toBe('2026-12-31');
  });
  it('knows which dates the calendar has', () => {
    expect(isCalendarDate('2028-02-29')).toBe(true);
    for (const d of ['2026-02-29', '2026-02-30', '2026-13-01', '2026-00-10', '2026-1-1', 'x'])
      expect(isCalendarDate(d)).toBe(false);
  });
});
