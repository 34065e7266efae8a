/**
 * Loads, under the batch's locks, the head-office rows a batch's operations touch: customers, cards, purchase
 * count claims, sales whose card-write outcome arrives, the hall's account numbers, and what the counter knew
 * of the feed. A handful of queries per batch, whatever its size. Runtime: Node.
 */
import type { Queryable } from '../pg/store';
import type { Batch, CardState, CustomerState, PushedOp, Rec } from './batch';
import { SALE_TYPES } from './early-sales';

const str = (v: unknown) => (typeof v === 'string' ? v : undefined);

export async function preload(q: Queryable, b: Batch, ops: PushedOp[]): Promise<void> {
  const customerIds = new Set<string>();
  const cardNos = new Set<string>();
  const saleIds = new Set<string>();
  const accountNos = new Set<string>();
  /** Sales of this batch, wherever in it: their outcomes are never looked up in the table (stored just now). */
  const inBatchSales = new Set<string>();
  for (const op of ops) {
    const id = (op.data as Rec | null | undefined)?.id;
    if (SALE_TYPES.has(op.type) && typeof id === 'string') inBatchSales.add(id);
  }
  /** Customers whose other cards matter (a second active card is a conflict). */
  const owners = new Set<string>();
  for (const op of ops) {
    const d = (op.data ?? {}) as Rec;
    if (op.type.startsWith('customer.')) {
      const id = str(d.id) ?? op.entityId;
      customerIds.add(id);
      if (op.type === 'customer.opened' && str(d.accountNo)) accountNos.add(d.accountNo as string);
    } else if (op.type.startsWith('sale.')) {
      // A sale needs its customer only to follow the balance (结余) it adds or uses.
      if (str(d.customerId) && (d.balanceAdded !== 0 || d.balanceUsed !== 0))
        customerIds.add(d.customerId as string);
      if (str(d.saleId) && !inBatchSales.has(d.saleId as string)) saleIds.add(d.saleId as string);
      if (str(d.cardNo)) cardNos.add(d.cardNo as string);
    } else if (op.type.startsWith('card.')) {
      if (str(d.customerId)) customerIds.add(d.customerId as string);
      if (str(d.customerId) && (op.type === 'card.issued' || op.type === 'card.replaced'))
        owners.add(d.customerId as string);
      if (str(d.cardNo)) cardNos.add(d.cardNo as string);
      if (str(d.replaces)) cardNos.add(d.replaces as string);
    }
  }
  await loadCards(q, b, [...cardNos], [...owners]);
  for (const c of b.cards.values()) customerIds.add(c.customerId);
  await loadCustomers(q, b, [...customerIds], [...accountNos]);
  if (saleIds.size > 0) {
    const rows = await q.query<{ id: string }>('SELECT id FROM sales WHERE id = ANY($1)', [[...saleIds]]);
    for (const r of rows) b.knownSales.add(r.id);
  }
  if (b.cards.size > 0) {
    const rows = await q.query<{
      customer_id: string;
      count: number;
      counter_id: string;
      op_id: string;
      card_no: string;
    }>(
      `SELECT customer_id, count, counter_id, op_id, card_no FROM purchase_counts
        WHERE customer_id = ANY($1)`,
      [[...new Set([...b.cards.values()].map((c) => c.customerId))]],
    );
    for (const r of rows)
      b.claims.set(`${r.customer_id}:${r.count}`, {
        counterId: r.counter_id,
        opId: r.op_id,
        cardNo: r.card_no,
        isNew: false,
      });
  }
  if (ops.some((o) => o.type.startsWith('customer.') && o.type !== 'customer.opened'))
    b.knowledge = await q.query<{ afterSeq: number; cursor: number }>(
      `SELECT after_seq AS "afterSeq", cursor FROM counter_knowledge WHERE counter_id = $1 AND after_seq >= COALESCE(
       (SELECT max(after_seq) FROM counter_knowledge WHERE counter_id = $1 AND after_seq < $2), 0)
     ORDER BY after_seq`,
      [b.ctx.counterId, ops[0]?.seq ?? 0],
    );
}

async function loadCards(q: Queryable, b: Batch, cardNos: string[], customerIds: string[]): Promise<void> {
  if (cardNos.length === 0 && customerIds.length === 0) return;
  const rows = await q.query<Rec>(
    `SELECT card_no, id, hall_id, customer_id, format_id, region, status, issued_at, issued_by, counter_id,
            blocked_at, blocked_reason
       FROM cards WHERE card_no = ANY($1) OR customer_id = ANY($2) FOR UPDATE`,
    [cardNos, customerIds],
  );
  for (const r of rows) {
    const c: CardState = {
      cardNo: r.card_no as string,
      id: r.id as string,
      hallId: r.hall_id as string,
      customerId: r.customer_id as string,
      formatId: r.format_id as string,
      region: r.region as number,
      status: r.status as CardState['status'],
      issuedAt: r.issued_at as string,
      issuedBy: r.issued_by as string,
      counterId: r.counter_id as string,
      blockedAt: (r.blocked_at as string | null) ?? null,
      blockedReason: (r.blocked_reason as string | null) ?? null,
      dirty: false,
    };
    b.cards.set(c.cardNo, c);
  }
}

async function loadCustomers(q: Queryable, b: Batch, ids: string[], accountNos: string[]): Promise<void> {
  if (ids.length > 0) {
    const rows = await q.query<Rec>(
      `SELECT id, hall_id, account_no, data, field_meta, updated_hlc, origin_counter_id, balance, balance_by, purchase_count
         FROM customers WHERE id = ANY($1) ORDER BY id FOR UPDATE`,
      [ids],
    );
    for (const r of rows) {
      const c: CustomerState = {
        id: r.id as string,
        hallId: r.hall_id as string,
        accountNo: r.account_no as string,
        data: r.data as Rec,
        fieldMeta: r.field_meta as CustomerState['fieldMeta'],
        updatedHlc: r.updated_hlc as string,
        originCounterId: r.origin_counter_id as string,
        balance: r.balance as number,
        balanceBy: r.balance_by as Record<string, number>,
        purchaseCount: r.purchase_count as number,
        dirty: false,
        publish: false,
      };
      b.customers.set(c.id, c);
    }
  }
  if (accountNos.length > 0) {
    const rows = await q.query<{ id: string; account_no: string }>(
      'SELECT id, account_no FROM customers WHERE hall_id = $1 AND account_no = ANY($2)',
      [b.ctx.hallId, accountNos],
    );
    for (const r of rows) b.accountNos.set(r.account_no, r.id);
  }
}
