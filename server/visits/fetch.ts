/**
 * 取其他营业厅一户的档案: head office gives a counter one customer's file (as a pull gives it) and cards, and
 * records that it did (customer_visits): from then on the sales and card purchase writes that counter authors
 * for this customer are believed (server/push/world.ts servedCustomer); edits of the file, transfers, status
 * changes and card issue, replacement or blocking stay with the customer's own hall (FOREIGN_HALL). Runtime: Node.
 */
import type { GasUseBy } from '../../core/sync/gas-use';
import { AppError } from '../../core/errors';
import type { CardFeed, CustomerFeed } from '../../core/sync/feed';
import type { FetchResponse } from '../../core/sync/wire-visit';
import type { CounterCtx } from '../auth/counter-auth';
import type { Queryable } from '../pg/store';
import { customerFeedData } from '../push/feed-rows';

export async function fetchCustomer(
  q: Queryable,
  ctx: CounterCtx,
  customerId: string,
): Promise<FetchResponse> {
  const [c] = await q.query<{
    hall_id: string;
    data: Record<string, unknown>;
    updated_hlc: string;
    purchase_count: number;
    balance: number;
    balance_by: Record<string, number>;
    gas_use_by: GasUseBy;
    code: string;
    hall_name: string;
  }>(
    `SELECT c.hall_id, c.data, c.updated_hlc, c.purchase_count, c.balance, c.balance_by, c.gas_use_by, h.code,
       h.name AS hall_name
       FROM customers c JOIN halls h ON h.id = c.hall_id WHERE c.id = $1`,
    [customerId],
  );
  if (!c) throw new AppError('CUSTOMER_NOT_FOUND', { detail: customerId });
  const cards = await q.query<CardFeed>(
    `SELECT id, card_no AS "cardNo", customer_id AS "customerId", format_id AS "formatId", region, status,
       issued_at AS "issuedAt", issued_by AS "issuedBy", blocked_at AS "blockedAt", blocked_reason AS "blockedReason"
     FROM cards WHERE customer_id = $1 ORDER BY issued_at, card_no`,
    [customerId],
  );
  if (c.hall_id !== ctx.hallId)
    await q.query(
      `INSERT INTO customer_visits (counter_id, customer_id, hall_id) VALUES ($1, $2, $3)
       ON CONFLICT (counter_id, customer_id) DO UPDATE SET last_at = now(), hall_id = excluded.hall_id`,
      [ctx.counterId, customerId, c.hall_id],
    );
  return {
    hallCode: c.code,
    hallName: c.hall_name,
    customer: customerFeedData({
      data: c.data,
      updatedHlc: c.updated_hlc,
      purchaseCount: c.purchase_count,
      balance: Number(c.balance),
      balanceBy: c.balance_by,
      gasUseBy: c.gas_use_by,
    }) as CustomerFeed,
    cards,
  };
}
