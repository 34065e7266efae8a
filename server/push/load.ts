/**
 * Loads, under the batch's locks, the head-office rows a batch's operations touch, in one statement (one round
 * trip under locks every batch of the hall waits behind): the cards it names or whose customers get a new card
 * (locked), their customers and the ones it names (locked, in id order), account numbers already taken, the
 * sales it names (with what corrections already took back) and which of its own sale ids are taken already, the purchase-count claims of the cards'
 * customers, the counter's shifts it names, the price versions its sales name, what the counter knew of the
 * feed, its digests of the batch's days, which of its customers of other halls head office gave the counter, and
 * the company's pull scope. Runtime: Node.
 */
import type { PriceVersion } from '../../core/contract/prices';
import { type DayDigest, opDay } from '../../core/sync/digest';
import type { Queryable } from '../pg/store';
import type { CardState, CustomerState, PushedOp, Rec, SaleState, ServiceRecordState, World } from './world';

const str = (v: unknown) => (typeof v === 'string' ? v : undefined);

/** Everything the batch's readable payloads name, by kind. */
function named(ops: readonly PushedOp[]) {
  const n = {
    cards: new Set<string>(),
    owners: new Set<string>(),
    customers: new Set<string>(),
    accountNos: new Set<string>(),
    sales: new Set<string>(),
    newSales: new Set<string>(),
    shifts: new Set<string>(),
    prices: new Set<string>(),
    services: new Set<string>(),
  };
  for (const op of ops) {
    if (!op.read.ok) continue;
    const d = op.read.data as Rec;
    for (const k of ['customerId', 'id'] as const)
      if (str(d[k]) && (k === 'customerId' || op.type.startsWith('customer.') || op.type === 'meter.changed'))
        n.customers.add(d[k] as string);
    if (op.type === 'customer.opened' && str(d.accountNo)) n.accountNos.add(d.accountNo as string);
    if (str(d.cardNo)) n.cards.add(d.cardNo as string);
    if (str(d.replaces)) n.cards.add(d.replaces as string);
    if (op.type === 'card.issued' || op.type === 'card.replaced') n.owners.add(d.customerId as string);
    if (op.type.startsWith('sale.') && str(d.id)) n.newSales.add(d.id as string); // held already?
    // Sales it names that an earlier batch recorded (a sale of this batch is not in the table yet).
    for (const k of ['saleId', 'correctsSaleId'] as const)
      if (str(d[k]) && !n.newSales.has(d[k] as string)) n.sales.add(d[k] as string);
    if (str(d.shiftId)) n.shifts.add(d.shiftId as string);
    if (op.type.startsWith('shift.')) n.shifts.add(op.entityId);
    if (str(d.priceVersionId)) n.prices.add(d.priceVersionId as string);
    if (
      op.type === 'acceptance.recorded' ||
      op.type === 'complaint.recorded' ||
      op.type === 'appointment.booked' ||
      op.type === 'workOrder.opened' ||
      op.type === 'inspection.recorded' ||
      op.type === 'installation.applied'
    )
      n.services.add(d.id as string);
    if (op.type.startsWith('appointment.') && str(d.appointmentId)) n.services.add(d.appointmentId as string);
    if (op.type.startsWith('workOrder.') && str(d.workOrderId)) n.services.add(d.workOrderId as string);
    if (op.type === 'inspection.rectified' && str(d.inspectionId)) n.services.add(d.inspectionId as string);
    if (op.type === 'installation.stepped' && str(d.installationId))
      n.services.add(d.installationId as string);
    if ((op.type.startsWith('complaint.') || op.type === 'followup.recorded') && str(d.complaintId))
      n.services.add(d.complaintId as string);
  }
  return n;
}

export async function load(q: Queryable, w: World, ops: readonly PushedOp[]): Promise<void> {
  const n = named(ops);
  const needKnowledge = ops.some((o) => o.type.startsWith('customer.') && o.type !== 'customer.opened');
  const [r] = await q.query<Loaded>(LOAD_SQL, [
    [...n.cards],
    [...n.owners],
    [...n.customers],
    w.ctx.hallId,
    [...n.accountNos],
    [...n.sales],
    w.ctx.counterId,
    needKnowledge ? (ops[0]?.seq ?? 0) : -1,
    [...new Set(ops.map((o) => opDay(o.createdAt, w.ctx.timeZone)))],
    [...n.shifts],
    [...n.prices],
    [...n.newSales],
  ]);
  const loaded = r!;
  for (const c of loaded.cards) w.cards.set(c.cardNo, { ...c, dirty: false });
  for (const c of loaded.customers)
    w.customers.set(c.id, { ...c, dirty: false, fileChanged: false, publish: false });
  for (const a of loaded.accountNos) w.accountNos.set(a.accountNo, a.id);
  for (const s of loaded.sales) w.sales.set(s.id, s);
  for (const id of loaded.heldSales) w.heldSales.add(id);
  for (const { customerId, count, ...claim } of loaded.claims) {
    w.claims.set(`${customerId}:${count}`, { ...claim, isNew: false });
    if (claim.counterId === w.ctx.counterId && count > (w.ownCounts.get(customerId) ?? 0))
      w.ownCounts.set(customerId, count);
  }
  for (const s of loaded.shifts) w.shifts.set(s.id as string, s);
  for (const p of loaded.prices) w.priceVersions.set(p.id, p);
  if (needKnowledge) w.knowledge = loaded.knowledge;
  w.digests = new Map(loaded.digests.map((d) => [d.day, d]));
  for (const id of loaded.visits) w.visits.add(id);
  w.companyScope = loaded.pullScope === 'company';
  if (n.services.size > 0) await loadServiceRecords(q, w, [...n.services]);
}

/** The acceptances and complaints the batch names (only a batch with service-desk operations asks). */
async function loadServiceRecords(q: Queryable, w: World, ids: string[]): Promise<void> {
  const rows = await q.query<ServiceRecordState>(
    `SELECT id, hall_id AS "hallId", counter_id AS "counterId", kind, no, customer_id AS "customerId", status,
       step_count AS "stepCount", data, created_at AS "createdAt", updated_at AS "updatedAt"
     FROM service_records WHERE id = ANY($1) FOR UPDATE`,
    [ids],
  );
  for (const r of rows) w.serviceRecords.set(r.id, r);
}

/** The one row LOAD_SQL answers: each set as a JSON array of objects already in the world's own shape. */
interface Loaded {
  cards: Omit<CardState, 'dirty'>[];
  customers: Omit<CustomerState, 'dirty' | 'fileChanged' | 'publish'>[];
  accountNos: { id: string; accountNo: string }[];
  sales: SaleState[];
  heldSales: string[];
  claims: { customerId: string; count: number; counterId: string; opId: string; cardNo: string }[];
  shifts: Rec[];
  prices: PriceVersion[];
  knowledge: { afterSeq: number; cursor: number }[];
  digests: DayDigest[];
  /** The batch's customers of other halls head office gave this counter (server/visits/fetch.ts). */
  visits: string[];
  pullScope: 'hall' | 'company' | null;
}

/**
 * Run after the counter and feed locks are held, so its snapshot already holds every write it could have
 * waited for (all of them are made under the feed lock).
 */
const LOAD_SQL = `
  WITH k AS (
    SELECT card_no, id, hall_id, customer_id, format_id, region, status, issued_at, issued_by, counter_id, blocked_at,
           blocked_reason
      FROM cards WHERE card_no = ANY($1) OR customer_id = ANY($2) FOR UPDATE),
  c AS (
    SELECT id, hall_id, account_no, data, field_meta, updated_hlc, origin_counter_id, balance, balance_by, gas_use_by,
           purchase_count
      FROM customers WHERE id = ANY(ARRAY(SELECT unnest($3::text[]) UNION SELECT customer_id FROM k))
      ORDER BY id FOR UPDATE)
  SELECT
    (SELECT COALESCE(json_agg(x), '[]') FROM (SELECT card_no AS "cardNo", id, hall_id AS "hallId",
       customer_id AS "customerId", format_id AS "formatId", region, status, issued_at AS "issuedAt",
       issued_by AS "issuedBy", counter_id AS "counterId", blocked_at AS "blockedAt", blocked_reason AS "blockedReason"
       FROM k) x) AS cards,
    (SELECT COALESCE(json_agg(x), '[]') FROM (SELECT id, hall_id AS "hallId", account_no AS "accountNo", data,
       field_meta AS "fieldMeta", updated_hlc AS "updatedHlc", origin_counter_id AS "originCounterId", balance,
       balance_by AS "balanceBy", gas_use_by AS "gasUseBy", purchase_count AS "purchaseCount" FROM c) x) AS customers,
    (SELECT COALESCE(json_agg(a), '[]') FROM (SELECT id, account_no AS "accountNo" FROM customers
       WHERE hall_id = $4 AND account_no = ANY($5)) a) AS "accountNos",
    (SELECT COALESCE(json_agg(s), '[]') FROM (SELECT s.id, s.counter_id AS "counterId",
       s.business_date AS "businessDate", s.kind, s.status,
       s.customer_id AS "customerId", s.volume, s.amount, s.balance_used AS "balanceUsed",
       s.balance_added AS "balanceAdded", s.amount_paid AS "amountPaid",
       COALESCE((SELECT -sum(x.amount_paid) FROM sales x WHERE x.corrects_sale_id = s.id), 0) AS corrected
       FROM sales s WHERE s.id = ANY($6)) s) AS sales,
    (SELECT COALESCE(json_agg(id), '[]') FROM sales WHERE id = ANY($12)) AS "heldSales",
    (SELECT COALESCE(json_agg(p), '[]') FROM (SELECT customer_id AS "customerId", count, counter_id AS "counterId",
       op_id AS "opId", card_no AS "cardNo" FROM purchase_counts WHERE customer_id IN (SELECT customer_id FROM k)) p)
       AS claims,
    (SELECT COALESCE(json_agg(h), '[]') FROM (SELECT id, counter_id AS "counterId", operator_id AS "operatorId",
       business_date AS "businessDate", opened_at AS "openedAt", float, status, closed_at AS "closedAt", counted,
       expected, difference, note FROM shifts WHERE id = ANY($10)) h) AS shifts,
    (SELECT COALESCE(json_agg(data), '[]') FROM price_versions WHERE id = ANY($11)) AS prices,
    (SELECT COALESCE(json_agg(n ORDER BY n."afterSeq"), '[]') FROM (SELECT after_seq AS "afterSeq", cursor
       FROM counter_knowledge WHERE $8::bigint >= 0 AND counter_id = $7 AND after_seq >= COALESCE(
         (SELECT max(after_seq) FROM counter_knowledge WHERE counter_id = $7 AND after_seq < $8::bigint), 0)) n) AS knowledge,
    (SELECT COALESCE(json_agg(d), '[]') FROM (SELECT day, count, amount, volume, ids_hash AS "idsHash", last_seq AS "lastSeq"
       FROM day_digests WHERE counter_id = $7 AND day = ANY($9)) d) AS digests,
    (SELECT COALESCE(json_agg(v.customer_id), '[]') FROM customer_visits v
       WHERE v.counter_id = $7 AND v.customer_id IN (SELECT id FROM c)) AS visits,
    (SELECT pull_scope FROM company_settings WHERE id = 'company') AS "pullScope"`;
