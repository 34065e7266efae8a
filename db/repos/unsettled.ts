/**
 * Paid gas sales whose gas is not on a card: 待写卡 or 写卡失败, and neither refunded nor reversed — each is to
 * be written (重新写卡) or refunded. Shift and day reports list them. Runtime: Node.
 */
import type Database from 'better-sqlite3';
import { sql } from 'drizzle-orm';
import type { Drizzle } from '../open';
import { prepared } from '../prepared';

export interface UnsettledSaleRow {
  saleId: string;
  receiptNo: string;
  amount: number;
  status: 'pending_card_write' | 'card_write_failed';
  customerName: string | null;
}

export function unsettledGasSales(
  db: Drizzle,
  scope: { shiftId: string } | { businessDate: string },
): UnsettledSaleRow[] {
  const where =
    'shiftId' in scope ? sql`s.shift_id = ${scope.shiftId}` : sql`s.business_date = ${scope.businessDate}`;
  return db.all<UnsettledSaleRow>(sql`SELECT s.id AS saleId, s.receipt_no AS receiptNo, s.amount_paid AS amount,
      s.status AS status, c.name AS customerName
    FROM sales s LEFT JOIN customers c ON c.id = s.customer_id
    WHERE ${where} AND s.kind = 'gas' AND s.status IN ('pending_card_write', 'card_write_failed')
      AND NOT EXISTS (SELECT 1 FROM sales x WHERE x.corrects_sale_id = s.id)
    ORDER BY s.seq`);
}

/** Why a sale's card write failed when no write of it was journalled: the reason its failure was recorded with. */
export function recordedWriteFailure(sqlite: Database.Database, saleId: string): string | undefined {
  const row = prepared(
    sqlite,
    "SELECT reason FROM audit WHERE entity_id = ? AND action = 'sale.cardWriteFailed' ORDER BY rowid DESC LIMIT 1",
  ).get(saleId) as { reason: string | null } | undefined;
  return row?.reason ?? undefined;
}
