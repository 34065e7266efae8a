/**
 * Sales with their lines and tenders, balances, number series and invoice ranges. Raw prepared statements
 * (cached per connection): this is the hot path of the counter. Every write runs inside the caller's
 * transaction. Runtime: Node.
 */
import { gasUseBetween } from '../../core/sync/gas-use';
import type Database from 'better-sqlite3';
import type { invoiceRanges, saleLines, sales, tenders } from '../schema';
import { type LimitsRow, prepared } from './prices';

export type SaleRow = typeof sales.$inferSelect;
export type SaleInsert = Omit<SaleRow, 'seq'>;
export type SaleLineRow = typeof saleLines.$inferSelect;
export type TenderRow = typeof tenders.$inferSelect;
export type InvoiceRangeRow = typeof invoiceRanges.$inferSelect;

/** What selling needs of a customer's file. */
export interface SaleCustomerRow {
  id: string;
  accountNo: string;
  name: string;
  fullAddress: string;
  userClass: 'residential' | 'public_welfare' | 'commercial' | 'industrial';
  householdSize: number;
  inspectionStatus: 'normal' | 'hazard' | 'nobody_home' | 'refused';
  status: 'active' | 'suspended' | 'closed';
}

/** SaleCustomerRow's columns of `customers c`. */
const SALE_CUSTOMER_COLS = `c.id, c.account_no AS accountNo, c.name, c.full_address AS fullAddress,
  c.user_class AS userClass, c.household_size AS householdSize, c.inspection_status AS inspectionStatus, c.status`;

export function customerForSale(sqlite: Database.Database, id: string): SaleCustomerRow | undefined {
  return prepared(sqlite, `SELECT ${SALE_CUSTOMER_COLS} FROM customers c WHERE c.id = ?`).get(id) as
    | SaleCustomerRow
    | undefined;
}

/** What pricing a purchase reads of a customer, in one statement: the file, the balance (结余), the class's limits. */
export interface PurchaseContext {
  readonly customer: SaleCustomerRow;
  readonly balance: number;
  readonly limits: LimitsRow | undefined;
}

export function purchaseContext(sqlite: Database.Database, id: string): PurchaseContext | undefined {
  const r = prepared(
    sqlite,
    `SELECT ${SALE_CUSTOMER_COLS}, coalesce(b.balance, 0) AS balance, l.user_class AS limitsClass, l.per_purchase AS perPurchase,
       l.per_month AS perMonth, l.per_year AS perYear
     FROM customers c
       LEFT JOIN customer_balances b ON b.customer_id = c.id
       LEFT JOIN purchase_limits l ON l.user_class = c.user_class
     WHERE c.id = ?`,
  ).get(id) as
    | (SaleCustomerRow & {
        balance: number;
        limitsClass: LimitsRow['userClass'] | null;
        perPurchase: number | null;
        perMonth: number | null;
        perYear: number | null;
      })
    | undefined;
  if (!r) return undefined;
  const { balance, limitsClass, perPurchase, perMonth, perYear, ...customer } = r;
  return {
    customer,
    balance,
    limits: limitsClass === null ? undefined : { userClass: limitsClass, perPurchase, perMonth, perYear },
  };
}

export function staffName(sqlite: Database.Database, id: string): string | undefined {
  return (
    prepared(sqlite, 'SELECT display_name AS n FROM staff WHERE id = ?').get(id) as { n: string } | undefined
  )?.n;
}

const SALE_COLS = `seq, id, receipt_no AS receiptNo, invoice_no AS invoiceNo, kind, status, customer_id AS customerId,
  user_class AS userClass, shift_id AS shiftId, business_date AS businessDate, operator_id AS operatorId,
  approver_id AS approverId, volume, amount, balance_used AS balanceUsed, balance_added AS balanceAdded,
  amount_paid AS amountPaid, price_version_id AS priceVersionId, period_start AS periodStart,
  used_before AS usedBefore, corrects_sale_id AS correctsSaleId, reason, created_at AS createdAt`;

export function insertSale(sqlite: Database.Database, row: SaleInsert): void {
  prepared(
    sqlite,
    `INSERT INTO sales (id, receipt_no, invoice_no, kind, status, customer_id, user_class, shift_id, business_date,
       operator_id, approver_id, volume, amount, balance_used, balance_added, amount_paid, price_version_id,
       period_start, used_before, corrects_sale_id, reason, created_at)
     VALUES (@id, @receiptNo, @invoiceNo, @kind, @status, @customerId, @userClass, @shiftId, @businessDate,
       @operatorId, @approverId, @volume, @amount, @balanceUsed, @balanceAdded, @amountPaid, @priceVersionId,
       @periodStart, @usedBefore, @correctsSaleId, @reason, @createdAt)`,
  ).run(row);
}

export function insertSaleLine(sqlite: Database.Database, row: SaleLineRow): void {
  prepared(
    sqlite,
    `INSERT INTO sale_lines (sale_id, line_no, kind, tier, fee_item_id, name, volume, price_li, qty, amount)
     VALUES (@saleId, @lineNo, @kind, @tier, @feeItemId, @name, @volume, @priceLi, @qty, @amount)`,
  ).run(row);
}

export function insertTender(sqlite: Database.Database, row: TenderRow): void {
  prepared(
    sqlite,
    `INSERT INTO tenders (sale_id, line_no, method, amount, received, change, reference)
     VALUES (@saleId, @lineNo, @method, @amount, @received, @change, @reference)`,
  ).run(row);
}

export function findSale(sqlite: Database.Database, id: string): SaleRow | undefined {
  return prepared(sqlite, `SELECT ${SALE_COLS} FROM sales WHERE id = ?`).get(id) as SaleRow | undefined;
}

export function saleLinesOf(sqlite: Database.Database, saleId: string): SaleLineRow[] {
  return prepared(
    sqlite,
    `SELECT sale_id AS saleId, line_no AS lineNo, kind, tier, fee_item_id AS feeItemId, name, volume,
       price_li AS priceLi, qty, amount FROM sale_lines WHERE sale_id = ? ORDER BY line_no`,
  ).all(saleId) as SaleLineRow[];
}

export function tendersOf(sqlite: Database.Database, saleId: string): TenderRow[] {
  return prepared(
    sqlite,
    `SELECT sale_id AS saleId, line_no AS lineNo, method, amount, received, change, reference
     FROM tenders WHERE sale_id = ? ORDER BY line_no`,
  ).all(saleId) as TenderRow[];
}

/** The reversals and refunds that point at a sale, oldest first. */
export function correctionsOf(sqlite: Database.Database, saleId: string): SaleRow[] {
  return prepared(sqlite, `SELECT ${SALE_COLS} FROM sales WHERE corrects_sale_id = ? ORDER BY seq`).all(
    saleId,
  ) as SaleRow[];
}

export interface SaleFilter {
  customerId?: string;
  shiftId?: string;
  businessDate?: string;
}

/** Newest first. */
export function listSales(sqlite: Database.Database, f: SaleFilter, limit: number): SaleRow[] {
  const where: string[] = [];
  const args: unknown[] = [];
  if (f.customerId) {
    where.push('customer_id = ?');
    args.push(f.customerId);
  }
  if (f.shiftId) {
    where.push('shift_id = ?');
    args.push(f.shiftId);
  }
  if (f.businessDate) {
    where.push('business_date = ?');
    args.push(f.businessDate);
  }
  const sql = `SELECT ${SALE_COLS} FROM sales ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
    ORDER BY seq DESC LIMIT ?`;
  return prepared(sqlite, sql).all(...args, limit) as SaleRow[];
}

/** The two-phase card write's second step: pending → completed | card_write_failed. Returns rows changed. */
/** Moves a gas sale's card-write state forward: from pending, or (a successful retry) from failed to completed. */
export function resolveCardWrite(
  sqlite: Database.Database,
  id: string,
  status: 'completed' | 'card_write_failed',
  from: 'pending_card_write' | 'card_write_failed' = 'pending_card_write',
): number {
  return prepared(sqlite, 'UPDATE sales SET status = ? WHERE id = ? AND status = ?').run(status, id, from)
    .changes;
}

/**
 * Gas volume of a household's purchases made in each of two windows [from, until), net of their corrections:
 * every row's volume (gas positive; reversals and gas refunds negative; fees zero), a correction counted on
 * its original's date. One index range scan for both windows (the pricing year and the calendar month), plus
 * what the other counters' sales (and an imported year's use) made in them, as head office last published it
 * (customer_peer_use).
 */
export function gasVolumes(
  sqlite: Database.Database,
  customerId: string,
  a: { from: string; until: string },
  b: { from: string; until: string },
): [number, number] {
  const r = prepared(
    sqlite,
    `SELECT coalesce(sum(CASE WHEN d >= @aFrom AND d < @aUntil THEN v END), 0) AS a,
       coalesce(sum(CASE WHEN d >= @bFrom AND d < @bUntil THEN v END), 0) AS b
     FROM (SELECT s.volume AS v, coalesce(o.business_date, s.business_date) AS d
       FROM sales s LEFT JOIN sales o ON o.id = s.corrects_sale_id
       WHERE s.customer_id = @customerId AND s.business_date >= @from)`,
  ).get({
    customerId,
    from: [a.from, b.from].sort()[0],
    aFrom: a.from,
    aUntil: a.until,
    bFrom: b.from,
    bUntil: b.until,
  }) as { a: number; b: number };
  const peers = prepared(sqlite, 'SELECT by_day FROM customer_peer_use WHERE customer_id = ?')
    .pluck()
    .get(customerId) as string | undefined;
  if (peers === undefined) return [r.a, r.b];
  const byDay = JSON.parse(peers) as Record<string, number>;
  return [r.a + gasUseBetween(byDay, a.from, a.until), r.b + gasUseBetween(byDay, b.from, b.until)];
}

export function balanceOf(sqlite: Database.Database, customerId: string): number {
  const r = prepared(sqlite, 'SELECT balance FROM customer_balances WHERE customer_id = ?').get(customerId) as
    | { balance: number }
    | undefined;
  return r?.balance ?? 0;
}

/** What this counter's own sales did to a customer's balance: the sum of their balance changes. */
export function ownBalanceChanges(sqlite: Database.Database, customerId: string): number {
  return prepared(
    sqlite,
    'SELECT coalesce(sum(balance_added - balance_used), 0) AS n FROM sales WHERE customer_id = ?',
  )
    .pluck()
    .get(customerId) as number;
}

export function setBalance(sqlite: Database.Database, customerId: string, balance: number): void {
  prepared(
    sqlite,
    `INSERT INTO customer_balances (customer_id, balance) VALUES (?, ?)
     ON CONFLICT (customer_id) DO UPDATE SET balance = excluded.balance`,
  ).run(customerId, balance);
}

/**
 * The next number of a gap-free series (1, 2, 3, …); rolled back with the caller's transaction. An upsert and a
 * read rather than `… RETURNING`: inside a sale's transaction RETURNING cost ~130 µs here against ~20 µs for the
 * pair (`npm run bench -- sale`, per-statement timing), a tenth of a whole sale.
 */
export function takeNumber(sqlite: Database.Database, name: string): number {
  prepared(
    sqlite,
    `INSERT INTO number_series (name, next) VALUES (?, 2)
     ON CONFLICT (name) DO UPDATE SET next = next + 1`,
  ).run(name);
  return (
    prepared(sqlite, 'SELECT next - 1 AS n FROM number_series WHERE name = ?').get(name) as { n: number }
  ).n;
}

const RANGE_COLS = `id, operator_id AS operatorId, prefix, first, last, next, width, created_at AS createdAt`;

export function listInvoiceRanges(sqlite: Database.Database): InvoiceRangeRow[] {
  return prepared(
    sqlite,
    `SELECT ${RANGE_COLS} FROM invoice_ranges ORDER BY operator_id IS NOT NULL, operator_id, prefix, first`,
  ).all() as InvoiceRangeRow[];
}

export function findInvoiceRange(sqlite: Database.Database, id: string): InvoiceRangeRow | undefined {
  return prepared(sqlite, `SELECT ${RANGE_COLS} FROM invoice_ranges WHERE id = ?`).get(id) as
    | InvoiceRangeRow
    | undefined;
}

export function overlappingInvoiceRange(
  sqlite: Database.Database,
  prefix: string,
  first: number,
  last: number,
): InvoiceRangeRow | undefined {
  return prepared(
    sqlite,
    `SELECT ${RANGE_COLS} FROM invoice_ranges WHERE prefix = ? AND first <= ? AND last >= ? LIMIT 1`,
  ).get(prefix, last, first) as InvoiceRangeRow | undefined;
}

export function insertInvoiceRange(sqlite: Database.Database, row: InvoiceRangeRow): void {
  prepared(
    sqlite,
    `INSERT INTO invoice_ranges (id, operator_id, prefix, first, last, next, width, created_at)
     VALUES (@id, @operatorId, @prefix, @first, @last, @next, @width, @createdAt)`,
  ).run(row);
}

/** The range an invoice number comes from: the operator's own first, else the workstation's. */
export function usableInvoiceRange(
  sqlite: Database.Database,
  operatorId: string,
): InvoiceRangeRow | undefined {
  const own = prepared(
    sqlite,
    `SELECT ${RANGE_COLS} FROM invoice_ranges WHERE operator_id = ? AND next <= last ORDER BY created_at, first LIMIT 1`,
  ).get(operatorId) as InvoiceRangeRow | undefined;
  if (own) return own;
  return prepared(
    sqlite,
    `SELECT ${RANGE_COLS} FROM invoice_ranges WHERE operator_id IS NULL AND next <= last
     ORDER BY created_at, first LIMIT 1`,
  ).get() as InvoiceRangeRow | undefined;
}

export function advanceInvoiceRange(sqlite: Database.Database, id: string): void {
  prepared(sqlite, 'UPDATE invoice_ranges SET next = next + 1 WHERE id = ?').run(id);
}
