/**
 * A report's period and scope, shared by the counter and head office: a day, the week (Monday to Sunday) or
 * month or year holding a date, a custom range, or everything since the start. The query arrives as flat
 * strings (an HTTP query, a form); `resolvePeriod` turns it into an inclusive range of business dates and
 * refuses what no report can answer — reversed, before 2000, beyond tomorrow, or too long for a detailed
 * list — each with its stable code. Runtime: any.
 */
import { z } from 'zod';
import { isCalendarDate, nextDate } from '../business-day';
import { AppError } from '../errors';

export const PERIODS = ['day', 'week', 'month', 'year', 'range', 'cumulative'] as const;
export type PeriodKind = (typeof PERIODS)[number];

/** The first day any report may cover: nothing older exists. */
export const EARLIEST_DATE = '2000-01-01';
/** The longest period of a detailed (one row per record) report or export. */
export const MAX_DETAIL_DAYS = 366;

const DATE_FORMAT = '日期应写作 年-月-日（如 2026-03-01），且须是日历上有的日子';
const date = z.string({ error: DATE_FORMAT }).refine(isCalendarDate, { error: DATE_FORMAT });

export const periodSchema = z.object({
  period: z.enum(PERIODS, { error: '请选择报表期间：日、周、月、年、自定义区间或累计' }),
  date: date.optional(),
  month: z
    .string({ error: '月份应写作 年-月（如 2026-03）' })
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/, { error: '月份应写作 年-月（如 2026-03）' })
    .optional(),
  year: z
    .string({ error: '年份应为 4 位数字' })
    .regex(/^\d{4}$/, { error: '年份应为 4 位数字' })
    .optional(),
  from: date.optional(),
  to: date.optional(),
});
export type PeriodInput = z.infer<typeof periodSchema>;

export interface ResolvedPeriod {
  readonly from: string;
  readonly to: string;
  /** The period in words, for a report's heading: 2026年3月, 2026-03-02 至 2026-03-08 … */
  readonly label: string;
  readonly days: number;
}

const MS_DAY = 86_400_000;
const ms = (d: string) => Date.parse(`${d}T00:00:00Z`);
const day = (t: number) => new Date(t).toISOString().slice(0, 10);
export const daysBetween = (from: string, to: string) => Math.round((ms(to) - ms(from)) / MS_DAY) + 1;

function need(value: string | undefined, field: string, message: string): string {
  if (value === undefined)
    throw new AppError('VALIDATION_FAILED', {
      issues: [{ path: [field], code: 'REQUIRED', message }],
    });
  return value;
}

/** [from, to] as the period names it (a named period may end after today: it is cut at today). */
function rangeOf(p: PeriodInput, today: string): { from: string; to: string; label: string; named: boolean } {
  switch (p.period) {
    case 'day': {
      const d = need(p.date, 'date', '请选择日期');
      return { from: d, to: d, label: d, named: false };
    }
    case 'week': {
      const d = need(p.date, 'date', '请选择该周中的一天');
      const weekday = (new Date(ms(d)).getUTCDay() + 6) % 7;
      const from = day(ms(d) - weekday * MS_DAY);
      const to = day(ms(from) + 6 * MS_DAY);
      return { from, to, label: `${from} 至 ${to}（周）`, named: true };
    }
    case 'month': {
      const m = need(p.month, 'month', '请选择月份');
      const [y, mo] = m.split('-').map(Number) as [number, number];
      const to = day(Date.UTC(y, mo, 0));
      return { from: `${m}-01`, to, label: `${y}年${mo}月`, named: true };
    }
    case 'year': {
      const y = need(p.year, 'year', '请选择年份');
      return { from: `${y}-01-01`, to: `${y}-12-31`, label: `${y}年`, named: true };
    }
    case 'range': {
      const from = need(p.from, 'from', '请选择开始日期');
      const to = need(p.to, 'to', '请选择结束日期');
      return { from, to, label: `${from} 至 ${to}`, named: false };
    }
    case 'cumulative':
      return { from: EARLIEST_DATE, to: today, label: `开业至 ${today}（累计）`, named: true };
  }
}

/**
 * The inclusive business-date range of `p` on `today` (the business date where the report is asked). A
 * detailed report (one row per record) also refuses a period over MAX_DETAIL_DAYS.
 */
export function resolvePeriod(p: PeriodInput, today: string, detailed = false): ResolvedPeriod {
  const r = rangeOf(p, today);
  if (r.from > r.to)
    throw new AppError('REPORT_PERIOD_REVERSED', {
      detail: `${r.from} > ${r.to}`,
      fields: { from: r.from, to: r.to },
    });
  if (r.from < EARLIEST_DATE) throw new AppError('REPORT_PERIOD_TOO_EARLY', { detail: r.from });
  const tomorrow = nextDate(today);
  if (r.from > tomorrow || (!r.named && r.to > tomorrow))
    throw new AppError('REPORT_PERIOD_IN_FUTURE', { detail: `${r.to} > ${tomorrow}` });
  const to = r.to > tomorrow ? today : r.to;
  const days = daysBetween(r.from, to);
  if (detailed && days > MAX_DETAIL_DAYS)
    throw new AppError('REPORT_PERIOD_TOO_LONG', { detail: `${days} days`, fields: { days } });
  return { from: r.from, to, label: r.label, days };
}
