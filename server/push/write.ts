/**
 * What a batch writes. Its ops rows first, before it waits for the batch ahead of it (insertOps: they go in
 * while that one is still being applied); then, under the locks, everything it changed in one statement (one
 * round trip under locks every batch of the hall waits behind): the sales it recorded (with lines and tenders),
 * sale outcomes, shifts, meter readings, customers (whose field stamps written by this batch — cursor -1 — get
 * their feed entry's cursor), cards, purchase-count claims, conflicts, quarantined ops, what each applied op
 * changed, the reports' summary of its sales and counted operations, the counter's digests and its new head, and the
 * feed entries counters pull. Runtime: Node.
 */
import type { DayDigest } from '../../core/sync/digest';
import type { QuarantinedOp, WireOp } from '../../core/sync/wire';
import { feedJson, publishSql } from '../feed';
import type { Queryable } from '../pg/store';
import { Statement } from '../pg/statement';
import { cardRow, claimRow, conflictRow, customerFiguresRow, customerRow, feedWrites } from './feed-rows';
import { isOpType } from '../../core/sync/ops';
import { RULES } from './rules';
import { type ReportDayRow, upsertReportDaysSql } from './report-days';
import type { World } from './world';

export interface BatchEnd {
  readonly quarantined: readonly QuarantinedOp[];
  readonly digests: readonly DayDigest[];
  /** The batch's last op: the counter's new head. */
  readonly head: { readonly seq: number; readonly hash: string };
  /** The reports' summary of its sales and counted operations (report-days.ts). */
  readonly reportDays: readonly ReportDayRow[];
}

/** `json_to_recordset($n::json)` of `data`, a new parameter of `st`. */
const rows = (st: Statement, data: readonly unknown[]) =>
  `json_to_recordset(${st.param(JSON.stringify(data))}::json)`;

/**
 * Stores the batch's ops rows under their unique keys — `(counter_id, seq)` and `(id)` — with
 * `INSERT … ON CONFLICT DO NOTHING` (never check-then-insert), each in the state its type gives it (`applied`
 * when head office has a rule for it, else `stored`; writeBatch marks the ones refused `quarantined`, in the
 * same transaction). Answers how many went in: the ones head office did not hold already.
 */
export async function insertOps(q: Queryable, counterId: string, ops: readonly WireOp[]): Promise<number> {
  const [r] = await q.query<{ inserted: number }>(
    `WITH i AS (
       INSERT INTO ops (counter_id, seq, id, type, entity_type, entity_id, payload, operator_id, approver_id, hlc,
         created_at, prev_hash, hash, state)
       SELECT $1, x.seq, x.id, x.type, x."entityType", x."entityId", x.payload, x."operatorId", x."approverId",
         x.hlc, x."createdAt", x."prevHash", x.hash, x.state
       FROM json_to_recordset($2::json) AS x(seq bigint, id text, type text, "entityType" text, "entityId" text,
         payload text, "operatorId" text, "approverId" text, hlc text, "createdAt" text, "prevHash" text, hash text,
         state text)
       ON CONFLICT DO NOTHING RETURNING 1)
     SELECT count(*)::int AS inserted FROM i`,
    [
      counterId,
      JSON.stringify(
        ops.map((o) => ({ ...o, state: isOpType(o.type) && RULES[o.type] ? 'applied' : 'stored' })),
      ),
    ],
  );
  return r!.inserted;
}

export async function writeBatch(q: Queryable, w: World, end: BatchEnd): Promise<void> {
  const st = new Statement();
  const counter = st.param(w.ctx.counterId);
  writeShared(st, w);
  writeMoney(st, w, counter);
  writeEnd(st, w, end, counter);
  await q.query(st.text('SELECT 1'), st.params);
}

/** What the hall's counters share: feed entries, customers, cards, purchase-count claims, conflicts. */
function writeShared(st: Statement, w: World): void {
  const customers = [...w.customers.values()].filter((c) => c.dirty);
  const files = customers.filter((c) => c.fileChanged);
  const figures = customers.filter((c) => !c.fileChanged);
  const cards = [...w.cards.values()].filter((c) => c.dirty);
  const feed = feedWrites(w, customers, cards);
  if (feed.length > 0) st.with('f', publishSql(st.param(feedJson(feed))));
  if (files.length > 0)
    st.with(
      'cu',
      `INSERT INTO customers (id, hall_id, account_no, data, field_meta, updated_hlc, origin_counter_id, balance, balance_by,
         gas_use_by, purchase_count)
       SELECT x.id, x.hall_id, x.account_no, x.data, ${stampedMeta(feed.length > 0)}, x.updated_hlc, x.origin_counter_id,
         x.balance, x.balance_by, x.gas_use_by, x.purchase_count
       FROM ${rows(st, files.map(customerRow))} AS x(id text, hall_id text, account_no text,
         data jsonb, field_meta jsonb, updated_hlc text, origin_counter_id text, balance bigint, balance_by jsonb,
         gas_use_by jsonb, purchase_count integer)
       ${feed.length > 0 ? "LEFT JOIN f ON f.kind = 'customer' AND f.key = x.id" : ''}
       ON CONFLICT (id) DO UPDATE SET data = excluded.data, field_meta = excluded.field_meta,
         updated_hlc = excluded.updated_hlc, origin_counter_id = excluded.origin_counter_id,
         balance = excluded.balance, balance_by = excluded.balance_by, gas_use_by = excluded.gas_use_by,
         purchase_count = excluded.purchase_count`,
    );
  if (figures.length > 0)
    st.with(
      'cm',
      `UPDATE customers c SET balance = x.balance, balance_by = x.balance_by, gas_use_by = x.gas_use_by,
         purchase_count = x.purchase_count
       FROM ${rows(st, figures.map(customerFiguresRow))} AS x(id text, balance bigint, balance_by jsonb,
         gas_use_by jsonb, purchase_count integer)
       WHERE c.id = x.id`,
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
  const claims = [...w.claims.entries()].filter(([, v]) => v.isNew);
  if (claims.length > 0)
    st.with(
      'pc',
      `INSERT INTO purchase_counts (customer_id, count, card_no, counter_id, op_id)
       SELECT * FROM ${rows(st, claims.map(claimRow))} AS x(customer_id text, count integer,
         card_no text, counter_id text, op_id text)
       ON CONFLICT DO NOTHING`,
    );
  if (w.conflicts.length > 0)
    st.with(
      'co',
      `INSERT INTO conflicts (id, hall_id, kind, entity_type, entity_id, field, current, incoming, current_counter_id,
         incoming_counter_id, op_id, status)
       SELECT x.id, ${st.param(w.ctx.hallId)}, x.kind, x.entity_type, x.entity_id, x.field, x.current, x.incoming,
         x.current_counter_id, x.incoming_counter_id, x.op_id, 'open'
       FROM ${rows(st, w.conflicts.map(conflictRow))} AS x(id text, kind text, entity_type text,
         entity_id text, field text, current jsonb, incoming jsonb, current_counter_id text, incoming_counter_id text,
         op_id text)
       ON CONFLICT DO NOTHING`,
    );
}

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

/** The counter's own records: sales (with lines and tenders), sale outcomes, shifts, meter readings. */
function writeMoney(st: Statement, w: World, counter: string): void {
  const sales = w.freshSales();
  if (sales.length > 0) {
    // Three flat record sets, each parsed once: the sales' columns, their lines, their tenders.
    const saleRows = st.param(JSON.stringify(sales.map(({ lines: _l, tenders: _t, ...s }) => s)));
    const lineRows = st.param(
      JSON.stringify(sales.flatMap((s) => s.lines.map((l) => ({ ...l, saleId: s.id })))),
    );
    const tenderRows = st.param(
      JSON.stringify(sales.flatMap((s) => s.tenders.map((t) => ({ ...t, saleId: s.id })))),
    );
    st.with(
      's',
      `INSERT INTO sales (id, counter_id, op_seq, receipt_no, invoice_no, kind, status, customer_id, user_class, shift_id,
         business_date, operator_id, approver_id, volume, amount, balance_used, balance_added, amount_paid,
         price_version_id, corrects_sale_id, reason, created_at)
       SELECT x.id, ${counter}, x."opSeq", x."receiptNo", x."invoiceNo", x.kind, x.status, x."customerId", x."userClass",
         x."shiftId", x."businessDate", x."operatorId", x."approverId", x.volume, x.amount, x."balanceUsed",
         x."balanceAdded", x."amountPaid", x."priceVersionId", x."correctsSaleId", x.reason, x."createdAt"
       FROM json_to_recordset(${saleRows}::json) AS x(id text, "opSeq" bigint, "receiptNo" text, "invoiceNo" text,
         kind text, status text, "customerId" text, "userClass" text, "shiftId" text, "businessDate" text,
         "operatorId" text, "approverId" text, volume bigint, amount bigint, "balanceUsed" bigint,
         "balanceAdded" bigint, "amountPaid" bigint, "priceVersionId" text, "correctsSaleId" text, reason text,
         "createdAt" text)`,
    );
    st.with(
      'sl',
      `INSERT INTO sale_lines (sale_id, line_no, kind, tier, fee_item_id, name, volume, price_li, qty, amount)
       SELECT l."saleId", l."lineNo", l.kind, l.tier, l."feeItemId", l.name, l.volume, l."priceLi", l.qty, l.amount
       FROM json_to_recordset(${lineRows}::json) AS l("saleId" text, "lineNo" integer, kind text, tier integer,
         "feeItemId" text, name text, volume bigint, "priceLi" bigint, qty integer, amount bigint)`,
    );
    st.with(
      'st',
      `INSERT INTO sale_tenders (sale_id, line_no, method, amount, received, change, reference)
       SELECT t."saleId", t."lineNo", t.method, t.amount, t.received, t.change, t.reference
       FROM json_to_recordset(${tenderRows}::json) AS t("saleId" text, "lineNo" integer, method text,
         amount bigint, received bigint, change bigint, reference text)`,
    );
  }
  if (w.saleStatus.size > 0)
    // Two arrays, not a JSON record set: unnest's small row estimate keeps the sales' primary key in the plan
    // (json_to_recordset's 100 rows made the planner scan every sale once the table was a few thousand long).
    st.with(
      'ss',
      `UPDATE sales s SET status = x.status
       FROM unnest(${st.param([...w.saleStatus.keys()])}::text[], ${st.param([...w.saleStatus.values()])}::text[])
         AS x(id, status)
       WHERE s.id = x.id`,
    );
  if (w.dirtyShifts.size > 0)
    st.with(
      'sh',
      `INSERT INTO shifts (id, counter_id, operator_id, business_date, opened_at, float, status, closed_at, counted, expected,
         difference, note)
       SELECT * FROM ${rows(
         st,
         [...w.dirtyShifts].map((id) => w.shifts.get(id)),
       )} AS x(id text, "counterId" text, "operatorId" text, "businessDate" text, "openedAt" text, float bigint,
         status text, "closedAt" text, counted bigint, expected bigint, difference bigint, note text)
       ON CONFLICT (id) DO UPDATE SET status = excluded.status, closed_at = excluded.closed_at, counted = excluded.counted,
         expected = excluded.expected, difference = excluded.difference, note = excluded.note`,
    );
  if (w.dirtyServiceRecords.size > 0)
    st.with(
      'sv',
      `INSERT INTO service_records (id, hall_id, counter_id, kind, no, customer_id, status, step_count, data, created_at,
         updated_at)
       SELECT * FROM ${rows(
         st,
         [...w.dirtyServiceRecords].map((id) => w.serviceRecords.get(id)),
       )} AS x(id text, "hallId" text, "counterId" text, kind text, no text, "customerId" text, status text,
         "stepCount" integer, data jsonb, "createdAt" text, "updatedAt" text)
       ON CONFLICT (id) DO UPDATE SET status = excluded.status, step_count = excluded.step_count, data = excluded.data,
         updated_at = excluded.updated_at`,
    );
  if (w.readings.length > 0)
    st.with(
      'mr',
      `INSERT INTO meter_readings (id, counter_id, customer_id, card_no, meter_no, loaded_count, remaining, cumulative_used,
         status, read_at, recorded_at)
       SELECT * FROM ${rows(st, w.readings)} AS x(id text, "counterId" text, "customerId" text,
         "cardNo" text, "meterNo" text, "loadedCount" integer, remaining bigint, "cumulativeUsed" bigint, status jsonb,
         "readAt" bigint, "recordedAt" text)
       ON CONFLICT DO NOTHING`,
    );
}

/** Quarantined ops, what the applied ones changed, the digests and the counter's new head. */
function writeEnd(st: Statement, w: World, end: BatchEnd, counter: string): void {
  if (end.quarantined.length > 0)
    st.with(
      'qs',
      `UPDATE ops SET state = 'quarantined' WHERE counter_id = ${counter}
         AND seq = ANY(${st.param(end.quarantined.map((x) => x.seq))}::bigint[])`,
    );
  if (w.effects.size > 0)
    st.with(
      'ef',
      `INSERT INTO op_effects (op_id, counter_id, seq, effects)
       SELECT x.id, ${counter}, x.seq, x.effects
       FROM ${rows(
         st,
         [...w.effects].map(([id, e]) => ({ id, seq: e.seq, effects: e.effects })),
       )} AS x(id text, seq bigint, effects jsonb)`,
    );
  if (end.quarantined.length > 0)
    st.with(
      'qi',
      `INSERT INTO quarantine (op_id, counter_id, seq, type, code, reason)
       SELECT x.id, ${counter}, x.seq, x.type, x.code, x.reason
       FROM ${rows(st, [...end.quarantined])} AS x(id text, seq bigint, type text, code text, reason text)
       ON CONFLICT DO NOTHING`,
    );
  if (end.reportDays.length > 0) st.with('rd', upsertReportDaysSql(rows(st, [...end.reportDays]), counter));
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
       last_seen_at = ${st.param(new Date(w.nowMs).toISOString())}, clock_skew_ms = ${st.param(w.ctx.clockSkewMs)}
     WHERE slot_id = ${st.param(w.ctx.slotId)}`,
  );
}
