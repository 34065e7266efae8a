import { describe, expect, it } from 'vitest';
import { analyseUsage, type Household, monthBounds, type Reading } from './analyse';
import { DEFAULT_THRESHOLDS } from './thresholds';

const sec = (iso: string) => Date.parse(iso) / 1000;
const home: Household = {
  id: 'h1',
  accountNo: '010100000001',
  name: '王伟',
  address: '阳光花园1栋101',
  hall: '0101 东海营业厅',
  userClass: 'residential',
  householdSize: 3,
};
const read = (iso: string, cumulativeUsed: number): Reading => ({
  customerId: 'h1',
  meterNo: 'M1',
  loadedCount: 3,
  cumulativeUsed,
  status: {},
  readAt: sec(iso),
});

describe('the usage analysis dates in the hall’s business-day zone', () => {
  it('bounds a month by the hall’s midnights', () => {
    expect(monthBounds('2026-03', 'Asia/Shanghai')).toEqual({
      start: sec('2026-02-28T16:00:00Z'),
      end: sec('2026-03-31T16:00:00Z'),
    });
    expect(monthBounds('2026-03', 'America/New_York')).toEqual({
      start: sec('2026-03-01T05:00:00Z'),
      end: sec('2026-04-01T04:00:00Z'),
    });
  });

  it('states the dates of a reading as the hall sees them', () => {
    // 20:00 UTC on the 10th is the 11th in Shanghai and still the 10th in New York.
    const reads = [read('2026-03-10T20:00:00Z', 200_000), read('2026-03-20T02:00:00Z', 150_000)];
    const text = (zone: string) =>
      analyseUsage('2026-03', [home], reads, [], DEFAULT_THRESHOLDS, zone).suspects[0]!.flags.find(
        (f) => f.code === 'backwards',
      )!.text;
    expect(text('Asia/Shanghai')).toContain('（2026-03-11）倒退');
    expect(text('Asia/Shanghai')).toContain('（2026-03-20）');
    expect(text('America/New_York')).toContain('（2026-03-10）倒退');
    expect(text('America/New_York')).toContain('（2026-03-19）');
  });
});
