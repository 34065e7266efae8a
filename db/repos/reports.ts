/**
 * The counter's figures for a report (core/reports), read from its own tables by their business-date indexes
 * (sales, shifts, deposits, prints) and the outbox's partial index on time for accounts opened and the
 * 客服业务台帐: never a scan of the outbox. The same sums as head office's summary (server/migrations/
 * 0008_reports.sql), group by group. Runtime: Node.
 */
import type Database from 'better-sqlite3';
import type { CashDay, Dim, DimRow, TrendDay } from '../../core/reports/shape';
import { DESK_TYPES_SQL } from '../schema/ledger';

type Raw = Omit<DimRow, 'counterId'>;

/** The signed gas of a sale: +1 for gas, −1 for its reversal; card_write_failed delivered none. */
const GAS = `s.kind IN ('gas', 'reversal') AND s.status <> 'card_write_failed'`;
const SIGN = `CASE WHEN s.kind = 'gas' THEN 1 ELSE -1 END`;
const IN_PERIOD = 's.business_date BETWEEN @from AND @to';

const DIM_SQL: Record<Dim, string> = {
  class: `SELECT COALESCE(s.user_class, '') AS key, SUM(${SIGN}) AS n, SUM(${SIGN} * ABS(s.volume)) AS volume,
      SUM(${SIGN} * ABS(s.amount)) AS amount, 0 AS amount2 FROM sales s WHERE ${IN_PERIOD} AND ${GAS} GROUP BY 1`,
  operator: `SELECT s.operator_id AS key, SUM(${SIGN}) AS n, SUM(${SIGN} * ABS(s.volume)) AS volume,
      SUM(${SIGN} * ABS(s.amount)) AS amount, 0 AS amount2 FROM sales s WHERE ${IN_PERIOD} AND ${GAS} GROUP BY 1`,
  tier: `SELECT CAST(COALESCE(l.tier, 0) AS TEXT) AS key, 0 AS n, SUM(${SIGN} * ABS(COALESCE(l.volume, 0))) AS volume,
      SUM(${SIGN} * ABS(l.amount)) AS amount, 0 AS amount2
      FROM sales s JOIN sale_lines l ON l.sale_id = s.id WHERE ${IN_PERIOD} AND ${GAS} AND l.kind = 'gas' GROUP BY 1`,
  fee: `SELECT l.name AS key, SUM(COALESCE(l.qty, 1)) AS n, 0 AS volume, SUM(l.amount) AS amount, 0 AS amount2
      FROM sales s JOIN sale_lines l ON l.sale_id = s.id WHERE ${IN_PERIOD} AND s.kind = 'fee' AND l.kind = 'fee'
      GROUP BY 1`,
  tender: `SELECT t.method AS key, COUNT(*) AS n, 0 AS volume, SUM(MAX(t.amount, 0)) AS amount,
      SUM(MAX(-t.amount, 0)) AS amount2 FROM sales s JOIN tenders t ON t.sale_id = s.id WHERE ${IN_PERIOD} GROUP BY 1`,
  kind: `SELECT s.kind || '|' || s.status AS key, COUNT(*) AS n, SUM(s.volume) AS volume, SUM(s.amount_paid) AS amount,
      0 AS amount2 FROM sales s WHERE ${IN_PERIOD} GROUP BY 1`,
  opened: `SELECT '' AS key, COUNT(*) AS n, 0 AS volume, 0 AS amount, 0 AS amount2 FROM outbox
      WHERE type IN (${DESK_TYPES_SQL}) AND type = 'customer.opened' AND created_at >= @fromIso AND created_at < @toIso HAVING COUNT(*) > 0`,
  reprint: `SELECT '' AS key, COUNT(*) AS n, 0 AS volume, 0 AS amount, 0 AS amount2 FROM receipt_prints
      WHERE business_date BETWEEN @from AND @to AND reprint = 1 AND outcome = 'printed' HAVING COUNT(*) > 0`,
  acceptance: `SELECT type_code || '|' || type_name AS key, COUNT(*) AS n, 0 AS volume, 0 AS amount, 0 AS amount2
      FROM acceptances WHERE business_date BETWEEN @from AND @to GROUP BY 1`,
  deposit: `SELECT '' AS key, COUNT(*) AS n, 0 AS volume, SUM(amount) AS amount, 0 AS amount2 FROM bank_deposits
      WHERE business_date BETWEEN @from AND @to HAVING COUNT(*) > 0`,
};

export interface CounterPeriod {
  readonly from: string;
  readonly to: string;
  /** The moments of the period's days in the counter's zone: [fromIso, toIso). */
  readonly fromIso: string;
  readonly toIso: string;
}

export function counterDimRows(
  sqlite: Database.Database,
  dim: Dim,
  p: CounterPeriod,
  counterId: string,
): DimRow[] {
  const rows = sqlite.prepare(DIM_SQL[dim]).all(p) as Raw[];
  return rows.map((r) => ({ ...r, counterId }));
}

/** Net gas sold per business date of the period (the class dim's sums, date by date), for the trend. */
export function counterTrendDays(sqlite: Database.Database, p: CounterPeriod): TrendDay[] {
  return sqlite
    .prepare(
      `SELECT s.business_date AS date, SUM(${SIGN}) AS n, SUM(${SIGN} * ABS(s.volume)) AS volume,
         SUM(${SIGN} * ABS(s.amount)) AS amount FROM sales s WHERE ${IN_PERIOD} AND ${GAS} GROUP BY 1 ORDER BY 1`,
    )
    .all(p) as TrendDay[];
}

export function counterCashDays(sqlite: Database.Database, p: CounterPeriod): CashDay[] {
  return sqlite
    .prepare(
      `WITH s AS (SELECT business_date AS date, COUNT(*) AS shifts, COALESCE(SUM(expected), 0) AS expected,
           COALESCE(SUM(counted), 0) AS counted, COALESCE(SUM(difference), 0) AS difference
           FROM shifts WHERE business_date BETWEEN @from AND @to GROUP BY 1),
         d AS (SELECT business_date AS date, SUM(amount) AS deposited FROM bank_deposits
           WHERE business_date BETWEEN @from AND @to GROUP BY 1),
         days AS (SELECT date FROM s UNION SELECT date FROM d)
       SELECT days.date, COALESCE(s.shifts, 0) AS shifts, COALESCE(s.expected, 0) AS expected,
         COALESCE(s.counted, 0) AS counted, COALESCE(s.difference, 0) AS difference,
         COALESCE(d.deposited, 0) AS deposited
       FROM days LEFT JOIN s ON s.date = days.date LEFT JOIN d ON d.date = days.date ORDER BY days.date`,
    )
    .all(p) as CashDay[];
}

export interface CounterLedgerRow {
  readonly createdAt: string;
  readonly type: string;
  readonly operatorId: string;
  readonly approverId: string | null;
  readonly entityId: string;
  readonly accountNo: string | null;
}

/** The 台帐's operations of the period (the partial index's very list: SQLite uses it only then), oldest first (by the outbox's partial index on their time). */
export function counterLedgerRows(sqlite: Database.Database, p: CounterPeriod): CounterLedgerRow[] {
  return sqlite
    .prepare(
      `SELECT o.created_at AS createdAt, o.type, o.operator_id AS operatorId, o.approver_id AS approverId,
         o.entity_id AS entityId, c.account_no AS accountNo
       FROM outbox o LEFT JOIN customers c ON c.id = o.entity_id
       WHERE o.type IN (${DESK_TYPES_SQL}) AND o.created_at >= ? AND o.created_at < ?
       ORDER BY o.created_at, o.seq`,
    )
    .all(p.fromIso, p.toIso) as CounterLedgerRow[];
}
