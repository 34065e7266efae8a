/**
 * Writes a batch's working set back in bulk (one statement, JSON record sets) and publishes what counters must
 * see on the change feed: merged customers, cards, conflicts. Runtime: Node.
 */
import type { DayDigest } from '../../core/sync/digest';
import type { QuarantinedOp } from '../../core/sync/wire';
import { feedJson, publishSql } from '../feed';
import type { Queryable } from '../pg/store';
import { Statement } from '../pg/statement';
import type { Batch } from './batch';
import { cardRow, claimRow, conflictRow, customerRow, feedWrites } from './flush-rows';

/** The batch's outcome to write with its working set, under the same locks. */
export interface BatchEnd {
  readonly quarantined: readonly QuarantinedOp[];
  readonly digests: readonly DayDigest[];
  readonly head: { readonly seq: number; readonly hash: string };
}

/**
 * Writes everything a batch changed in one statement (one round trip under the locks every batch of the hall
 * waits behind): feed entries (taking their cursors), customers — whose field stamps written by this batch
 * (cursor -1) get their entry's cursor — cards, purchase-count claims, conflicts, sale outcomes, shifts,
 * readings, quarantined ops, the counter's digests and its new head.
 */
export async function flush(q: Queryable, b: Batch, end: BatchEnd): Promise<void> {
  const st = new Statement();
  const customers = [...b.customers.values()].filter((c) => c.dirty);
  const cards = [...b.cards.values()].filter((c) => c.dirty);
  const feed = feedWrites(b, customers, cards);
  if (feed.length > 0) st.with('f', publishSql(st.param(feedJson(feed))));
  if (customers.length > 0)
    st.with(
      'cu',
      `INSERT INTO customers (id, hall_id, account_no, data, field_meta, updated_hlc, origin_counter_id, balance, balance_by,
         purchase_count)
       SELECT x.id, x.hall_id, x.account_no, x.data, ${stampedMeta(feed.length > 0)}, x.updated_hlc, x.origin_counter_id,
         x.balance, x.balance_by, x.purchase_count
       FROM ${rows(st, customers.map(customerRow))} AS x(id text, hall_id text, account_no text,
         data jsonb, field_meta jsonb, updated_hlc text, origin_counter_id text, balance bigint, balance_by jsonb,
         purchase_count integer)
       ${feed.length > 0 ? "LEFT JOIN f ON f.kind = 'customer' AND f.key = x.id" : ''}
       ON CONFLICT (id) DO UPDATE SET data = excluded.data, field_meta = excluded.field_meta,
         updated_hlc = excluded.updated_hlc, origin_counter_id = excluded.origin_counter_id,
         balance = excluded.balance, balance_by = excluded.balance_by, purchase_count = excluded.purchase_count`,
    );
  if (cards.length > 0)
    st.with(
      'ca',
      `INSERT INTO cards (card_no, id, hall_id, customer_id, format_id, region, status, issued_at, issued_by, counter_id,
         blocked_at, blocked_reason)
       SELECT * FROM ${rows(st, cards.map(cardRow))} AS x(card_no text, id text, hall_id text,
         customer_id text, format_id text, region integer, status text, issued_at text, issued_by text, counter_id text,
         blocked_at text, blocked_reason text)
       ON CONFLICT (card_no) DO UPDATE SET status = excluded.status, blocked_at = excluded.blocked_at,
         blocked_reason = excluded.blocked_reason`,
    );
  const claims = [...b.claims.entries()].filter(([, v]) => v.isNew);
  if (claims.length > 0)
    st.with(
      'pc',
      `INSERT INTO purchase_counts (customer_id, count, card_no, counter_id, op_id)
       SELECT * FROM ${rows(st, claims.map(claimRow))} AS x(customer_id text, count integer,
         card_no text, counter_id text, op_id text)
       ON CONFLICT DO NOTHING`,
    );
  if (b.conflicts.length > 0)
    st.with(
      'co',
      `INSERT INTO conflicts (id, hall_id, kind, entity_type, entity_id, field, current, incoming, current_counter_id,
         incoming_counter_id, op_id, status)
       SELECT x.id, ${st.param(b.ctx.hallId)}, x.kind, x.entity_type, x.entity_id, x.field, x.current, x.incoming,
         x.current_counter_id, x.incoming_counter_id, x.op_id, 'open'
       FROM ${rows(st, b.conflicts.map(conflictRow))} AS x(id text, kind text, entity_type text,
         entity_id text, field text, current jsonb, incoming jsonb, current_counter_id text, incoming_counter_id text,
         op_id text)
       ON CONFLICT DO NOTHING`,
    );
  flushMoney(st, b);
  flushEnd(st, b, end);
  await q.query(st.text('SELECT 1'), st.params);
}

/** `json_to_recordset($n::json)` of `data`, a new parameter of `st`. */
const rows = (st: Statement, data: readonly unknown[]) =>
  `json_to_recordset(${st.param(JSON.stringify(data))}::json)`;

/**
 * A customer's field stamps with this batch's (cursor -1) given the cursor its feed entry took in the same
 * statement (`f`), or 0 when it was not published.
 */
function stampedMeta(published: boolean): string {
  const cursor = published ? 'COALESCE(f.cursor, 0)' : '0';
  return `COALESCE((SELECT jsonb_object_agg(e.key, CASE WHEN (e.value->>'cursor')::bigint < 0
      THEN jsonb_set(e.value, '{cursor}', to_jsonb(${cursor})) ELSE e.value END)
    FROM jsonb_each(x.field_meta) AS e), '{}'::jsonb)`;
}

function flushMoney(st: Statement, b: Batch): void {
  // The batch's sales are already stored (early-sales.ts); here only what needed the lock.
  if (b.saleStatus.size > 0)
    st.with(
      'ss',
      `UPDATE sales s SET status = x.status
       FROM ${rows(
         st,
         [...b.saleStatus].map(([id, status]) => ({ id, status })),
       )}
         AS x(id text, status text)
       WHERE s.id = x.id`,
    );
  if (b.shifts.size > 0)
    st.with(
      'sh',
      `INSERT INTO shifts (id, counter_id, operator_id, business_date, opened_at, float, status, closed_at, counted, expected,
         difference, note)
       SELECT * FROM ${rows(st, [...b.shifts.values()])} AS x(id text, "counterId" text,
         "operatorId" text, "businessDate" text, "openedAt" text, float bigint, status text, "closedAt" text,
         counted bigint, expected bigint, difference bigint, note text)
       ON CONFLICT (id) DO UPDATE SET status = excluded.status, closed_at = excluded.closed_at, counted = excluded.counted,
         expected = excluded.expected, difference = excluded.difference, note = excluded.note`,
    );
  if (b.readings.length > 0)
    st.with(
      'mr',
      `INSERT INTO meter_readings (id, counter_id, customer_id, card_no, meter_no, loaded_count, remaining, cumulative_used,
         status, read_at, recorded_at)
       SELECT * FROM ${rows(st, b.readings)} AS x(id text, "counterId" text, "customerId" text,
         "cardNo" text, "meterNo" text, "loadedCount" integer, remaining bigint, "cumulativeUsed" bigint, status jsonb,
         "readAt" bigint, "recordedAt" text)
       ON CONFLICT DO NOTHING`,
    );
}

/** Quarantined ops, the digests and the counter's new head. */
function flushEnd(st: Statement, b: Batch, end: BatchEnd): void {
  const counter = st.param(b.ctx.counterId);
  if (end.quarantined.length > 0) {
    st.with(
      'qs',
      `UPDATE ops SET state = 'quarantined' WHERE counter_id = ${counter}
         AND seq = ANY(${st.param(end.quarantined.map((x) => x.seq))}::bigint[])`,
    );
    st.with(
      'qi',
      `INSERT INTO quarantine (op_id, counter_id, seq, type, code, reason)
       SELECT x.id, ${counter}, x.seq, x.type, x.code, x.reason
       FROM ${rows(st, [...end.quarantined])} AS x(id text, seq bigint, type text, code text,
         reason text)
       ON CONFLICT DO NOTHING`,
    );
  }
  st.with(
    'dd',
    `INSERT INTO day_digests (counter_id, day, count, amount, volume, ids_hash, last_seq)
     SELECT ${counter}, x.day, x.count, x.amount, x.volume, x."idsHash", x."lastSeq"
       FROM ${rows(st, [...end.digests])} AS x(day text, count integer, amount bigint,
         volume bigint, "idsHash" text, "lastSeq" bigint)
     ON CONFLICT (counter_id, day) DO UPDATE SET count = excluded.count, amount = excluded.amount,
       volume = excluded.volume, ids_hash = excluded.ids_hash, last_seq = excluded.last_seq`,
  );
  st.with(
    'hd',
    `UPDATE counters SET head_seq = ${st.param(end.head.seq)}, head_hash = ${st.param(end.head.hash)},
       last_seen_at = ${st.param(new Date(b.nowMs).toISOString())}, clock_skew_ms = ${st.param(b.ctx.clockSkewMs)}
     WHERE slot_id = ${st.param(b.ctx.slotId)}`,
  );
}
