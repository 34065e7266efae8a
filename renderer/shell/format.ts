/**
 * Date and time formatting for the counter screen, in the counter's business-day zone (the hall's, from the
 * session: core/business-day.ts) — never the browser's own zone, so the screen, the receipts and the business
 * dates agree on which day it is. Runtime: browser.
 */
import { DEFAULT_TIME_ZONE, dayIn, wallTimeIn } from '../../core/business-day';

let zone = DEFAULT_TIME_ZONE;

/** The zone every date and time below is shown in: the session's counter's (set by the shell). */
export function setDisplayTimeZone(timeZone: string): void {
  zone = timeZone;
}

/** ISO timestamp → '2026-11-26 14:03:07' in the counter's zone; blank stays blank. */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '';
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? iso : wallTimeIn(zone, ms);
}

/** Today as 'YYYY-MM-DD' in the counter's zone (a form's default date). */
export function todayIso(): string {
  return dayIn(zone, Date.now());
}

/** ISO timestamp → 'HH:mm' in the counter's zone (today's events in the status bar); blank stays blank. */
export function formatTime(iso: string | null | undefined): string {
  if (!iso) return '';
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? iso : wallTimeIn(zone, ms).slice(11, 16);
}

/** Bytes → '1.2 MB' / '560 KB' (backup sizes). */
export function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${(n / 1024 / 1024).toFixed(1)} MB`;
  if (n >= 1024) return `${Math.round(n / 1024)} KB`;
  return `${n} B`;
}

/** A search's match count as shown: "100,000+" past the count's cap (db/search.ts COUNT_CAP). */
export function totalText(total: number): string {
  return total > 100_000 ? '100,000+' : total.toLocaleString('en-US');
}
