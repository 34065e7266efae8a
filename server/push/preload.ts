/**
 * Loads, under the batch's locks, the head-office rows a batch's operations touch: customers, cards, purchase
 * count claims, sales whose card-write outcome arrives, the hall's account numbers, and what the counter knew
 * of the feed, and its digests. One query per batch, whatever its size. Runtime: Node.
 */
import type { Queryable } from '../pg/store';
import type { Batch, CardState, CustomerState, PushedOp, Rec } from './batch';
import { SALE_TYPES } from './early-sales';
import { type DayDigest, opDay } from '../../core/sync/digest';

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
  const needKnowledge = ops.some((o) => o.type.startsWith('customer.') && o.type !== 'customer.opened');
  const [r] = await q.query<Loaded>(PRELOAD_SQL, [
    [...cardNos],
    [...owners],
    [...customerIds],
    b.ctx.hallId,
    [...accountNos],
    [...saleIds],
    b.ctx.counterId,
    needKnowledge ? (ops[0]?.seq ?? 0) : -1,
    [...new Set(ops.map((o) => opDay(o.createdAt, b.ctx.timeZone)))],
  ]);
  const loaded = r!;
  for (const c of loaded.cards) b.cards.set(c.cardNo, { ...c, dirty: false });
  for (const c of loaded.customers) b.customers.set(c.id, { ...c, dirty: false, publish: false });
  for (const a of loaded.accountNos) b.accountNos.set(a.accountNo, a.id);
  for (const id of loaded.knownSales) b.knownSales.add(id);
  for (const { customerId, count, ...claim } of loaded.claims)
    b.claims.set(`${customerId}:${count}`, { ...claim, isNew: false });
  if (needKnowledge) b.knowledge = loaded.knowledge;
  b.digests = new Map(loaded.digests.map((d) => [d.day, d]));
}

/** The one row PRELOAD_SQL answers: each set as a JSON array of objects already in the batch's own shape. */
interface Loaded {
  cards: Omit<CardState, 'dirty'>[];
  customers: Omit<CustomerState, 'dirty' | 'publish'>[];
  accountNos: { id: string; accountNo: string }[];
  knownSales: string[];
  claims: { customerId: string; count: number; counterId: string; opId: string; cardNo: string }[];
  knowledge: { afterSeq: number; cursor: number }[];
  digests: DayDigest[];
}

/**
 * Everything a batch reads, in one statement (one round trip under the locks, which every batch of the hall
 * waits behind): the cards it names or whose customers get a new card (locked), their customers and the ones it
 * names (locked, in id order), account numbers already taken, sales whose card-write outcome arrives, the
 * purchase-count claims of the cards' customers, what the counter knew of the feed ($8 < 0: not needed) and its
 * digests of the batch's days. Run after the counter and feed locks are held, so its snapshot already holds
 * every write it could have waited for (all of them are made under the feed lock).
 */
const PRELOAD_SQL = `
  WITH k AS (
    SELECT card_no, id, hall_id, customer_id, format_id, region, status, issued_at, issued_by, counter_id, blocked_at,
           blocked_reason
      FROM cards WHERE card_no = ANY($1) OR customer_id = ANY($2) FOR UPDATE),
  c AS (
    SELECT id, hall_id, account_no, data, field_meta, updated_hlc, origin_counter_id, balance, balance_by, purchase_count
      FROM customers WHERE id = ANY(ARRAY(SELECT unnest($3::text[]) UNION SELECT customer_id FROM k)) -- by its index
      ORDER BY id FOR UPDATE)
  SELECT
    (SELECT COALESCE(json_agg(x), '[]') FROM (SELECT card_no AS "cardNo", id, hall_id AS "hallId",
       customer_id AS "customerId", format_id AS "formatId", region, status, issued_at AS "issuedAt",
       issued_by AS "issuedBy", counter_id AS "counterId", blocked_at AS "blockedAt", blocked_reason AS "blockedReason"
       FROM k) x) AS cards,
    (SELECT COALESCE(json_agg(x), '[]') FROM (SELECT id, hall_id AS "hallId", account_no AS "accountNo", data,
       field_meta AS "fieldMeta", updated_hlc AS "updatedHlc", origin_counter_id AS "originCounterId", balance,
       balance_by AS "balanceBy", purchase_count AS "purchaseCount" FROM c) x) AS customers,
    (SELECT COALESCE(json_agg(a), '[]') FROM (SELECT id, account_no AS "accountNo" FROM customers
       WHERE hall_id = $4 AND account_no = ANY($5)) a) AS "accountNos",
    (SELECT COALESCE(json_agg(id), '[]') FROM sales WHERE id = ANY($6)) AS "knownSales",
    (SELECT COALESCE(json_agg(p), '[]') FROM (SELECT customer_id AS "customerId", count, counter_id AS "counterId",
       op_id AS "opId", card_no AS "cardNo" FROM purchase_counts WHERE customer_id IN (SELECT customer_id FROM k)) p)
       AS claims,
    (SELECT COALESCE(json_agg(n ORDER BY n."afterSeq"), '[]') FROM (SELECT after_seq AS "afterSeq", cursor
       FROM counter_knowledge WHERE $8::bigint >= 0 AND counter_id = $7 AND after_seq >= COALESCE(
         (SELECT max(after_seq) FROM counter_knowledge WHERE counter_id = $7 AND after_seq < $8::bigint), 0)) n) AS knowledge,
    (SELECT COALESCE(json_agg(d), '[]') FROM (SELECT day, count, amount, volume, ids_hash AS "idsHash", last_seq AS "lastSeq"
       FROM day_digests WHERE counter_id = $7 AND day = ANY($9)) d) AS digests`;
