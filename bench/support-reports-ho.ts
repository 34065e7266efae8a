/**
 * The reports benchmark at head office: a hall of 20 counters with a year of sales (lines and tenders) written
 * in bulk and summed into report_days by the push's own code (server/push/report-days.ts), its first days as
 * pushes write them (one statement per counter-day with its sales, lines and tenders and then their summary,
 * each also into summary-less copies: what the summary costs a push), then the gas report of
 * a month, a year and since the start against the bare aggregate SQL over the same rows (by class, operator,
 * tier, tender). Runtime: Node.
 */
import { runReport } from '../server/reports/run';
import { reportDayRows, type SaleFacts, upsertReportDaysSql } from '../server/push/report-days';
import type { Store } from '../server/pg/store';
import { log, percentile } from './support';

export const COUNTERS = 20;
export const HOUSEHOLDS = 50_000;
const YEAR = 2025;
const SAMPLE_DAYS = 5;
const counterIds = Array.from(
  { length: COUNTERS },
  (_, i) => `bench-counter-${String(i + 1).padStart(2, '0')}`,
);

const day = (d: number) => new Date(Date.UTC(YEAR, 0, 1 + d)).toISOString().slice(0, 10);

/** $4 days of a counter's sales from day $2, $3 a day, with lines and tenders, in one statement (deterministic mix). */
export function daySql(table: { sales: string; lines: string; tenders: string }): string {
  return `WITH g AS (
      SELECT $1::text || '-' || to_char($2::date + dd, 'YYYY-MM-DD') || '-' || i AS id, i, $1::text AS counter_id,
        to_char($2::date + dd, 'YYYY-MM-DD') AS business_date,
        CASE WHEN i % 50 = 7 THEN 'reversal' WHEN i % 100 = 3 THEN 'refund' WHEN i % 14 = 5 THEN 'fee' ELSE 'gas' END AS kind,
        (ARRAY['residential','residential','residential','residential','residential','residential','commercial',
          'public_welfare','industrial','residential'])[1 + i % 10] AS user_class,
        (100 + (i * 37) % 3000) AS volume
      FROM generate_series(0, $4::int - 1) AS dd, generate_series(1, $3::int) AS i),
    s AS (INSERT INTO ${table.sales} (id, counter_id, op_seq, receipt_no, kind, status, customer_id, user_class, shift_id,
        business_date, operator_id, volume, amount, balance_used, balance_added, amount_paid, created_at)
      SELECT id, counter_id, i, id, kind, CASE WHEN i % 97 = 1 THEN 'card_write_failed' ELSE 'completed' END,
        'cu-' || ((i * 7919) % ${HOUSEHOLDS}), user_class, counter_id || business_date, business_date,
        'op-' || counter_id || '-' || (i % 3), CASE WHEN kind = 'fee' THEN 0 ELSE volume END,
        CASE WHEN kind = 'fee' THEN 2000 ELSE volume * 3 END, 0, 0,
        CASE WHEN kind IN ('reversal', 'refund') THEN -volume * 3 WHEN kind = 'fee' THEN 2000 ELSE volume * 3 END,
        business_date || 'T02:00:00Z'
      FROM g RETURNING 1),
    sl AS (INSERT INTO ${table.lines} (sale_id, line_no, kind, tier, name, volume, qty, amount)
      SELECT id, n, CASE WHEN kind = 'fee' THEN 'fee' ELSE 'gas' END, CASE WHEN kind = 'fee' THEN NULL ELSE n END,
        CASE WHEN kind = 'fee' THEN '换表费' ELSE '第' || n || '阶梯' END,
        CASE WHEN kind = 'fee' THEN NULL ELSE volume / 2 END, CASE WHEN kind = 'fee' THEN 1 ELSE NULL END,
        CASE WHEN kind = 'fee' THEN 2000 ELSE volume * 3 / 2 END
      FROM g, generate_series(1, CASE WHEN kind = 'fee' THEN 1 ELSE 2 END) AS n RETURNING 1),
    st AS (INSERT INTO ${table.tenders} (sale_id, line_no, method, amount, change)
      SELECT id, 1, CASE WHEN i % 3 = 0 THEN 'wechat' ELSE 'cash' END,
        CASE WHEN kind IN ('reversal', 'refund') THEN -volume * 3 WHEN kind = 'fee' THEN 2000 ELSE volume * 3 END, 0
      FROM g RETURNING 1)
    SELECT (SELECT count(*) FROM s) + (SELECT count(*) FROM sl) + (SELECT count(*) FROM st) AS n`;
}

/**
 * Sums a counter's sales of `days` days from `from` into report_days as a push does: read back with their
 * lines and tenders, summed in Node, upserted in one statement.
 */
async function summarise(store: Store, counterId: string, from: string, days: number): Promise<void> {
  const sales = await store.query<{ s: SaleFacts }>(
    `SELECT json_build_object('kind', s.kind, 'status', s.status, 'businessDate', s.business_date,
        'userClass', s.user_class, 'operatorId', s.operator_id, 'volume', s.volume, 'amount', s.amount,
        'amountPaid', s.amount_paid,
        'lines', (SELECT coalesce(json_agg(json_build_object('kind', l.kind, 'tier', l.tier, 'volume', l.volume,
           'amount', l.amount, 'name', l.name, 'qty', l.qty)), '[]') FROM sale_lines l WHERE l.sale_id = s.id),
        'tenders', (SELECT coalesce(json_agg(json_build_object('method', t.method, 'amount', t.amount)), '[]')
           FROM sale_tenders t WHERE t.sale_id = s.id)) AS s
       FROM sales s WHERE s.counter_id = $1 AND s.business_date >= $2
        AND s.business_date < to_char($2::date + $3::int, 'YYYY-MM-DD')`,
    [counterId, from, days],
  );
  const rows = reportDayRows(sales.map((r) => r.s));
  await store.query(upsertReportDaysSql('json_to_recordset($1::json)', '$2'), [
    JSON.stringify(rows),
    counterId,
  ]);
}

export async function loadYear(store: Store, sales: number): Promise<{ withSummary: number; plain: number }> {
  await store.query(`INSERT INTO halls (id, code, name) VALUES ('bench-hall', '0101', '基准营业厅')`);
  for (const [i, id] of counterIds.entries())
    await store.query(
      `INSERT INTO counters (slot_id, hall_id, code, name, state, counter_id) VALUES ($1, 'bench-hall', $2, $3, 'active', $1)`,
      [id, String(i + 1).padStart(2, '0'), `${i + 1}号窗口`],
    );
  for (const t of ['sales', 'sale_lines', 'sale_tenders'])
    await store.query(`CREATE TABLE plain_${t} (LIKE ${t} INCLUDING ALL)`);
  const perDay = Math.max(1, Math.round(sales / 365 / COUNTERS));
  const real = daySql({ sales: 'sales', lines: 'sale_lines', tenders: 'sale_tenders' });
  const plain = daySql({ sales: 'plain_sales', lines: 'plain_sale_lines', tenders: 'plain_sale_tenders' });
  let withSummary = 0;
  let bare = 0;
  // The first SAMPLE days as pushes write them, one statement per counter-day and its summary, each also into
  // summary-less copies of the tables: what the summary costs a push, on the same rows. The rest of the year in bulk.
  for (let d = 0; d < SAMPLE_DAYS; d++)
    for (const c of counterIds) {
      let t = performance.now();
      await store.query(plain, [c, day(d), perDay, 1]);
      bare += performance.now() - t;
      t = performance.now();
      await store.query(real, [c, day(d), perDay, 1]);
      await summarise(store, c, day(d), 1);
      withSummary += performance.now() - t;
    }
  for (let d = SAMPLE_DAYS; d < 365; d += 30) {
    // Fresh statistics as the tables grow (autovacuum's job in production, behind on a loaded machine).
    await store.query('ANALYZE sales, sale_lines, sale_tenders, report_days');
    for (const c of counterIds) {
      await store.query(real, [c, day(d), perDay, Math.min(30, 365 - d)]);
      await summarise(store, c, day(d), Math.min(30, 365 - d));
    }
    log(`head office: ${Math.min(365, d + 30)} days × ${COUNTERS} counters × ${perDay} sales`);
  }
  await store.query('ANALYZE');
  return { withSummary, plain: bare };
}

/** The bare aggregates the gas report answers, straight from the rows. */
async function bareGas(store: Store, from: string, to: string): Promise<void> {
  const where = `s.business_date BETWEEN $1 AND $2 AND s.counter_id = ANY($3::text[])`;
  const gas = `s.kind IN ('gas', 'reversal') AND s.status <> 'card_write_failed'`;
  const sign = `CASE WHEN s.kind = 'gas' THEN 1 ELSE -1 END`;
  const p = [from, to, counterIds];
  await store.query(
    `SELECT s.user_class, sum(${sign}), sum(${sign} * abs(s.volume)), sum(${sign} * abs(s.amount))
       FROM sales s WHERE ${where} AND ${gas} GROUP BY 1`,
    p,
  );
  await store.query(
    `SELECT s.operator_id, sum(${sign}), sum(${sign} * abs(s.volume)), sum(${sign} * abs(s.amount))
       FROM sales s WHERE ${where} AND ${gas} GROUP BY 1`,
    p,
  );
  await store.query(
    `SELECT l.tier, sum(${sign} * abs(l.volume)), sum(${sign} * abs(l.amount))
       FROM sales s JOIN sale_lines l ON l.sale_id = s.id WHERE ${where} AND ${gas} AND l.kind = 'gas' GROUP BY 1`,
    p,
  );
  await store.query(
    `SELECT t.method, count(*), sum(greatest(t.amount, 0)), sum(greatest(-t.amount, 0))
       FROM sales s JOIN sale_tenders t ON t.sale_id = s.id WHERE ${where} GROUP BY 1`,
    p,
  );
}

export const PERIODS = {
  month: { query: { period: 'month', month: `${YEAR}-06` }, from: `${YEAR}-06-01`, to: `${YEAR}-06-30` },
  year: { query: { period: 'year', year: String(YEAR) }, from: `${YEAR}-01-01`, to: `${YEAR}-12-31` },
  cumulative: { query: { period: 'cumulative' }, from: '2000-01-01', to: `${YEAR + 1}-01-01` },
} as const;
/** Head office's clock in the benchmark: the morning after the year. */
export const NOW_MS = Date.UTC(YEAR + 1, 0, 1, 2);

/** p95 (ms) of the gas report of the hall and of the bare SQL, interleaved, `runs` times each. */
export async function timeReport(
  store: Store,
  p: (typeof PERIODS)[keyof typeof PERIODS],
  runs: number,
): Promise<{ report: number; bare: number }> {
  const report: number[] = [];
  const bare: number[] = [];
  for (let i = 0; i < runs + 2; i++) {
    let t = performance.now();
    await runReport(store, 'gas', { ...p.query, hall: '0101' }, NOW_MS);
    const r = performance.now() - t;
    t = performance.now();
    await bareGas(store, p.from, p.to);
    const b = performance.now() - t;
    if (i >= 2) {
      report.push(r);
      bare.push(b);
    }
  }
  return { report: percentile(report, 95), bare: percentile(bare, 95) };
}
