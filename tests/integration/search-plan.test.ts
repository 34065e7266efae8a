/**
 * Every kind of query a clerk types is answered from an index (issue #24 item 5): the plan SQLite makes for
 * each reading of the query — full and partial addresses, name plus address, phone prefixes and suffixes, room
 * numbers, account, ID and meter numbers — searches an index or the full-text index and never scans the
 * customers or meters (a scan costs 100 ms and more at a million customers: `npm run bench -- search`). A query
 * of one character is refused with a hint. Real SQLite file, real migrations, statistics gathered.
 */
import { type SQL, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { lookupsOf, matchOf } from '../../db/search';
import { testCounter } from '../support/app';

const QUERIES = {
  fullAddress: '牛山街道阳光花园3栋2单元1201',
  fromCommunity: '阳光花园3栋2单元',
  community: '阳光花园',
  insideCommunity: '光花园3栋', // starts inside a part: the full-text fallback
  fromBuilding: '3栋2单元1201',
  fromUnit: '2单元1201',
  room: '1201',
  shortRoom: '602',
  nameAndAddress: '王伟 阳光花园',
  nameAndRoom: '王伟 3栋2单元1201',
  surnameAndAddress: '王 阳光花园',
  name: '王伟',
  phone: '13812345678',
  phonePrefix: '1381234',
  phoneShortPrefix: '1381',
  phoneSuffix: '5678',
  phoneLongSuffix: '345678',
  landline: '0518-8765',
  accountNo: '010100001234',
  idNumber: '320722198506121234',
  meterNo: 'M000001234',
};

describe('customer search plans', () => {
  it('reads every kind of query through an index, never a scan of customers or meters', async () => {
    const t = await testCounter({ households: 300 });
    const { sqlite } = t.app.gdb;
    sqlite.exec('ANALYZE');
    const plan = (m: SQL) =>
      t.app.db
        .all<{ detail: string }>(sql`EXPLAIN QUERY PLAN SELECT seq FROM (${m}) LIMIT 100001`)
        .map((r) => r.detail);
    let checked = 0;
    for (const [kind, q] of Object.entries(QUERIES)) {
      const { first, fallback } = lookupsOf(q, 'auto');
      for (const lookup of [...first, ...fallback]) {
        for (const m of matchOf(lookup, q) ?? []) {
          const steps = plan(m);
          const scans = steps.filter((d) => /^SCAN (customers|meters|c|m)\b/.test(d));
          expect(scans, `${kind} (${q}) read as ${lookup}:\n${steps.join('\n')}`).toEqual([]);
          expect(steps.some((d) => /USING (INDEX|COVERING INDEX)|VIRTUAL TABLE/.test(d))).toBe(true);
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThanOrEqual(Object.keys(QUERIES).length);
  });

  it('reads an address that starts at one of its parts by its prefix, not by the full-text index', () => {
    expect(lookupsOf('牛山街道阳光花园3栋2单元1201', 'auto').first).toEqual(['address']);
    expect(lookupsOf('王伟 阳光花园', 'auto').first).toEqual(['text']);
    expect(lookupsOf('1201', 'auto').first).toContain('address');
  });

  it('refuses a query of one character with a hint, and answers one of two', async () => {
    const t = await testCounter({ households: 5 });
    const sid = await t.login('wangfang');
    for (const query of ['王', '3', ' 王 ', '王 3']) {
      const e = await t.fails('customers.search', { query }, sid);
      expect(e.code).toBe('VALIDATION_FAILED');
      expect(e.issues).toContainEqual(
        expect.objectContaining({
          path: ['query'],
          code: 'SEARCH_TOO_SHORT',
          message: expect.stringContaining('再输入一个字'),
        }),
      );
    }
    expect((await t.ok('customers.search', { query: '街道' }, sid)).items.length).toBeGreaterThan(0);
  });
});
