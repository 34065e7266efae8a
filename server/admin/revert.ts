/**
 * A revoked (or compromised) counter's operations listed and reverted (reliability.md 16): every operation it
 * applied from a given sequence number on is undone as correcting entries — nothing is deleted: its ops rows,
 * sales and effects stay, each reverted op gets a `reversions` row saying what head office put back and what
 * it left because a later change had replaced it, a reverted sale gets a correcting sale, and every customer
 * and card put back is published to the hall's counters with a newer stamp, so they converge on it. One
 * transaction, under the counter's row lock and the feed lock (the order a push takes them); idempotent by the
 * caller's requestId. Runtime: Node.
 */
import { uuidv7 } from '../../core/ids';
import { AppError } from '../../core/errors';
import type { RevertInput, RevertResult } from '../../core/sync/wire-revert';
import { publish } from '../feed';
import { hlcAfter } from '../hlc';
import { LOCKS } from '../pg/migrate';
import type { Queryable, Store } from '../pg/store';
import { cardFeedData, customerFeedData } from '../push/feed-rows';
import type { CardState, CustomerState, Effect, Rec, ServiceRecordState } from '../push/world';
import { type RevertSet, undo } from './revert-effects';
import { writeRevertSummary } from './revert-report';

export async function listCounterOps(store: Store, slotId: string, since: number, limit: number) {
  const [c] = await store.query<{ counter_id: string | null }>(
    'SELECT counter_id FROM counters WHERE slot_id = $1',
    [slotId],
  );
  if (!c?.counter_id) throw new AppError('NOT_FOUND');
  const ops = await store.query(
    `SELECT o.seq, o.id, o.type, o.state, o.created_at AS "createdAt", o.operator_id AS "operatorId",
       CASE WHEN q.op_id IS NULL THEN NULL ELSE json_build_object('code', q.code, 'reason', q.reason) END AS quarantine,
       CASE WHEN r.op_id IS NULL THEN NULL ELSE json_build_object('at', r.at, 'reason', r.reason, 'by', r.by,
         'requestId', r.request_id) END AS reverted
     FROM ops o LEFT JOIN quarantine q ON q.op_id = o.id LEFT JOIN reversions r ON r.op_id = o.id
     WHERE o.counter_id = $1 AND o.seq >= $2 ORDER BY o.seq LIMIT $3`,
    [c.counter_id, since, limit],
  );
  return { counterId: c.counter_id, ops };
}

async function lockRevoked(q: Queryable, slotId: string): Promise<string> {
  const [c] = await q.query<{ counter_id: string | null; state: string }>(
    `SELECT c.counter_id, c.state, pg_advisory_xact_lock($2)::text AS feed_locked
       FROM (SELECT counter_id, state FROM counters WHERE slot_id = $1 FOR UPDATE) c`,
    [slotId, LOCKS.feed],
  );
  if (!c?.counter_id) throw new AppError('NOT_FOUND');
  if (c.state !== 'revoked') throw new AppError('COUNTER_NOT_REVOKED');
  return c.counter_id;
}

/** The answer a request already made gave (it changed nothing the second time). */
async function earlier(q: Queryable, counterId: string, requestId: string): Promise<RevertResult | null> {
  const rows = await q.query<{
    seq: number;
    id: string;
    type: string;
    result: { corrected: string[]; left: string[] };
  }>(
    `SELECT r.seq, r.op_id AS id, o.type, r.result FROM reversions r JOIN ops o ON o.id = r.op_id
      WHERE r.counter_id = $1 AND r.request_id = $2 ORDER BY r.seq DESC`,
    [counterId, requestId],
  );
  if (rows.length === 0) return null;
  return {
    requestId,
    counterId,
    reverted: rows.map((r) => ({ seq: r.seq, id: r.id, type: r.type, ...r.result })),
  };
}

async function loadSet(q: Queryable, counterId: string, effects: Effect[]): Promise<RevertSet> {
  const ids = (k: Effect['kind']) => effects.flatMap((e) => (e.kind === k ? [(e as { id: string }).id] : []));
  const customerIds = [...ids('customer'), ...ids('balance'), ...ids('gasUse')];
  const cardNos = effects.flatMap((e) => (e.kind === 'card' ? [e.cardNo] : []));
  const customers = await q.query<Omit<CustomerState, 'dirty' | 'publish'>>(
    `SELECT id, hall_id AS "hallId", account_no AS "accountNo", data, field_meta AS "fieldMeta",
       updated_hlc AS "updatedHlc", origin_counter_id AS "originCounterId", balance, balance_by AS "balanceBy",
       gas_use_by AS "gasUseBy", purchase_count AS "purchaseCount"
     FROM customers WHERE id = ANY(ARRAY(SELECT DISTINCT unnest($1::text[]))) ORDER BY id FOR UPDATE`,
    [customerIds],
  );
  const cards = await q.query<Omit<CardState, 'dirty'>>(
    `SELECT card_no AS "cardNo", id, hall_id AS "hallId", customer_id AS "customerId", format_id AS "formatId",
       region, status, issued_at AS "issuedAt", issued_by AS "issuedBy", counter_id AS "counterId",
       blocked_at AS "blockedAt", blocked_reason AS "blockedReason"
     FROM cards WHERE card_no = ANY($1) FOR UPDATE`,
    [cardNos],
  );
  const sales = await q.query<Rec>('SELECT * FROM sales WHERE id = ANY($1)', [ids('sale')]);
  const services = await q.query<ServiceRecordState>(
    `SELECT id, hall_id AS "hallId", counter_id AS "counterId", kind, no, customer_id AS "customerId", status,
       step_count AS "stepCount", data, created_at AS "createdAt", updated_at AS "updatedAt"
     FROM service_records WHERE id = ANY($1) FOR UPDATE`,
    [ids('service')],
  );
  return {
    counterId,
    customers: new Map(customers.map((c) => [c.id, { ...c, dirty: false, publish: false }])),
    cards: new Map(cards.map((c) => [c.cardNo, { ...c, dirty: false }])),
    sales: new Map(sales.map((s) => [s.id as string, s])),
    restoredFields: new Map(),
    dirtyCustomers: new Set(),
    dirtyCards: new Set(),
    services: new Map(services.map((r) => [r.id, r])),
    dirtyServices: new Set(),
    corrections: [],
  };
}

/** Writes what the revert put back, publishing customers and cards with stamps newer than any counter's. */
async function writeSet(q: Queryable, s: RevertSet, nowMs: number): Promise<void> {
  const customers = [...s.dirtyCustomers].map((id) => s.customers.get(id)!);
  for (const c of customers) c.updatedHlc = hlcAfter(nowMs, c.updatedHlc);
  const cards = [...s.dirtyCards].map((no) => s.cards.get(no)!);
  const cursors = await publish(q, [
    ...customers.map((c) => ({
      hallId: c.hallId,
      kind: 'customer' as const,
      key: c.id,
      data: customerFeedData(c),
      originCounterId: null,
    })),
    ...cards.map((c) => ({
      hallId: c.hallId,
      kind: 'card' as const,
      key: c.cardNo,
      data: cardFeedData(c),
      originCounterId: null,
    })),
  ]);
  for (const c of customers) {
    const cursor = cursors.get(`customer:${c.id}`) ?? 0;
    for (const f of s.restoredFields.get(c.id) ?? [])
      c.fieldMeta[f] = { hlc: c.updatedHlc, counterId: 'headoffice', cursor };
    await q.query(
      `UPDATE customers SET data = $2, field_meta = $3, updated_hlc = $4, balance = $5, balance_by = $6,
         gas_use_by = $7 WHERE id = $1`,
      [
        c.id,
        JSON.stringify(c.data),
        JSON.stringify(c.fieldMeta),
        c.updatedHlc,
        c.balance,
        JSON.stringify(c.balanceBy),
        JSON.stringify(c.gasUseBy),
      ],
    );
  }
  for (const c of cards)
    await q.query('UPDATE cards SET status = $2, blocked_at = $3, blocked_reason = $4 WHERE card_no = $1', [
      c.cardNo,
      c.status,
      c.blockedAt,
      c.blockedReason,
    ]);
  for (const id of s.dirtyServices) {
    const r = s.services.get(id)!;
    await q.query(
      'UPDATE service_records SET status = $2, step_count = $3, data = $4, updated_at = $5 WHERE id = $1',
      [r.id, r.status, r.stepCount, JSON.stringify(r.data), r.updatedAt],
    );
  }
  if (s.corrections.length > 0)
    await q.query(
      `INSERT INTO sales (id, counter_id, op_seq, receipt_no, invoice_no, kind, status, customer_id, user_class, shift_id,
         business_date, operator_id, approver_id, volume, amount, balance_used, balance_added, amount_paid,
         price_version_id, corrects_sale_id, reason, created_at)
       SELECT x.id, 'headoffice', 0, x.receipt_no, NULL, x.kind, 'completed', x.customer_id, x.user_class, 'headoffice',
         x.business_date, x.operator_id, NULL, x.volume, x.amount, x.balance_used, x.balance_added, x.amount_paid,
         x.price_version_id, x.corrects_sale_id, x.reason, x.created_at
       FROM json_to_recordset($1::json) AS x(id text, receipt_no text, kind text, customer_id text, user_class text,
         business_date text, operator_id text, volume bigint, amount bigint, balance_used bigint, balance_added bigint,
         amount_paid bigint, price_version_id text, corrects_sale_id text, reason text, created_at text)`,
      [JSON.stringify(s.corrections)],
    );
  await writeRevertSummary(q, s.sales, s.corrections);
}

export async function revertCounter(store: Store, slotId: string, input: RevertInput, nowMs: number) {
  return store.tx(async (q): Promise<RevertResult> => {
    const counterId = await lockRevoked(q, slotId);
    const done = await earlier(q, counterId, input.requestId);
    if (done) return done;
    const ops = await q.query<{ seq: number; id: string; type: string; effects: Effect[] | null }>(
      `SELECT o.seq, o.id, o.type, e.effects FROM ops o LEFT JOIN op_effects e ON e.op_id = o.id
        WHERE o.counter_id = $1 AND o.seq >= $2 AND o.state = 'applied'
          AND NOT EXISTS (SELECT 1 FROM reversions r WHERE r.op_id = o.id)
        ORDER BY o.seq DESC`,
      [counterId, input.sinceSeq],
    );
    const set = await loadSet(
      q,
      counterId,
      ops.flatMap((o) => o.effects ?? []),
    );
    const nowIso = new Date(nowMs).toISOString();
    const m = { nowIso, reason: input.reason, by: input.by, newId: () => uuidv7(nowMs) };
    const reverted = ops.map((o) => ({
      seq: o.seq,
      id: o.id,
      type: o.type,
      ...undo(set, o.effects ?? [], m),
    }));
    await writeSet(q, set, nowMs);
    if (reverted.length > 0)
      await q.query(
        `INSERT INTO reversions (op_id, counter_id, seq, request_id, reason, by, result)
         SELECT x.id, $2, x.seq, $3, $4, $5, x.result
         FROM json_to_recordset($1::json) AS x(id text, seq bigint, result jsonb)`,
        [
          JSON.stringify(
            reverted.map((r) => ({ id: r.id, seq: r.seq, result: { corrected: r.corrected, left: r.left } })),
          ),
          counterId,
          input.requestId,
          input.reason,
          input.by,
        ],
      );
    return { requestId: input.requestId, counterId, reverted };
  });
}
