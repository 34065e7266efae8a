/**
 * Head office's figures for a report: the summary rows of report_days (one per counter, day, dim and group,
 * kept in the push's transaction: migrations 0008 and 0009) over a period and a set of counters; the cash days from the shifts
 * (by their business-date index) and the deposits' summary; the 客服业务台帐 from the operations' partial
 * index on their time. Never a scan of the ledger. Runtime: Node.
 */
import { dayStart, nextDate } from '../../core/business-day';
import { LEDGER_TYPES, type ReportRow } from '../../core/reports/definitions';
import type { CashDay, Dim, DimRow, TrendDay } from '../../core/reports/shape';
import type { Queryable } from '../pg/store';

export interface Period {
  readonly from: string;
  readonly to: string;
}

/** `AND counter_id = ANY($n)` for a scope of counters, nothing for the company. */
const inScope = (ids: string[] | null, n: number, col = 'counter_id') =>
  ids === null ? '' : `AND ${col} = ANY($${n}::text[])`;
const scopeParams = (ids: string[] | null) => (ids === null ? [] : [ids]);

export async function dimRows(
  q: Queryable,
  dims: readonly Dim[],
  p: Period,
  ids: string[] | null,
): Promise<Partial<Record<Dim, DimRow[]>>> {
  if (dims.length === 0) return {};
  const rows = await q.query<{ dim: Dim } & DimRow>(
    `SELECT dim, key, counter_id AS "counterId", sum(n)::bigint AS n, sum(volume)::bigint AS volume,
        sum(amount)::bigint AS amount, sum(amount2)::bigint AS amount2
       FROM report_days WHERE dim = ANY($1::text[]) AND business_date BETWEEN $2 AND $3 ${inScope(ids, 4)}
      GROUP BY dim, key, counter_id`,
    [dims, p.from, p.to, ...scopeParams(ids)],
  );
  const out: Partial<Record<Dim, DimRow[]>> = {};
  for (const r of rows) {
    const row = {
      key: r.key,
      counterId: r.counterId,
      n: Number(r.n),
      volume: Number(r.volume),
      amount: Number(r.amount),
      amount2: Number(r.amount2),
    };
    const list = out[r.dim] ?? [];
    list.push(row);
    out[r.dim] = list;
  }
  return out;
}

/** Net gas sold per business date (the class dim's sums of report_days, date by date), for the trend. */
export async function trendDays(q: Queryable, p: Period, ids: string[] | null): Promise<TrendDay[]> {
  const rows = await q.query<{ date: string; n: string; volume: string; amount: string }>(
    `SELECT business_date AS date, sum(n)::bigint AS n, sum(volume)::bigint AS volume, sum(amount)::bigint AS amount
       FROM report_days WHERE dim = 'class' AND business_date BETWEEN $1 AND $2 ${inScope(ids, 3)}
      GROUP BY business_date ORDER BY business_date`,
    [p.from, p.to, ...scopeParams(ids)],
  );
  return rows.map((r) => ({
    date: r.date,
    n: Number(r.n),
    volume: Number(r.volume),
    amount: Number(r.amount),
  }));
}

export async function cashDays(q: Queryable, p: Period, ids: string[] | null): Promise<CashDay[]> {
  const rows = await q.query<{ date: string } & Record<string, string | number>>(
    `WITH s AS (
       SELECT business_date AS date, count(*) AS shifts, coalesce(sum(expected), 0) AS expected,
         coalesce(sum(counted), 0) AS counted, coalesce(sum(difference), 0) AS difference
         FROM shifts WHERE business_date BETWEEN $1 AND $2 ${inScope(ids, 3)} GROUP BY business_date),
     d AS (
       SELECT business_date AS date, sum(amount) AS deposited FROM report_days
        WHERE dim = 'deposit' AND business_date BETWEEN $1 AND $2 ${inScope(ids, 3)} GROUP BY business_date)
     SELECT coalesce(s.date, d.date) AS date, coalesce(s.shifts, 0)::bigint AS shifts,
       coalesce(s.expected, 0)::bigint AS expected, coalesce(s.counted, 0)::bigint AS counted,
       coalesce(s.difference, 0)::bigint AS difference, coalesce(d.deposited, 0)::bigint AS deposited
       FROM s FULL JOIN d ON d.date = s.date ORDER BY 1`,
    [p.from, p.to, ...scopeParams(ids)],
  );
  return rows.map((r) => ({
    date: r.date,
    shifts: Number(r.shifts),
    expected: Number(r.expected),
    counted: Number(r.counted),
    difference: Number(r.difference),
    deposited: Number(r.deposited),
  }));
}

/** The 台帐's types as the literal list of the operations' partial index (ops_ledger_idx): PostgreSQL uses it then. */
const LEDGER_IN = Object.keys(LEDGER_TYPES)
  .map((t) => `'${t}'`)
  .join(', ');

type LedgerRow = {
  created_at: string;
  counter_id: string;
  seq: number;
  type: string;
  operator_id: string;
  approver_id: string | null;
  entity_id: string;
  account_no: string | null;
};

/**
 * The 台帐 page by page (keyset on time, counter, seq, through the operations' partial index): entries of the
 * listed types whose time falls in the period's days (in `zone`), oldest first, with staff names.
 */
export async function* ledgerPages(
  q: Queryable,
  p: Period,
  ids: string[] | null,
  zone: string,
  counterName: (id: string) => string,
  pageSize = 2000,
): AsyncGenerator<ReportRow[]> {
  const fromIso = new Date(dayStart(zone, p.from)).toISOString();
  const toIso = new Date(dayStart(zone, nextDate(p.to))).toISOString();
  let after: [string, string, number] = [fromIso, '', -1];
  for (;;) {
    const rows = await q.query<LedgerRow>(
      `SELECT o.created_at, o.counter_id, o.seq, o.type, o.operator_id, o.approver_id, o.entity_id, cu.account_no
         FROM ops o LEFT JOIN customers cu ON cu.id = o.entity_id
        WHERE o.type IN (${LEDGER_IN}) AND o.created_at >= $1 AND o.created_at < $2 AND o.state <> 'quarantined'
          AND (o.created_at, o.counter_id, o.seq) > ($1, $3, $4) ${inScope(ids, 6, 'o.counter_id')}
        ORDER BY o.created_at, o.counter_id, o.seq LIMIT $5`,
      [after[0], toIso, after[1], after[2], pageSize, ...scopeParams(ids)],
    );
    if (rows.length === 0) return;
    const names = await staffNames(q, [
      ...new Set(rows.flatMap((r) => (r.approver_id ? [r.operator_id, r.approver_id] : [r.operator_id]))),
    ]);
    const name = (id: string) => names.get(id) ?? id;
    yield rows.map((r) => ({
      at: r.created_at,
      type: LEDGER_TYPES[r.type] ?? r.type,
      account: r.account_no ?? r.entity_id,
      counter: counterName(r.counter_id),
      operator: name(r.operator_id),
      approver: r.approver_id ? name(r.approver_id) : '',
    }));
    const last = rows[rows.length - 1]!;
    after = [last.created_at, last.counter_id, Number(last.seq)];
    if (rows.length < pageSize) return;
  }
}

/** Display names of staff ids: head office's own staff, else the counter's `staff.created` operation. */
export async function staffNames(q: Queryable, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await q.query<{ id: string; name: string }>(
    `SELECT id, data->>'displayName' AS name FROM staff WHERE id = ANY($1::text[])
     UNION ALL
     SELECT entity_id, payload::jsonb->>'displayName' FROM ops WHERE type = 'staff.created' AND entity_id = ANY($1::text[])`,
    [ids],
  );
  return new Map(rows.filter((r) => r.name).map((r) => [r.id, r.name]));
}
