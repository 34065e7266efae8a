/**
 * Recovery of card writes left by a crash (reliability.md 2). A paid sale that never reached the journal
 * (the process died between recording the sale and preparing its card write) was certainly not written to any
 * card: it is marked 写卡失败 (refund or retry). Everything that reached the journal is settled from what the
 * card holds, the next time that card is read. Runtime: Node.
 */
import type { App } from '../app';

/** Fails the gas sales recorded before `before` that are still pending with no card write prepared. */
export function failUnstartedSales(app: App, before: string, customerId?: string): string[] {
  const rows = app.gdb.sqlite
    .prepare(
      `SELECT s.id, s.receipt_no AS receiptNo, s.operator_id AS operatorId FROM sales s
       WHERE s.kind = 'gas' AND s.status = 'pending_card_write' AND s.created_at < ?
         AND (? IS NULL OR s.customer_id = ?)
         AND NOT EXISTS (SELECT 1 FROM card_writes w WHERE w.sale_id = s.id)`,
    )
    .all(before, customerId ?? null, customerId ?? null) as {
    id: string;
    receiptNo: string;
    operatorId: string;
  }[];
  for (const r of rows) {
    app.transaction(() => {
      const moved = app.gdb.sqlite
        .prepare(
          "UPDATE sales SET status = 'card_write_failed' WHERE id = ? AND status = 'pending_card_write'",
        )
        .run(r.id).changes;
      if (!moved) return;
      const reason = '写卡前中断（未写入任何卡）';
      app.ledger().append({
        type: 'sale.cardWriteFailed',
        payload: { saleId: r.id, receiptNo: r.receiptNo, status: 'card_write_failed', reason },
        operatorId: r.operatorId,
        audit: {
          action: 'sale.cardWriteFailed',
          summary: `写卡失败：收据 ${r.receiptNo}，款项待退款或重新写卡`,
          reason,
        },
      });
    });
  }
  return rows.map((r) => r.id);
}
