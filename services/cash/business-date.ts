/**
 * The business day (营业日) an operation belongs to: the counter's local calendar date, unless that day has
 * already been closed (日结), in which case the operation goes — visibly — to the next open day.
 * Runtime: Node.
 */
import type Database from 'better-sqlite3';
import { prepared } from '../../db';
import type { App } from '../app';

/** YYYY-MM-DD of `ms` in the counter's local time zone. */
export function localDate(ms: number): string {
  const d = new Date(ms);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

export function nextDate(date: string): string {
  const d = new Date(`${date}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

export function isDayClosed(sqlite: Database.Database, date: string): boolean {
  return prepared(sqlite, 'SELECT 1 FROM day_closes WHERE business_date = ?').get(date) !== undefined;
}

export function currentBusinessDate(app: App): string {
  let date = localDate(app.clock.nowMs());
  while (isDayClosed(app.gdb.sqlite, date)) date = nextDate(date);
  return date;
}
