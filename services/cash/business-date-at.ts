/**
 * Which business day a past moment belonged to, recomputed from the stored day closes (nothing new is
 * stored): the moment's date in the counter's business-day zone, moved past each day that had already been
 * closed by then — the rule `currentBusinessDate` applies at the moment itself. Runtime: Node.
 */
import { dayIn, dayStart, isCalendarDate, nextDate, previousDate } from '../../core/business-day';
import { AppError } from '../../core/errors';
import { type Drizzle, listDayCloses } from '../../db';
import type { App } from '../app';
import { currentBusinessDate } from './business-date';

/** Day close times by business date (ISO instants). */
export type CloseTimes = ReadonlyMap<string, string>;

export function closeTimes(db: Drizzle): CloseTimes {
  return new Map(listDayCloses(db).map((c) => [c.businessDate, c.closedAt]));
}

export function businessDateAt(atIso: string, closes: CloseTimes, zone: string): string {
  let date = dayIn(zone, Date.parse(atIso));
  for (let closedAt = closes.get(date); closedAt !== undefined && closedAt <= atIso; ) {
    date = nextDate(date);
    closedAt = closes.get(date);
  }
  return date;
}

/**
 * Every moment whose business date may be `date`: from the first of the closed days running up to it (a
 * moment on a closed day goes to the next one) to the end of `date` itself, each day from its midnight in
 * `zone`.
 */
export function momentsRange(
  date: string,
  closes: CloseTimes,
  zone: string,
): { fromIso: string; toIso: string } {
  let first = date;
  for (let prev = previousDate(first); closes.has(prev); prev = previousDate(prev)) first = prev;
  const iso = (d: string) => new Date(dayStart(zone, d)).toISOString();
  return { fromIso: iso(first), toIso: iso(nextDate(date)) };
}

/** Refuses a date the contract's pattern lets through but the calendar does not have (2026-02-30). */
export function requireCalendarDate(date: string, field = 'businessDate'): void {
  if (!isCalendarDate(date))
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
