/**
 * One zone decides the business day, at the counter and at head office alike — whatever the zone of the
 * process. This file runs its counters in a process set to New York time (vitest's integration project runs
 * each file in its own fork), and:
 *  - a counter of a hall in China's zone (the default) dates shifts, sales, new accounts and its digests on
 *    China's calendar around Chinese midnight, as head office does, and reconciles;
 *  - a hall registered with another zone (Asia/Kolkata, half an hour off the hour) gives its zone to the
 *    counter at enrollment, and both ends date that counter's days in it, with no mismatch.
 */
process.env.TZ = 'America/New_York';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dayIn } from '../../core/business-day';
import { fakeHousehold, mulberry32 } from '../../services/setup/fake-households';
import { SimCounter } from '../sim/sim-counter';
import { tempDir, testCounter } from '../support/app';
import {
  publishDemoCatalogue,
  registerCounter,
  startHeadOffice,
  type TestHeadOffice,
} from '../support/head-office';

let ho: TestHeadOffice;
/** Head office's and the counters' wall clock (a counter's ledger stamps head office's time as it learns it). */
const clock = { ms: Date.parse('2026-03-02T23:40:00+08:00') };
const rand = mulberry32(7);
let households = 0;

beforeAll(async () => {
  ho = await startHeadOffice({ now: () => clock.ms });
  await publishDemoCatalogue(ho);
}, 60_000);

afterAll(async () => {
  await ho?.close();
  delete process.env.TZ;
});

/** Local (process) date of an instant: what the counter used before the zone was decided in one place. */
const processDate = (ms: number) => {
  const d = new Date(ms);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

/** Opens a shift, opens a customer and sells them gas for cash, and closes the shift; returns its business date. */
async function shiftWithASale(c: SimCounter): Promise<string> {
  const x = await c.ok('customers.open', fakeHousehold(rand, households++), c.adminSid);
  const shift = await c.ok('shifts.open', { float: 10_000 }, c.cashierSid);
  const purchase = { customerId: x.id, by: 'volume' as const, volume: 1_000 };
  const q = await c.ok('sales.quote', purchase, c.cashierSid);
  await c.ok(
    'sales.sellGas',
    { purchase, expectedAmountDue: q.amountDue, tenders: [{ method: 'cash', amount: q.amountDue }] },
    c.cashierSid,
  );
  const report = await c.ok('shifts.report', {}, c.cashierSid);
  await c.ok('shifts.close', { counted: report.cash.expected }, c.cashierSid);
  return shift.businessDate;
}

async function digestsAtBothEnds(c: SimCounter) {
  const counterId = c.app.counter()!.counterId;
  const atHeadOffice = await ho.store.query<{ day: string; count: number; ids_hash: string }>(
    'SELECT day, count, ids_hash FROM day_digests WHERE counter_id = $1 ORDER BY day',
    [counterId],
  );
  const atCounter = c.app.gdb.sqlite
    .prepare('SELECT day, count, ids_hash FROM sync_digests ORDER BY day')
    .all() as { day: string; count: number; ids_hash: string }[];
  const outboxDays = (zone: string) => {
    const days = new Map<string, number>();
    for (const { created_at } of c.app.gdb.sqlite.prepare('SELECT created_at FROM outbox').all() as {
      created_at: string;
    }[]) {
      const day = dayIn(zone, Date.parse(created_at));
      days.set(day, (days.get(day) ?? 0) + 1);
    }
    return [...days].sort().map(([day, count]) => ({ day, count }));
  };
  return { atHeadOffice, atCounter, outboxDays };
}

describe('a counter in a process whose zone is New York', () => {
  it('runs in New York time indeed', () => {
    expect(Intl.DateTimeFormat().resolvedOptions().timeZone).toBe('America/New_York');
    expect(processDate(Date.parse('2026-03-03T00:10:00+08:00'))).toBe('2026-03-02');
  });

  it('dates its business days in China’s zone, as head office dates its operations, around Chinese midnight', async () => {
    clock.ms = Date.parse('2026-03-02T23:40:00+08:00');
    const c = await SimCounter.create(0, tempDir('gasdesk-zone-', { shared: true }), () => clock.ms);
    try {
      await c.ok(
        'sync.enroll',
        { server: ho.url, code: await registerCounter(ho, '0101', c.code) },
        c.adminSid,
      );
      expect(c.app.timeZone()).toBe('Asia/Shanghai');
      expect((await c.ok('auth.me', {}, c.adminSid)).counter.timeZone).toBe('Asia/Shanghai');
      expect((await c.ok('sync.now', {}, c.adminSid)).ok).toBe(true); // head office's prices

      expect(await shiftWithASale(c)).toBe('2026-03-02'); // 23:40 in China, 10:40 in New York
      clock.ms = Date.parse('2026-03-03T00:10:00+08:00'); // after Chinese midnight; still 03-02 in New York
      expect((await c.ok('shifts.current', {}, c.cashierSid)).businessDate).toBe('2026-03-03');
      expect(await shiftWithASale(c)).toBe('2026-03-03');
      // The customer opened after Chinese midnight is a new account of 03-03, not of 03-02.
      const day2 = await c.ok('days.report', { businessDate: '2026-03-02' }, c.adminSid);
      const day3 = await c.ok('days.report', { businessDate: '2026-03-03' }, c.adminSid);
      expect([day2.counts.newAccounts, day3.counts.newAccounts]).toEqual([1, 1]);
      expect([day2.counts.sales, day3.counts.sales]).toEqual([1, 1]);

      const r = await c.ok('sync.now', {}, c.adminSid);
      expect(r).toMatchObject({ ok: true, quarantined: 0, mismatches: 0 });
      const { atHeadOffice, atCounter, outboxDays } = await digestsAtBothEnds(c);
      expect(atCounter).toEqual(atHeadOffice);
      expect(atCounter.map(({ day, count }) => ({ day, count }))).toEqual(outboxDays('Asia/Shanghai'));
      expect(atCounter.map((d) => d.day)).toContain('2026-03-03');
      expect((await c.ok('sync.status', {}, c.adminSid)).digestMismatches).toEqual([]);
      expect((await ho.admin('GET', '/admin/reconciliation')).issues).toEqual([]);
    } finally {
      c.close();
    }
  });
});

describe('a hall registered with another zone', () => {
  it('is refused an unknown zone, and lists the zone it was given', async () => {
    const r = await fetch(`${ho.url}/admin/halls`, {
      method: 'POST',
      headers: { authorization: 'Bearer test-admin-token-0123456789', 'content-type': 'application/json' },
      body: JSON.stringify({
        code: '0299',
        name: '无效时区营业厅',
        timeZone: 'Mars/Olympus',
        requestId: 'zone-0299-1',
      }),
    });
    expect(r.status).toBe(400);
    const body = (await r.json()) as {
      code: string;
      issues: { path: string[]; code: string; message: string }[];
    };
    expect(body.code).toBe('VALIDATION_FAILED');
    expect(body.issues).toEqual([
      { path: ['timeZone'], code: 'TIME_ZONE_INVALID', message: expect.stringContaining('时区无效') },
    ]);
    const hall = await ho.admin('POST', '/admin/halls', {
      code: '0202',
      name: '孟买营业厅',
      timeZone: 'Asia/Kolkata',
    });
    expect(hall.timeZone).toBe('Asia/Kolkata');
    const { halls } = (await ho.admin('GET', '/admin/halls')) as {
      halls: { code: string; timeZone: string }[];
    };
    expect(halls.map((h) => [h.code, h.timeZone])).toEqual(
      expect.arrayContaining([
        ['0101', 'Asia/Shanghai'],
        ['0202', 'Asia/Kolkata'],
      ]),
    );
  });

  it('gives its zone to the counter at enrollment; both ends date that counter’s days in it and agree', async () => {
    clock.ms = Date.parse('2026-03-02T23:40:00+05:30'); // 02:10 on 03-03 in China
    const c = await SimCounter.create(1, tempDir('gasdesk-zone-', { shared: true }), () => clock.ms, '0202');
    try {
      // Hall 0202 already exists (above) with its zone; registerCounter adds the counter to it.
      const code = await registerCounter(ho, '0202', c.code);
      // The counter was set up in China's zone (the default); it is not yet the hall's.
      expect(c.app.timeZone()).toBe('Asia/Shanghai');
      expect((await c.ok('shifts.current', {}, c.cashierSid)).businessDate).toBe('2026-03-03');
      const enrolled = await c.ok('sync.enroll', { server: ho.url, code }, c.adminSid);
      expect(enrolled.timeZone).toBe('Asia/Kolkata');
      expect(c.app.timeZone()).toBe('Asia/Kolkata');
      expect((await c.ok('auth.me', {}, c.adminSid)).counter.timeZone).toBe('Asia/Kolkata');
      expect((await c.ok('sync.now', {}, c.adminSid)).ok).toBe(true); // head office's prices

      expect(await shiftWithASale(c)).toBe('2026-03-02');
      clock.ms = Date.parse('2026-03-03T00:10:00+05:30'); // Kolkata's midnight falls at 18:30 UTC, mid-hour
      expect(await shiftWithASale(c)).toBe('2026-03-03');

      const r = await c.ok('sync.now', {}, c.adminSid);
      expect(r).toMatchObject({ ok: true, quarantined: 0, mismatches: 0 });
      const { atHeadOffice, atCounter, outboxDays } = await digestsAtBothEnds(c);
      expect(atCounter).toEqual(atHeadOffice);
      expect(atCounter.map(({ day, count }) => ({ day, count }))).toEqual(outboxDays('Asia/Kolkata'));
      expect(atCounter.map((d) => d.day)).toEqual(expect.arrayContaining(['2026-03-02', '2026-03-03']));
      // In China's zone the same operations would all be on 03-03: the digests are in the hall's zone.
      expect(outboxDays('Asia/Shanghai').map((d) => d.day)).not.toContain('2026-03-02');
      expect((await c.ok('sync.status', {}, c.adminSid)).digestMismatches).toEqual([]);
      expect((await ho.admin('GET', '/admin/reconciliation')).issues).toEqual([]);
    } finally {
      c.close();
    }
  });
});

describe('the zone given at setup', () => {
  it('is validated and dates the counter’s business days until it enrolls', async () => {
    const t = await testCounter({ demo: false });
    const setup = {
      hallCode: '0303',
      hallName: '纽约营业厅',
      counterCode: '01',
      counterName: '1号窗口',
      admin: { username: 'admin', displayName: '管理员', password: 'admin-pass-1234' },
    };
    const bad = await t.fails('setup.initialize', { ...setup, timeZone: 'UTC+8' });
    expect(bad.code).toBe('VALIDATION_FAILED');
    expect(bad.issues).toEqual([
      { path: ['timeZone'], code: 'TIME_ZONE_INVALID', message: expect.stringContaining('Asia/Shanghai') },
    ]);
    await t.ok('setup.initialize', { ...setup, timeZone: 'America/Chicago' });
    expect(t.app.timeZone()).toBe('America/Chicago');
    const sid = await t.login('admin', 'admin-pass-1234');
    t.clock.ms = Date.parse('2026-03-03T00:10:00+08:00'); // 10:10 on 03-02 in Chicago
    expect((await t.ok('shifts.current', {}, sid)).businessDate).toBe('2026-03-02');
    expect((await t.ok('auth.me', {}, sid)).counter.timeZone).toBe('America/Chicago');
  });
});
