import { describe, expect, it } from 'vitest';
import { AppError } from '../errors';
import { MAX_DETAIL_DAYS, resolvePeriod } from './period';

const TODAY = '2026-03-11'; // a Wednesday

const codeOf = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    return e instanceof AppError ? e.code : String(e);
  }
  return null;
};

describe('report periods', () => {
  it('names the days of each kind of period', () => {
    expect(resolvePeriod({ period: 'day', date: '2026-03-10' }, TODAY)).toMatchObject({
      from: '2026-03-10',
      to: '2026-03-10',
      days: 1,
    });
    expect(resolvePeriod({ period: 'week', date: '2026-03-04' }, TODAY)).toMatchObject({
      from: '2026-03-02',
      to: '2026-03-08',
      days: 7,
    });
    expect(resolvePeriod({ period: 'month', month: '2024-02' }, TODAY)).toMatchObject({
      from: '2024-02-01',
      to: '2024-02-29',
      label: '2024年2月',
    });
    expect(resolvePeriod({ period: 'year', year: '2025' }, TODAY)).toMatchObject({
      from: '2025-01-01',
      to: '2025-12-31',
      days: 365,
    });
    expect(resolvePeriod({ period: 'cumulative' }, TODAY)).toMatchObject({ from: '2000-01-01', to: TODAY });
  });

  it('cuts a named period that runs on past tomorrow at today, and allows tomorrow itself', () => {
    expect(resolvePeriod({ period: 'week', date: TODAY }, TODAY)).toMatchObject({
      from: '2026-03-09',
      to: TODAY,
    });
    expect(resolvePeriod({ period: 'month', month: '2026-03' }, TODAY).to).toBe(TODAY);
    expect(resolvePeriod({ period: 'day', date: '2026-03-12' }, TODAY).to).toBe('2026-03-12');
  });

  it('refuses reversed, too early, future and (for a detailed report) too long periods with their codes', () => {
    expect(
      codeOf(() => resolvePeriod({ period: 'range', from: '2026-03-05', to: '2026-03-01' }, TODAY)),
    ).toBe('REPORT_PERIOD_REVERSED');
    expect(codeOf(() => resolvePeriod({ period: 'year', year: '1999' }, TODAY))).toBe(
      'REPORT_PERIOD_TOO_EARLY',
    );
    expect(codeOf(() => resolvePeriod({ period: 'day', date: '2026-03-13' }, TODAY))).toBe(
      'REPORT_PERIOD_IN_FUTURE',
    );
    expect(codeOf(() => resolvePeriod({ period: 'month', month: '2026-04' }, TODAY))).toBe(
      'REPORT_PERIOD_IN_FUTURE',
    );
    expect(
      codeOf(() => resolvePeriod({ period: 'range', from: '2026-01-01', to: '2026-03-05' }, TODAY)),
    ).toBeNull();
    const long = { period: 'range' as const, from: '2025-01-01', to: '2026-01-02' };
    expect(codeOf(() => resolvePeriod(long, TODAY))).toBeNull();
    expect(codeOf(() => resolvePeriod(long, TODAY, true))).toBe('REPORT_PERIOD_TOO_LONG');
    expect(resolvePeriod({ period: 'range', from: '2025-01-01', to: '2026-01-01' }, TODAY, true).days).toBe(
      MAX_DETAIL_DAYS,
    );
  });

  it('asks for the field a period needs', () => {
    expect(codeOf(() => resolvePeriod({ period: 'month' }, TODAY))).toBe('VALIDATION_FAILED');
    expect(codeOf(() => resolvePeriod({ period: 'range', from: '2026-03-01' }, TODAY))).toBe(
      'VALIDATION_FAILED',
    );
  });
});
