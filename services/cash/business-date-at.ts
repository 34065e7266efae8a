/**
 * Which business day a past moment belonged to, recomputed from the stored day closes (nothing new is
 * stored): the local date of the moment, moved past each day that had already been closed by then — the
 * rule `currentBusinessDate` applies at the moment itself. Runtime: Node.
 */
import { AppError } from '../../core/errors';
import { type Drizzle, listDayCloses } from '../../db';
import type { App } from '../app';
import { currentBusinessDate, localDate, nextDate } from './business-date';

/** Day close times by business date (ISO instants). */
export type CloseTimes = ReadonlyMap<string, string>;

export function closeTimes(db: Drizzle): CloseTimes {
  return new Map(listDayCloses(db).map((c) => [c.businessDate, c.closedAt]));
}

export function businessDateAt(atIso: string, closes: CloseTimes): string {
  let date = localDate(Date.parse(atIso));
  for (let closedAt = closes.get(date); closedAt !== undefined && closedAt <= atIso; ) {
    date = nextDate(date);
    closedAt = closes.get(date);
  }
  return date;
}

/** The instant local midnight starts `date` (YYYY-MM-DD), as an ISO string. */
export function localMidnightIso(date: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d).toISOString();
}

/**
 * Every moment whose business date may be `date`: from the first of the closed days running up to it (a
 * moment on a closed day goes to the next one) to the end of `date` itself.
 */
export function momentsRange(date: string, closes: CloseTimes): { fromIso: string; toIso: string } {
  let first = date;
  for (let prev = previousDate(first); closes.has(prev); prev = previousDate(prev)) first = prev;
  return { fromIso: localMidnightIso(first), toIso: localMidnightIso(nextDate(date)) };
}

export function previousDate(date: string): string {
  const d = new Date(`${date}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

/** Refuses a date the contract's pattern lets through but the calendar does not have (2026-02-30). */
export function requireCalendarDate(date: string, field = 'businessDate'): void {
  const d = new Date(`${date}T12:00:00Z`);
  if (Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== date)
    throw new AppError('VALIDATION_FAILED', {
      issues: [{ path: [field], code: 'DATE_INVALID', message: `${date} 不是有效日期` }],
    });
}

/** Refuses a business date that has not started yet (after the current one). */
export function refuseFutureDate(app: App, date: string, field = 'businessDate'): void {
  requireCalendarDate(date, field);
  const current = currentBusinessDate(app);
  if (date > current)
    throw new AppError('VALIDATION_FAILED', {
      issues: [
        {
          path: [field],
          code: 'BUSINESS_DATE_NOT_STARTED',
          message: `营业日 ${date} 尚未开始（当前营业日为 ${current}）`,
        },
      ],
    });
}
