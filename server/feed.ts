/**
 * The change feed: one row per (hall, kind, key) holding the latest state, re-stamped with a new cursor on
 * every change. Cursors are taken only under the feed advisory lock, held to the end of the writing
 * transaction, so they become visible in cursor order and a counter that pulled up to N never misses an entry
 * below N. Runtime: Node.
 */
import type { FeedKind } from '../core/sync/wire';
import { LOCKS } from './pg/migrate';
import type { Queryable } from './pg/store';

export interface FeedWrite {
  /** '' for every hall. */
  readonly hallId: string;
  readonly kind: FeedKind;
  readonly key: string;
  readonly data: unknown;
  readonly originCounterId: string | null;
}

/** Must be called before the transaction's first feed write (and before taking any other lock after it). */
export async function lockFeed(q: Queryable): Promise<void> {
  await q.query('SELECT pg_advisory_xact_lock($1)', [LOCKS.feed]);
}

/** Upserts feed rows; returns the cursor each key got. */
export async function publish(q: Queryable, writes: FeedWrite[]): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  if (writes.length === 0) return out;
  const rows = await q.query<{ kind: string; key: string; cursor: number }>(
    `INSERT INTO feed (hall_id, kind, key, cursor, data, origin_counter_id)
     SELECT x.hall_id, x.kind, x.key, nextval('feed_cursor_seq'), x.data, x.origin
       FROM json_to_recordset($1::json) AS x(hall_id text, kind text, key text, data text, origin text)
     ON CONFLICT (hall_id, kind, key) DO UPDATE
       SET cursor = excluded.cursor, data = excluded.data, origin_counter_id = excluded.origin_counter_id
     RETURNING kind, key, cursor`,
    [
      JSON.stringify(
        writes.map((w) => ({
          hall_id: w.hallId,
          kind: w.kind,
          key: w.key,
          data: JSON.stringify(w.data),
          origin: w.originCounterId,
        })),
      ),
    ],
  );
  for (const r of rows) out.set(`${r.kind}:${r.key}`, r.cursor);
  return out;
}

export interface FeedPage {
  readonly body: string;
  readonly count: number;
}

/** A page of the feed for a hall as the JSON text of a pull response (built without re-parsing the data). */
export async function readPage(
  q: Queryable,
  hallId: string,
  cursor: number,
  limit: number,
): Promise<FeedPage> {
  const rows = await q.query<{ cursor: number; kind: string; key: string; data: string }>(
    // Two index range scans (the hall's entries and everyone's), merged: never a scan of the whole feed.
    `SELECT cursor, kind, key, data FROM (
       (SELECT cursor, kind, key, data FROM feed WHERE hall_id = $1 AND cursor > $2 ORDER BY cursor LIMIT $3)
       UNION ALL
       (SELECT cursor, kind, key, data FROM feed WHERE hall_id = '' AND cursor > $2 ORDER BY cursor LIMIT $3)) f
     ORDER BY cursor LIMIT $3`,
    [hallId, cursor, limit + 1],
  );
  const more = rows.length > limit;
  const page = more ? rows.slice(0, limit) : rows;
  const next = page.length > 0 ? page[page.length - 1]!.cursor : cursor;
  const entries = page.map(
    (r) => `{"cursor":${r.cursor},"kind":"${r.kind}","key":${JSON.stringify(r.key)},"data":${r.data}}`,
  );
  return { body: `{"entries":[${entries.join(',')}],"cursor":${next},"more":${more}}`, count: page.length };
}
