/**
 * The set-based part of an import chunk's write: the statements that change many customers at once inside
 * PostgreSQL, so a chunk of meters or cards neither ships each customer's file to Node and back nor builds its
 * feed entry there. A meter is put into its customer's file (replacing the one with its number, in place, or
 * appended), a card raises its customer's purchase count, and each customer touched is published once, after
 * all of the chunk's changes to it, in the shape a counter's pull applies (push/feed-rows.ts customerFeedData,
 * built here in SQL). Runtime: Node.
 */
import { uuidv7 } from '../../core/ids';
import { hlcAfter } from '../hlc';
import type { Queryable } from '../pg/store';
import type { CheckedRow } from './scan';
import type { Change } from './write';

/**
 * Locks the customers in id order (as pushes lock them) and returns a stamp later than every one of theirs,
 * which all of them take.
 */
export async function lockCustomers(q: Queryable, ids: string[], nowMs: number): Promise<string> {
  const rows = await q.query<{ hlc: string }>(
    'SELECT updated_hlc AS hlc FROM customers WHERE id = ANY($1) ORDER BY id FOR UPDATE',
    [ids],
  );
  return hlcAfter(nowMs, ...rows.map((r) => r.hlc));
}

/** The customers' feed entries, each a new cursor, in id order; data as customerFeedData builds it. */
export async function publishCustomers(q: Queryable, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  await q.query(
    `INSERT INTO feed (hall_id, kind, key, cursor, data, origin_counter_id)
     SELECT s.hall_id, 'customer', s.id, nextval('feed_cursor_seq'), s.data, NULL
       FROM (SELECT c.hall_id, c.id,
                    (c.data || jsonb_build_object('version', 0, 'updatedHlc', c.updated_hlc,
                      'purchaseCount', c.purchase_count, 'balance', c.balance, 'balanceBy', c.balance_by,
                      'gasUseBy', c.gas_use_by))::text AS data
               FROM customers c WHERE c.id = ANY($1) ORDER BY c.id) s
     ON CONFLICT (hall_id, kind, key) DO UPDATE
       SET cursor = excluded.cursor, data = excluded.data, origin_counter_id = excluded.origin_counter_id`,
    [ids],
  );
}

/**
 * Puts each row's meter into its customer's file: the one of the same number keeps its place and its id, a new
 * one is appended (in row order) with a new id. Returns each row's change (the meter before, or null).
 */
export async function applyMeters(
  q: Queryable,
  rows: CheckedRow[],
  hlc: string,
  nowMs: number,
): Promise<Change[]> {
  const x = rows.map((r) => {
    const v = r.value;
    return {
      row_no: r.rowNo,
      customer_id: r.customerId,
      meter: {
        id: uuidv7(nowMs),
        meterNo: v.meterNo,
        maker: v.maker,
        model: v.model,
        cardType: v.cardType,
        installedOn: v.installedOn ?? null,
        status: v.status,
      },
    };
  });
  const out = await q.query<{ row_no: number; id: string; old: unknown }>(
    `WITH x AS (SELECT * FROM json_to_recordset($1::json) AS x(row_no int, customer_id text, meter jsonb)),
     o AS (SELECT x.row_no, x.customer_id, old.m AS old,
                  jsonb_set(x.meter, '{id}', COALESCE(old.m->'id', x.meter->'id')) AS meter
             FROM x JOIN customers c ON c.id = x.customer_id
             LEFT JOIN LATERAL (SELECT m FROM jsonb_array_elements(COALESCE(c.data->'meters', '[]')) m
                                 WHERE m->>'meterNo' = x.meter->>'meterNo' LIMIT 1) old ON true),
     n AS (SELECT c.id,
                  (SELECT COALESCE(jsonb_agg(s.e ORDER BY s.k), '[]')
                     FROM (SELECT COALESCE(o.meter, a.m) AS e, a.i AS k
                             FROM jsonb_array_elements(COALESCE(c.data->'meters', '[]')) WITH ORDINALITY AS a(m, i)
                             LEFT JOIN o ON o.customer_id = c.id AND o.meter->>'meterNo' = a.m->>'meterNo'
                           UNION ALL
                           SELECT o.meter, 1000000000 + o.row_no FROM o WHERE o.customer_id = c.id AND o.old IS NULL) s
                  ) AS meters
             FROM customers c WHERE c.id IN (SELECT customer_id FROM o)),
     u AS (UPDATE customers c SET data = jsonb_set(c.data, '{meters}', n.meters), updated_hlc = $2
             FROM n WHERE c.id = n.id)
     SELECT row_no, meter->>'id' AS id, old FROM o`,
    [JSON.stringify(x), hlc],
  );
  const byRow = new Map(out.map((r) => [r.row_no, r]));
  return rows.map((r) => {
    const m = byRow.get(r.rowNo)!;
    return { row: r, entityId: m.id, before: m.old ?? null };
  });
}

/** Raises each customer's purchase count to the highest of its cards' in the rows (never lowers it). */
export async function raisePurchaseCounts(q: Queryable, rows: CheckedRow[], hlc: string): Promise<void> {
  await q.query(
    `UPDATE customers c SET purchase_count = GREATEST(c.purchase_count, x.n), updated_hlc = $3
       FROM (SELECT customer_id, max(n) AS n FROM unnest($1::text[], $2::int[]) AS u(customer_id, n)
              GROUP BY customer_id) x
      WHERE c.id = x.customer_id`,
    [rows.map((r) => r.customerId), rows.map((r) => r.value.purchaseCount as number), hlc],
  );
}
