/**
 * Reports (core/reports) against a seeded simulation: a few counters of one hall work offline for some days
 * and push to head office; then, for random periods and scopes, every report's figures at head office and at
 * a counter equal a direct sum over the operations (tests/support/report-sums.ts), and the counter's own
 * report equals head office's for that counter. Bad periods are refused with their codes at both ends; the
 * .xlsx export opens back with exceljs and says what the JSON says.
 */
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPORT_KINDS, type Report, type ReportKind } from '../../core/reports/definitions';
import { runReport } from '../../server/reports/run';
import { runSync } from '../../services/sync/run-sync';
import { tempDir } from '../support/app';
import { ADMIN_TOKEN, startHeadOffice, type TestHeadOffice } from '../support/head-office';
import { expectedTables, type PlainOp, tablesOfReport } from '../support/report-sums';
import { runSimulation, SIM_START, simClock, type SimWorld } from '../sim/simulation';

const SEED = Number(process.env.GASDESK_SIM_SEED ?? 20261207);
const DAYS = 4;
const ZONE = 'Asia/Shanghai';
const NO_FAULTS = {
  refuse: 0,
  delayMs: [0, 0] as [number, number],
  cutRequest: 0,
  duplicate: 0,
  loseResponse: 0,
  cutResponse: 0,
};
const dateOf = (day: number) =>
  new Date(SIM_START + day * 86_400_000 + 8 * 3_600_000).toISOString().slice(0, 10);

let ho: TestHeadOffice;
let world: SimWorld;
let hoOps: PlainOp[];
let names: Map<string, string>;

const plain = (r: { counterId: string; type: string; payload: string; createdAt: string }): PlainOp => ({
  ...r,
  payload: JSON.parse(r.payload) as Record<string, unknown>,
});

beforeAll(async () => {
  ho = await startHeadOffice({ now: () => simClock.ms });
  world = await runSimulation({
    seed: SEED,
    counters: 3,
    days: DAYS,
    opsPerDay: 14,
    sharedCustomers: 8,
    conflicts: 0,
    faults: NO_FAULTS,
    root: tempDir('gasdesk-reports-', { shared: true }),
    headOffice: ho,
  });
  // Deposits (the simulation makes none): two at the first counter, one of them late in the week, pushed.
  const first = world.counters[0]!;
  for (const [day, amount] of [
    [2, 150_000],
    [3, 98_765],
  ] as const)
    await first.ok(
      'deposits.record',
      { businessDate: dateOf(day), amount, bank: '工商银行', reference: `JK${day}` },
      first.cashierSid,
    );
  expect((await runSync(first.app, { timeoutMs: 20_000 })).ok).toBe(true);
  const rows = await ho.store.query<{ counterId: string; type: string; payload: string; createdAt: string }>(
    `SELECT counter_id AS "counterId", type, payload, created_at AS "createdAt" FROM ops
      WHERE state <> 'quarantined' ORDER BY counter_id, seq`,
  );
  hoOps = rows.map(plain);
  names = new Map(
    hoOps
      .filter((o) => o.type === 'staff.created')
      .map((o) => [String(o.payload.id), String(o.payload.displayName)]),
  );
}, 300_000);

afterAll(async () => {
  for (const c of world?.counters ?? []) c.close();
  await world?.proxy.close();
  await ho?.close();
});

const periodArb = fc.oneof(
  fc.tuple(fc.integer({ min: 0, max: DAYS + 1 }), fc.integer({ min: 0, max: DAYS + 1 })).map(([a, b]) => ({
    period: 'range' as const,
    from: dateOf(Math.min(a, b)),
    to: dateOf(Math.max(a, b)),
  })),
  fc.integer({ min: 0, max: DAYS + 1 }).map((d) => ({ period: 'day' as const, date: dateOf(d) })),
  fc.integer({ min: 0, max: DAYS + 1 }).map((d) => ({ period: 'week' as const, date: dateOf(d) })),
  fc.constant({ period: 'month' as const, month: dateOf(1).slice(0, 7) }),
  fc.constant({ period: 'year' as const, year: dateOf(1).slice(0, 4) }),
  fc.constant({ period: 'cumulative' as const }),
);

/** Every report but the per-counter and per-hall labels, which each side names its own way. */
const figures = (r: Report) => tablesOfReport(r, ['byCounter', 'byHall']);

describe(`reports over a seeded simulation (seed ${SEED})`, () => {
  it('the simulation did the kinds of business the reports count', () => {
    const types = new Set(hoOps.map((o) => o.type));
    for (const t of [
      'sale.gasSold',
      'sale.feesPaid',
      'customer.opened',
      'acceptance.recorded',
      'shift.closed',
    ])
      expect(types).toContain(t);
  });

  it('at head office, each report equals the direct sum over the pushed operations (random periods and scopes)', async () => {
    const counterIds = [...new Set(hoOps.map((o) => o.counterId))];
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...REPORT_KINDS),
        periodArb,
        fc.integer({ min: 0, max: counterIds.length + 1 }),
        async (kind: ReportKind, period, s) => {
          const scope = s === 0 ? {} : s === 1 ? { hall: '0101' } : { counter: counterIds[s - 2]! };
          if (kind === 'ledger' && period.period === 'cumulative') {
            await expect(
              runReport(ho.store, kind, { ...period, ...scope }, simClock.ms),
            ).rejects.toMatchObject({
              code: 'REPORT_PERIOD_TOO_LONG',
            });
            return;
          }
          const r = await runReport(ho.store, kind, { ...period, ...scope }, simClock.ms);
          const ops = s >= 2 ? hoOps.filter((o) => o.counterId === counterIds[s - 2]) : hoOps;
          expect(figures(r)).toEqual(expectedTables(kind, ops, r.from, r.to, ZONE, names));
          if (kind === 'gas') {
            const sum = (key: string) =>
              r.tables.find((t) => t.key === key)!.rows.reduce((a, x) => a + Number(x.amount), 0);
            expect(sum('byCounter')).toBe(sum('byClass'));
            expect(sum('byHall')).toBe(sum('byClass'));
          }
        },
      ),
      { numRuns: 40, seed: SEED },
    );
  });

  it('at a counter, reports.run equals the direct sum over its outbox and head office’s report of it', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...REPORT_KINDS),
        periodArb,
        fc.integer({ min: 0, max: world.counters.length - 1 }),
        async (kind: ReportKind, period, i) => {
          const c = world.counters[i]!;
          if (kind === 'ledger' && period.period === 'cumulative') {
            const refused = await c.call('reports.run', { kind, ...period }, c.adminSid);
            expect(refused.ok ? null : refused.error.code).toBe('REPORT_PERIOD_TOO_LONG');
            return;
          }
          const mine = await c.ok('reports.run', { kind, ...period }, c.adminSid);
          const outbox = c.app.gdb.sqlite
            .prepare(
              'SELECT counter_id AS counterId, type, payload, created_at AS createdAt FROM outbox ORDER BY seq',
            )
            .all() as { counterId: string; type: string; payload: string; createdAt: string }[];
          const own = figures(mine);
          expect(own).toEqual(expectedTables(kind, outbox.map(plain), mine.from, mine.to, ZONE, names));
          const counterId = outbox[0]!.counterId;
          const theirs = await runReport(ho.store, kind, { ...period, counter: counterId }, simClock.ms);
          expect(own).toEqual(figures(theirs));
        },
      ),
      { numRuns: 20, seed: SEED + 1 },
    );
  });
});

const get = (path: string, token = ADMIN_TOKEN) =>
  fetch(`${ho.url}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });

describe('bad periods and requests', () => {
  it.each([
    ['period=range&from=2026-03-05&to=2026-03-01', 'REPORT_PERIOD_REVERSED'],
    ['period=range&from=1999-12-31&to=2026-03-01', 'REPORT_PERIOD_TOO_EARLY'],
    ['period=day&date=2030-01-01', 'REPORT_PERIOD_IN_FUTURE'],
    ['period=range&from=2026-03-01&to=2026-02-30', 'VALIDATION_FAILED'],
    ['period=month', 'VALIDATION_FAILED'],
    ['period=fortnight', 'VALIDATION_FAILED'],
  ])('head office refuses %s with %s', async (query, code) => {
    const r = await get(`/admin/reports/gas?${query}`);
    expect(r.status).toBe(400);
    const body = (await r.json()) as { code: string; message: string };
    expect(body.code).toBe(code);
    expect(body.message).toMatch(/[\u4e00-\u9fff]/);
  });

  it('refuses a 台帐 (detailed) over more than 366 days, and its export, but not a summary over the same days', async () => {
    const q = 'period=range&from=2025-01-01&to=2026-03-05';
    for (const path of [`/admin/reports/ledger?${q}`, `/admin/reports/ledger/export.xlsx?${q}`]) {
      const r = await get(path);
      expect(r.status).toBe(400);
      expect(((await r.json()) as { code: string }).code).toBe('REPORT_PERIOD_TOO_LONG');
    }
    expect((await get(`/admin/reports/gas?${q}`)).status).toBe(200);
  });

  it('refuses an unknown report, an unknown hall, and a request without the token', async () => {
    expect((await get('/admin/reports/profits?period=cumulative')).status).toBe(400);
    expect((await get('/admin/reports/gas?period=cumulative&hall=9999')).status).toBe(404);
    expect((await get('/admin/reports/gas?period=cumulative', '')).status).toBe(401);
  });

  it('the counter refuses the same periods with the same codes', async () => {
    const c = world.counters[0]!;
    const r = await c.call(
      'reports.run',
      { kind: 'gas', period: 'range', from: '2026-03-05', to: '2026-03-01' },
      c.adminSid,
    );
    expect(r.ok ? null : r.error.code).toBe('REPORT_PERIOD_REVERSED');
    const far = await c.call('reports.run', { kind: 'fees', period: 'day', date: '2030-01-01' }, c.adminSid);
    expect(far.ok ? null : far.error.code).toBe('REPORT_PERIOD_IN_FUTURE');
  });
});

describe('the Excel export', () => {
  it.each([
    ['gas', 'period=cumulative&hall=0101'],
    ['cash', 'period=month&month=2026-03'],
    ['ledger', `period=range&from=2026-03-01&to=${dateOf(DAYS + 1)}`],
  ] as const)('opens back with exceljs and holds the %s report’s figures (%s)', async (kind, query) => {
    const json = (await (await get(`/admin/reports/${kind}?${query}`)).json()) as Report;
    const r = await get(`/admin/reports/${kind}/export.xlsx?${query}`);
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await r.arrayBuffer()) as never);
    expect(wb.worksheets.length).toBe(json.tables.length);
    json.tables.forEach((table, k) => {
      const ws = wb.worksheets[k]!;
      expect(String(ws.getCell('A2').value)).toBe(`筛选：${json.filter}`);
      expect(String(ws.getCell('A3').value)).toContain(`${json.from} 至 ${json.to}`);
      const headers = (ws.getRow(4).values as unknown[]).slice(1);
      table.rows.forEach((row, i) => {
        const cells = (ws.getRow(5 + i).values as unknown[]).slice(1);
        Object.keys(row).forEach((key, j) => {
          const v = row[key]!;
          const header = String(headers[j]);
          if (typeof v === 'number' && header.includes('元')) {
            expect(Math.round(Number(cells[j]) * 100)).toBe(v);
            expect(ws.getRow(5 + i).getCell(j + 1).numFmt).toBe('#,##0.00');
          } else if (typeof v === 'number' && header.includes('m³'))
            expect(Math.round(Number(cells[j]) * 100)).toBe(v);
          else expect(cells[j] ?? '').toBe(v);
        });
      });
      const totalRow = ws.getRow(5 + table.rows.length);
      if (kind !== 'ledger' && table.rows.length > 0 && typeof table.rows[0]!.amount === 'number') {
        expect(totalRow.getCell(1).value).toBe('合计');
        const col = Object.keys(table.rows[0]!).indexOf('amount') + 1;
        const sum = table.rows.reduce((a, x) => a + Number(x.amount), 0);
        expect(Math.round(Number(totalRow.getCell(col).value) * 100)).toBe(sum);
      }
    });
  });
});

describe('a large 台帐 export', () => {
  it('streams page after page (keyset on time, counter, seq) with every entry once', async () => {
    // 12,000 过户 of a counter that is not enrolled, many sharing a moment: more than five pages of the 台帐.
    await ho.store.query(
      `INSERT INTO ops (counter_id, seq, id, type, entity_type, entity_id, payload, operator_id, hlc, created_at,
         prev_hash, hash, state)
       SELECT 'bulk-counter', i, 'bulk-' || i, 'customer.transferred', 'customer', 'bulk-customer-' || i, '{}',
         'bulk-operator', 'h', to_char(timestamp '2026-03-03 02:00:00' + (i / 7) * interval '1 second',
         'YYYY-MM-DD"T"HH24:MI:SS.000"Z"'), 'p', 'h', 'applied'
       FROM generate_series(1, 12000) AS i`,
    );
    const query = `period=range&from=2026-03-03&to=${dateOf(DAYS + 1)}`;
    const json = (await (await get(`/admin/reports/ledger?${query}`)).json()) as Report;
    const entries = json.tables[0]!.rows;
    expect(entries.filter((e) => e.account === 'bulk-customer-1').length).toBe(1);
    expect(
      new Set(entries.filter((e) => String(e.account).startsWith('bulk-')).map((e) => e.account)).size,
    ).toBe(12_000);
    const r = await get(`/admin/reports/ledger/export.xlsx?${query}`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await r.arrayBuffer()) as never);
    const ws = wb.worksheets[0]!;
    expect(ws.rowCount).toBe(4 + entries.length);
    expect(ws.getRow(5 + entries.length - 1).getCell(3).value).toBe(entries[entries.length - 1]!.account);
  });
});
