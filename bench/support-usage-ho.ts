/**
 * The usage analysis in the reports benchmark: the hall's 50,000 households (those the sales name) with a card
 * read a month each over thirteen months (650,000 reads), then 燃气用量分析 of the year's last month for the hall
 * against the bare SQL that fetches the same reads and purchases (what any analysis must read). Runtime: Node.
 */
import { DEFAULT_THRESHOLDS } from '../core/usage/thresholds';
import type { Store } from '../server/pg/store';
import { runUsageAnalysis } from '../server/usage/run';
import { COUNTERS, HOUSEHOLDS, NOW_MS } from './support-reports-ho';
import { percentile } from './support';

const MONTH = '2025-12';

export async function loadReads(store: Store): Promise<number> {
  await store.query(
    `INSERT INTO customers (id, hall_id, account_no, data, field_meta, updated_hlc, origin_counter_id)
     SELECT 'cu-' || i, 'bench-hall', '0101' || lpad(i::text, 8, '0'),
       jsonb_build_object('name', '住户' || i, 'fullAddress', '基准小区 ' || i, 'userClass', 'residential',
         'householdSize', 1 + i % 5), '{}', '0', 'bench-counter-01'
       FROM generate_series(0, ${HOUSEHOLDS - 1}) AS i`,
  );
  // Month m = 0 … 12 is December 2024 … December 2025; a read between the 10th and the 19th, 02:00 UTC.
  await store.query(
    `INSERT INTO meter_readings (id, counter_id, customer_id, card_no, meter_no, loaded_count, remaining,
        cumulative_used, status, read_at, recorded_at)
     SELECT 'r-' || i || '-' || m, 'bench-counter-' || lpad((1 + i % ${COUNTERS})::text, 2, '0'), 'cu-' || i,
       'card-' || i, 'M' || i, m + 1, 0, 10000 + m * (800 + (i % 5) * 300) + (i * 13) % 97,
       '{"tamper":false,"leakAlarm":false,"lowBattery":false}'::jsonb,
       extract(epoch FROM timestamp '2024-12-10 02:00' + m * interval '1 month' + (i % 10) * interval '1 day')::bigint,
       '2025-01-01T00:00:00Z'
       FROM generate_series(0, ${HOUSEHOLDS - 1}) AS i, generate_series(0, 12) AS m`,
  );
  await store.query('ANALYZE customers, meter_readings');
  return (await store.query<{ n: number }>('SELECT count(*)::int AS n FROM meter_readings'))[0]!.n;
}

/** What any analysis of the month must read: the hall's reads and purchases of the thirteen months. */
async function bareUsage(store: Store): Promise<void> {
  const from = Date.UTC(2024, 11, 1) / 1000 - 8 * 3600;
  const end = Date.UTC(2026, 0, 1) / 1000 - 8 * 3600;
  await store.query(
    `SELECT r.customer_id, r.meter_no, r.loaded_count, r.cumulative_used, r.read_at,
        coalesce((r.status->>'tamper')::boolean, false), coalesce((r.status->>'leakAlarm')::boolean, false),
        coalesce((r.status->>'lowBattery')::boolean, false)
       FROM meter_readings r JOIN customers c ON c.id = r.customer_id
      WHERE r.read_at >= $1 AND r.read_at < $2 AND c.hall_id = 'bench-hall'`,
    [from, end],
  );
  await store.query(
    `SELECT s.customer_id, s.business_date, sum(s.volume) FROM sales s
      WHERE s.counter_id = ANY($1::text[]) AND s.business_date BETWEEN '2024-12-01' AND '2025-12-31'
        AND s.kind IN ('gas', 'reversal') GROUP BY 1, 2`,
    [Array.from({ length: COUNTERS }, (_, i) => `bench-counter-${String(i + 1).padStart(2, '0')}`)],
  );
}

/** p95 (ms) of the hall's analysis of the month and of the bare reads, interleaved. */
export async function timeUsage(store: Store, runs: number): Promise<{ report: number; bare: number }> {
  const report: number[] = [];
  const bare: number[] = [];
  for (let i = 0; i < runs + 1; i++) {
    let t = performance.now();
    await runUsageAnalysis(store, { month: MONTH, hall: '0101', ...DEFAULT_THRESHOLDS }, NOW_MS);
    const r = performance.now() - t;
    t = performance.now();
    await bareUsage(store);
    const b = performance.now() - t;
    if (i >= 1) {
      report.push(r);
      bare.push(b);
    }
  }
  return { report: percentile(report, 95), bare: percentile(bare, 95) };
}
