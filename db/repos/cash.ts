/**
 * The cash desk's tables (shifts, cash movements, bank deposits, day closes), and the read-only sums over
 * the sales tables that shift and day reports are built from. Writes run inside the caller's transaction.
 * Runtime: Node.
 */
import { and, asc, desc, eq, lte, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import type { Shift } from '../../core/contract';
import type { Drizzle } from '../open';
import { bankDeposits, cashMovements, dayCloses, shifts, staff } from '../schema';
import { DESK_TYPES_SQL } from '../schema/ledger';

export type ShiftRow = typeof shifts.$inferSelect;
export type ShiftWithOperator = ShiftRow & {
  operatorName: string;
  closedByName: string | null;
  approvedByName: string | null;
};
export type CashMovementRow = typeof cashMovements.$inferSelect;
export type BankDepositRow = typeof bankDeposits.$inferSelect;
export type DayCloseRow = typeof dayCloses.$inferSelect;

export function toShift(r: ShiftWithOperator): Shift {
  // A shift closed before closed_by existed was closed by its own operator (the only close there was).
  const closerId = r.closedBy ?? (r.status === 'closed' ? r.operatorId : null);
  return {
    id: r.id,
    operator: { id: r.operatorId, displayName: r.operatorName },
    businessDate: r.businessDate,
    openedAt: r.openedAt,
    float: r.float,
    status: r.status,
    closedAt: r.closedAt,
    counted: r.counted,
    expected: r.expected,
    difference: r.difference,
    note: r.note,
    closedBy: closerId
      ? { id: closerId, displayName: (r.closedBy ? r.closedByName : r.operatorName) ?? '—' }
      : null,
    approvedBy: r.approvedBy ? { id: r.approvedBy, displayName: r.approvedByName ?? '—' } : null,
  };
}

const closer = alias(staff, 'closer');
const approver = alias(staff, 'approver');

function selectShifts(db: Drizzle) {
  return db
    .select({
      shift: shifts,
      operatorName: staff.displayName,
      closedByName: closer.displayName,
      approvedByName: approver.displayName,
    })
    .from(shifts)
    .leftJoin(staff, eq(staff.id, shifts.operatorId))
    .leftJoin(closer, eq(closer.id, shifts.closedBy))
    .leftJoin(approver, eq(approver.id, shifts.approvedBy));
}

function withName(r: {
  shift: ShiftRow;
  operatorName: string | null;
  closedByName: string | null;
  approvedByName: string | null;
}): ShiftWithOperator {
  return {
    ...r.shift,
    operatorName: r.operatorName ?? '—',
    closedByName: r.closedByName,
    approvedByName: r.approvedByName,
  };
}

// ---- shifts -------------------------------------------------------------------------------------------------

export function findShift(db: Drizzle, id: string): ShiftWithOperator | undefined {
  const r = selectShifts(db).where(eq(shifts.id, id)).get();
  return r && withName(r);
}

/** The operator's open shift, else their most recently opened one. */
export function findCurrentOrLastShift(db: Drizzle, operatorId: string): ShiftWithOperator | undefined {
  const r = selectShifts(db)
    .where(eq(shifts.operatorId, operatorId))
    .orderBy(sql`${shifts.status} = 'open' DESC`, desc(shifts.openedAt), sql`${shifts}.rowid DESC`)
    .limit(1)
    .get();
  return r && withName(r);
}

export function listShiftsOfDate(db: Drizzle, businessDate: string): ShiftWithOperator[] {
  return selectShifts(db)
    .where(eq(shifts.businessDate, businessDate))
    .orderBy(asc(shifts.openedAt), sql`${shifts}.rowid`)
    .all()
    .map(withName);
}

/** Shifts still open whose business date is on or before `businessDate` (they block its day close). */
export function openShiftsUpTo(db: Drizzle, businessDate: string): ShiftWithOperator[] {
  return selectShifts(db)
    .where(and(eq(shifts.status, 'open'), lte(shifts.businessDate, businessDate)))
    .orderBy(asc(shifts.openedAt), sql`${shifts}.rowid`)
    .all()
    .map(withName);
}

export function insertShift(db: Drizzle, row: typeof shifts.$inferInsert): void {
  db.insert(shifts).values(row).run();
}

/**
 * Closing is the only update a shift ever gets, and only from open (a trigger keeps a closed shift closed).
 * Returns false when the shift was not open any more.
 */
export function closeShiftRow(
  db: Drizzle,
  id: string,
  close: Pick<
    ShiftRow,
    'closedAt' | 'counted' | 'expected' | 'difference' | 'note' | 'denominations' | 'closedBy' | 'approvedBy'
  >,
): boolean {
  const r = db
    .update(shifts)
    .set({ ...close, status: 'closed' })
    .where(and(eq(shifts.id, id), eq(shifts.status, 'open')))
    .run();
  return r.changes === 1;
}

// ---- cash movements, deposits, day closes ---------------------------------------------------------------

export function insertCashMovement(db: Drizzle, row: CashMovementRow): void {
  db.insert(cashMovements).values(row).run();
}

export function listCashMovements(db: Drizzle, shiftId: string): CashMovementRow[] {
  return db
    .select()
    .from(cashMovements)
    .where(eq(cashMovements.shiftId, shiftId))
    .orderBy(asc(cashMovements.at), sql`${cashMovements}.rowid`)
    .all();
}

export function insertDeposit(db: Drizzle, row: BankDepositRow): void {
  db.insert(bankDeposits).values(row).run();
}

export function listDeposits(db: Drizzle, businessDate: string): BankDepositRow[] {
  return db
    .select()
    .from(bankDeposits)
    .where(eq(bankDeposits.businessDate, businessDate))
    .orderBy(asc(bankDeposits.at), sql`${bankDeposits}.rowid`)
    .all();
}

export function findDayClose(db: Drizzle, businessDate: string): DayCloseRow | undefined {
  return db.select().from(dayCloses).where(eq(dayCloses.businessDate, businessDate)).get();
}

export function listDayCloses(db: Drizzle): DayCloseRow[] {
  return db.select().from(dayCloses).orderBy(asc(dayCloses.businessDate)).all();
}

export function insertDayClose(db: Drizzle, row: DayCloseRow): void {
  db.insert(dayCloses).values(row).run();
}

// ---- sums over the sales tables (written by the selling side; read here) ----------------------------------

/** Which sales a sum covers: one shift's, or one business date's. */
export type SaleScope = { readonly shiftId: string } | { readonly businessDate: string };

function scopeSql(scope: SaleScope) {
  return 'shiftId' in scope
    ? sql`s.shift_id = ${scope.shiftId}`
    : sql`s.business_date = ${scope.businessDate}`;
}

export interface TenderTotal {
  method: string;
  /** Σ of positive tender amounts (money taken, after change). */
  taken: number;
  /** Σ |negative tender amounts| (money paid back). */
  refunded: number;
  count: number;
}

export function tenderTotals(db: Drizzle, scope: SaleScope): TenderTotal[] {
  return db.all<TenderTotal>(sql`SELECT t.method AS method,
      COALESCE(SUM(CASE WHEN t.amount > 0 THEN t.amount ELSE 0 END), 0) AS taken,
      COALESCE(SUM(CASE WHEN t.amount < 0 THEN -t.amount ELSE 0 END), 0) AS refunded,
      COUNT(*) AS count
    FROM tenders t JOIN sales s ON s.id = t.sale_id
    WHERE ${scopeSql(scope)} GROUP BY t.method`);
}

export interface KindTotal {
  kind: string;
  count: number;
  /** Σ amount_paid: money in (positive) or paid back (negative). */
  amount: number;
  volume: number;
}

export function kindTotals(db: Drizzle, scope: SaleScope): KindTotal[] {
  return db.all<KindTotal>(sql`SELECT s.kind AS kind, COUNT(*) AS count,
      COALESCE(SUM(s.amount_paid), 0) AS amount, COALESCE(SUM(s.volume), 0) AS volume
    FROM sales s WHERE ${scopeSql(scope)} GROUP BY s.kind`);
}

export interface MovementTotals {
  cashIn: number;
  cashOut: number;
}

export function movementTotals(db: Drizzle, shiftId: string): MovementTotals {
  const r = db.get<MovementTotals>(sql`SELECT
      COALESCE(SUM(CASE WHEN kind = 'in' THEN amount ELSE 0 END), 0) AS cashIn,
      COALESCE(SUM(CASE WHEN kind = 'out' THEN amount ELSE 0 END), 0) AS cashOut
    FROM cash_movements WHERE shift_id = ${shiftId}`);
  return r ?? { cashIn: 0, cashOut: 0 };
}

/**
 * Gas sold net of reversals, by user class: a reversal carries its original's class and counts negative; a
 * gas sale whose card write failed delivered no gas (its refund is not counted either). Signs are taken from
 * the kind, so either sign convention for a reversal's volume and amount gives the same figures.
 */
export function userClassTotals(
  db: Drizzle,
  businessDate: string,
): { userClass: string | null; count: number; volume: number; amount: number }[] {
  return db.all(sql`SELECT s.user_class AS userClass,
      SUM(CASE WHEN s.kind = 'gas' THEN 1 ELSE -1 END) AS count,
      SUM(CASE WHEN s.kind = 'gas' THEN ABS(s.volume) ELSE -ABS(s.volume) END) AS volume,
      SUM(CASE WHEN s.kind = 'gas' THEN ABS(s.amount) ELSE -ABS(s.amount) END) AS amount
    FROM sales s
    WHERE s.business_date = ${businessDate} AND s.kind IN ('gas', 'reversal')
      AND s.status <> 'card_write_failed'
    GROUP BY s.user_class`);
}

/** Gas by tier from the tier slices (gas lines) of the same sales, a reversal's mirrored lines negative. */
export function tierTotals(
  db: Drizzle,
  businessDate: string,
): { tier: number; volume: number; amount: number }[] {
  return db.all(sql`SELECT COALESCE(l.tier, 0) AS tier,
      SUM(CASE WHEN s.kind = 'gas' THEN ABS(COALESCE(l.volume, 0)) ELSE -ABS(COALESCE(l.volume, 0)) END) AS volume,
      SUM(CASE WHEN s.kind = 'gas' THEN ABS(l.amount) ELSE -ABS(l.amount) END) AS amount
    FROM sale_lines l JOIN sales s ON s.id = l.sale_id
    WHERE s.business_date = ${businessDate} AND s.kind IN ('gas', 'reversal')
      AND s.status <> 'card_write_failed' AND l.kind = 'gas'
    GROUP BY 1 ORDER BY 1`);
}

/** Fee lines of the day's fee payments, grouped by fee name (gross: refunds are counted apart). */
export function feeTotals(
  db: Drizzle,
  businessDate: string,
): { name: string; qty: number; amount: number }[] {
  return db.all(sql`SELECT l.name AS name, SUM(COALESCE(l.qty, 1)) AS qty, SUM(l.amount) AS amount
    FROM sale_lines l JOIN sales s ON s.id = l.sale_id
    WHERE s.business_date = ${businessDate} AND s.kind = 'fee' AND l.kind = 'fee'
    GROUP BY l.name ORDER BY l.name`);
}

/** Per operator: entries recorded, money taken and paid back over every tender method. */
export function operatorTotals(
  db: Drizzle,
  businessDate: string,
): { operatorId: string; count: number; taken: number; refunded: number }[] {
  return db.all(sql`SELECT s.operator_id AS operatorId, COUNT(DISTINCT s.id) AS count,
      COALESCE(SUM(CASE WHEN t.amount > 0 THEN t.amount ELSE 0 END), 0) AS taken,
      COALESCE(SUM(CASE WHEN t.amount < 0 THEN -t.amount ELSE 0 END), 0) AS refunded
    FROM sales s LEFT JOIN tenders t ON t.sale_id = s.id
    WHERE s.business_date = ${businessDate} GROUP BY s.operator_id`);
}

export function staffNames(db: Drizzle): Map<string, string> {
  const rows = db.select({ id: staff.id, displayName: staff.displayName }).from(staff).all();
  return new Map(rows.map((r) => [r.id, r.displayName]));
}

/**
 * Creation times (ISO) of the `customer.opened` ledger operations in [fromIso, toIso), through the outbox's
 * partial index on time (its very type list must be in the query for SQLite to use it): never an outbox scan.
 */
export function customerOpenedTimes(db: Drizzle, fromIso: string, toIso: string): string[] {
  return db
    .all<{ at: string }>(sql`SELECT created_at AS at FROM outbox
      WHERE type IN (${sql.raw(DESK_TYPES_SQL)}) AND type = 'customer.opened'
        AND created_at >= ${fromIso} AND created_at < ${toIso}`)
    .map((r) => r.at);
}

/** Receipts and reports printed again (重打) on a business day. */
export function reprintCount(db: Drizzle, businessDate: string): number {
  const r = db.get<{ n: number }>(
    sql`SELECT COUNT(*) AS n FROM receipt_prints WHERE business_date = ${businessDate} AND reprint = 1 AND outcome = 'printed'`,
  );
  return r?.n ?? 0;
}
