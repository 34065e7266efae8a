/**
 * Writes a batch's working set back in bulk (one statement per table, JSON record sets) and publishes what
 * counters must see on the change feed: merged customers, cards, conflicts. Runtime: Node.
 */
import type { Queryable } from '../pg/store';
import { type FeedWrite, publish } from '../feed';
import type { Batch, CardState, CustomerState } from './batch';

const J = (rows: unknown[]) => JSON.stringify(rows);

export function customerFeedData(
  c: Pick<CustomerState, 'data' | 'updatedHlc' | 'purchaseCount' | 'balance' | 'balanceBy'>,
): unknown {
  return {
    ...c.data,
    version: 0,
    updatedHlc: c.updatedHlc,
    purchaseCount: c.purchaseCount,
    balance: c.balance,
    balanceBy: c.balanceBy,
  };
}

export function cardFeedData(c: CardState): unknown {
  const { dirty: _d, hallId: _h, counterId: _c, ...rest } = c;
  return rest;
}

export async function flush(q: Queryable, b: Batch): Promise<void> {
  const feed: FeedWrite[] = [];
  const customers = [...b.customers.values()].filter((c) => c.dirty);
  for (const c of customers)
    if (c.publish)
      feed.push({
        hallId: c.hallId,
        kind: 'customer',
        key: c.id,
        data: customerFeedData(c),
        originCounterId: b.ctx.counterId,
      });
  const cards = [...b.cards.values()].filter((c) => c.dirty);
  for (const c of cards)
    feed.push({
      hallId: c.hallId,
      kind: 'card',
      key: c.cardNo,
      data: cardFeedData(c),
      originCounterId: b.ctx.counterId,
    });
  for (const x of b.conflicts)
    feed.push({
      hallId: b.ctx.hallId,
      kind: 'conflict',
      key: x.id,
      data: {
        ...x,
        hallCode: b.ctx.hallCode,
        status: 'open',
        resolution: null,
        createdAt: new Date(b.nowMs).toISOString(),
      },
      originCounterId: b.ctx.counterId,
    });
  const cursors = await publish(q, feed);
  for (const c of customers) {
    const cursor = cursors.get(`customer:${c.id}`) ?? 0;
    for (const m of Object.values(c.fieldMeta)) if (m.cursor < 0) m.cursor = cursor;
  }
  if (customers.length > 0)
    await q.query(
      `INSERT INTO customers (id, hall_id, account_no, data, field_meta, updated_hlc, origin_counter_id, balance, balance_by,
         purchase_count)
       SELECT * FROM json_to_recordset($1::json) AS x(id text, hall_id text, account_no text, data jsonb, field_meta jsonb,
         updated_hlc text, origin_counter_id text, balance bigint, balance_by jsonb, purchase_count integer)
       ON CONFLICT (id) DO UPDATE SET data = excluded.data, field_meta = excluded.field_meta,
         updated_hlc = excluded.updated_hlc, origin_counter_id = excluded.origin_counter_id,
         balance = excluded.balance, balance_by = excluded.balance_by, purchase_count = excluded.purchase_count`,
      [
        J(
          customers.map((c) => ({
            id: c.id,
            hall_id: c.hallId,
            account_no: c.accountNo,
            data: c.data,
            field_meta: c.fieldMeta,
            updated_hlc: c.updatedHlc,
            origin_counter_id: c.originCounterId,
            balance: c.balance,
            balance_by: c.balanceBy,
            purchase_count: c.purchaseCount,
          })),
        ),
      ],
    );
  if (cards.length > 0)
    await q.query(
      `INSERT INTO cards (card_no, id, hall_id, customer_id, format_id, region, status, issued_at, issued_by, counter_id,
         blocked_at, blocked_reason)
       SELECT * FROM json_to_recordset($1::json) AS x(card_no text, id text, hall_id text, customer_id text, format_id text,
         region integer, status text, issued_at text, issued_by text, counter_id text, blocked_at text, blocked_reason text)
       ON CONFLICT (card_no) DO UPDATE SET status = excluded.status, blocked_at = excluded.blocked_at,
         blocked_reason = excluded.blocked_reason`,
      [
        J(
          cards.map((c) => ({
            card_no: c.cardNo,
            id: c.id,
            hall_id: c.hallId,
            customer_id: c.customerId,
            format_id: c.formatId,
            region: c.region,
            status: c.status,
            issued_at: c.issuedAt,
            issued_by: c.issuedBy,
            counter_id: c.counterId,
            blocked_at: c.blockedAt,
            blocked_reason: c.blockedReason,
          })),
        ),
      ],
    );
  await flushMoney(q, b);
  const claims = [...b.claims.entries()].filter(([, v]) => v.isNew);
  if (claims.length > 0)
    await q.query(
      `INSERT INTO purchase_counts (customer_id, count, card_no, counter_id, op_id)
       SELECT * FROM json_to_recordset($1::json) AS x(customer_id text, count integer, card_no text, counter_id text, op_id text)
       ON CONFLICT DO NOTHING`,
      [
        J(
          claims.map(([k, v]) => {
            const i = k.lastIndexOf(':');
            return {
              customer_id: k.slice(0, i),
              count: Number(k.slice(i + 1)),
              card_no: v.cardNo,
              counter_id: v.counterId,
              op_id: v.opId,
            };
          }),
        ),
      ],
    );
  if (b.conflicts.length > 0)
    await q.query(
      `INSERT INTO conflicts (id, hall_id, kind, entity_type, entity_id, field, current, incoming, current_counter_id,
         incoming_counter_id, op_id, status)
       SELECT x.id, $2, x.kind, x.entity_type, x.entity_id, x.field, x.current, x.incoming, x.current_counter_id,
         x.incoming_counter_id, x.op_id, 'open'
       FROM json_to_recordset($1::json) AS x(id text, kind text, entity_type text, entity_id text, field text,
         current jsonb, incoming jsonb, current_counter_id text, incoming_counter_id text, op_id text)
       ON CONFLICT DO NOTHING`,
      [
        J(
          b.conflicts.map((x) => ({
            id: x.id,
            kind: x.kind,
            entity_type: x.entityType,
            entity_id: x.entityId,
            field: x.field,
            current: x.current ?? null,
            incoming: x.incoming ?? null,
            current_counter_id: x.currentCounterId,
            incoming_counter_id: x.incomingCounterId,
            op_id: x.opId,
          })),
        ),
        b.ctx.hallId,
      ],
    );
}

async function flushMoney(q: Queryable, b: Batch): Promise<void> {
  // The batch's sales are already stored (early-sales.ts); here only what needed the lock.
  if (b.saleStatus.size > 0)
    await q.query(
      `UPDATE sales s SET status = x.status FROM json_to_recordset($1::json) AS x(id text, status text) WHERE s.id = x.id`,
      [J([...b.saleStatus].map(([id, status]) => ({ id, status })))],
    );
  if (b.shifts.size > 0)
    await q.query(
      `INSERT INTO shifts (id, counter_id, operator_id, business_date, opened_at, float, status, closed_at, counted, expected,
         difference, note)
       SELECT * FROM json_to_recordset($1::json) AS x(id text, "counterId" text, "operatorId" text, "businessDate" text,
         "openedAt" text, float bigint, status text, "closedAt" text, counted bigint, expected bigint, difference bigint, note text)
       ON CONFLICT (id) DO UPDATE SET status = excluded.status, closed_at = excluded.closed_at, counted = excluded.counted,
         expected = excluded.expected, difference = excluded.difference, note = excluded.note`,
      [J([...b.shifts.values()])],
    );
  if (b.readings.length > 0)
    await q.query(
      `INSERT INTO meter_readings (id, counter_id, customer_id, card_no, meter_no, loaded_count, remaining, cumulative_used,
         status, read_at, recorded_at)
       SELECT * FROM json_to_recordset($1::json) AS x(id text, "counterId" text, "customerId" text, "cardNo" text,
         "meterNo" text, "loadedCount" integer, remaining bigint, "cumulativeUsed" bigint, status jsonb, "readAt" bigint,
         "recordedAt" text)
       ON CONFLICT DO NOTHING`,
      [J(b.readings)],
    );
}
