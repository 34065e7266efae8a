/**
 * `npm run bench -- reports [SALES] [OPS]` — the reports (core/reports).
 *  - Head office, on PostgreSQL (DATABASE_URL, default postgres://postgres@127.0.0.1:5432/test, in a fresh
 *    database): a hall of 20 counters with a year of SALES sales (default 200,000; the size is
 *    1,000,000), written counter-day by counter-day as pushes write them. The hall's gas report of a month, the
 *    year and since the start (metrics month.p95, year.p95, cumulative.p95, ms) against the bare aggregate SQL
 *    over the same rows in the same run (target < 1 s and ratio ≤ 1.5); and what writing the rows with their
 *    summary costs (push.ms_per_1000_sales, against the same rows into summary-less copies of the tables; an
 *    upper bound: the bench reads its rows back to sum them, where a push sums the payloads it holds). Then the
 *    hall's 燃气用量分析 of December over 650,000 card reads of 50,000 households (usage.p95) against the bare
 *    SQL reading the same reads and purchases.
 *  - The counter: its day's reports (every kind of reports.run, counter.reports_day.p95) and its 日报
 *    (counter.days_report.p95) at an outbox of OPS operations (default 1,000,000; the 10,000,000)
 *    against the same at 10,000 operations (target < 50 ms).
 * GASDESK_BENCH_RUNS sets the timed runs per figure (default 20).
 */
import { rmSync } from 'node:fs';
import { migrateServer } from '../server/pg/migrate';
import { openStore } from '../server/pg/store';
import { freshPostgres } from '../tests/support/head-office';
import { emit, log } from './support';
import { benchCounterDay } from './support-reports-counter';
import { COUNTERS, HOUSEHOLDS, loadYear, PERIODS, timeReport } from './support-reports-ho';
import { loadReads, timeUsage } from './support-usage-ho';

const SALES = Number(process.argv[2] ?? 200_000);
const OPS = Number(process.argv[3] ?? 1_000_000);
const RUNS = Number(process.env.GASDESK_BENCH_RUNS ?? 20);

process.env.DATABASE_URL ??= 'postgres://postgres@127.0.0.1:5432/test';
const pg = await freshPostgres();
if (!pg) throw new Error('the reports benchmark needs PostgreSQL (DATABASE_URL)');
const store = await openStore({ url: pg.url });
try {
  await migrateServer(store);
  log(`head office: loading ${SALES.toLocaleString()} sales of ${COUNTERS} counters over a year`);
  const t = performance.now();
  const load = await loadYear(store, SALES);
  log(`head office: loaded in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  const [{ n }] = (await store.query<{ n: number }>('SELECT count(*)::int AS n FROM sales')) as [
    { n: number },
  ];
  const sampled = (await store.query<{ n: number }>('SELECT count(*)::int AS n FROM plain_sales'))[0]!.n;
  log(
    `head office: ${n.toLocaleString()} sales; summary rows ${(await store.query<{ n: number }>('SELECT count(*)::int AS n FROM report_days'))[0]!.n}`,
  );
  emit(
    'reports',
    'push.ms_per_1000_sales',
    (load.withSummary / sampled) * 1000,
    (load.plain / sampled) * 1000,
  );
  for (const [name, p] of Object.entries(PERIODS)) {
    const r = await timeReport(store, p, RUNS);
    emit('reports', `${name}.p95`, r.report, r.bare);
  }
  log(
    `head office: ${(await loadReads(store)).toLocaleString()} card reads of ${HOUSEHOLDS.toLocaleString()} households`,
  );
  const u = await timeUsage(store, Math.min(RUNS, 10));
  emit('reports', 'usage.p95', u.report, u.bare);
} finally {
  await store.close();
  await pg.drop();
}

const counter = await benchCounterDay(OPS, 300, RUNS);
emit('reports', 'counter.reports_day.p95', counter.large.reports, counter.small.reports);
emit('reports', 'counter.days_report.p95', counter.large.dayReport, counter.small.dayReport);
rmSync(counter.dir, { recursive: true, force: true });
