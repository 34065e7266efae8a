/** English: the counter's reports screen; part of en.ts. */
import type { reportsZh } from './zh-cn-reports';

export const reportsEn: typeof reportsZh = {
  reports: {
    menu: 'Reports',
    title: 'This counter’s reports',
    kind: 'Report',
    period: 'Period',
    periods: {
      day: 'Day',
      week: 'Week (with that day)',
      month: 'Month',
      year: 'Year',
      range: 'Range',
      cumulative: 'Since the start',
    },
    fields: {
      date: 'Date (empty: today)',
      month: 'Month (empty: this month)',
      year: 'Year (empty: this year)',
    },
    hints: { date: '2026-03-01', month: '2026-03', year: '2026' },
    from: 'From',
    to: 'To',
    run: 'Run',
    print: 'Print (A4)',
  },
};
