/**
 * The business day (营业日) an operation belongs to: the date in the counter's business-day zone (the hall's,
 * App.timeZone: core/business-day.ts — never the process's own zone), unless that day has already been closed
 * (日结), in which case the operation goes — visibly — to the next open day. Runtime: Node.
 */
import type Database from 'better-sqlite3';
import { dayIn, nextDate } from '../../core/business-day';
import { prepared } from '../../db';
import type { App } from '../app';

export function isDayClosed(sqlite: Database.Database, date: string): boolean {
  return prepared(sqlite, 'SELECT 1 FROM day_closes WHERE business_date = ?').get(date) !== undefined;
}

export function currentBusinessDate(app: App): string {
  let date = dayIn(app.timeZone(), app.clock.nowMs());
  while (isDayClosed(app.gdb.sqlite, date)) date = nextDate(date);
  return date;
}
