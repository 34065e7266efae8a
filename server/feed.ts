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

/**
 * The feed rows' JSON record set, as publishSql takes it: each entry's data nested as JSON, whose text (a json
 * value keeps its text) is what the feed stores and serves.
 */
export const feedJson = (writes: readonly FeedWrite[]): string =>
  JSON.stringify(
    writes.map((w) => ({
      hall_id: w.hallId,
      kind: w.kind,
      key: w.key,
      data: w.data,
      origin: w.originCounterId,
    })),
  );

/** Upserts the feed rows of `param` (feedJson), each taking a new cursor; returns kind, key and cursor. */
export const publishSql = (param: string): string =>
  `INSERT INTO feed (hall_id, kind, key, cursor, data, origin_counter_id)
   SELECT x.hall_id, x.kind, x.key, nextval('feed_cursor_seq'), COALESCE(x.data::text, 'null'), x.origin
     FROM json_to_recordset(${param}::json) AS x(hall_id text, kind text, key text, data json, origin text)
   ON CONFLICT (hall_id, kind, key) DO UPDATE
     SET cursor = excluded.cursor, data = excluded.data, origin_counter_id = excluded.origin_counter_id
   RETURNING kind, key, cursor`;

/** Upserts feed rows; returns the cursor each key got. */
export async function publish(q: Queryable, writes: FeedWrite[]): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  if (writes.length === 0) return out;
  const rows = await q.query<{ kind: string; key: string; cursor: number }>(publishSql('$1'), [
    feedJson(writes),
  ]);
  for (const r of rows) out.set(`${r.kind}:${r.key}`, r.cursor);
  return out;
}

export interface FeedPage {
  /** The pull response as UTF-8 JSON. */
  readonly body: Buffer;
  readonly count: number;
}

/**
 * A page of the feed for a hall as the bytes of a pull response. PostgreSQL writes the entries' JSON itself and
 * hands it over as one bytea: a bootstrap page is ~9 MB of mostly Chinese text, and turning 10,000 rows into
 * strings here and the page back into bytes cost head office ~20 µs a customer, a fifth of a bootstrap's CPU.
 * The entries are aggregated in cursor order (the window's order; every entry of a page is applied in one
 * transaction on the counter, which needs a card after its customer).
 */
export async function readPage(
  q: Queryable,
  hallId: string,
  cursor: number,
  limit: number,
  /** The company pull scope (server/visits/scope.ts): every hall's customers and cards too. */
  everyHallsFiles = false,
  /**
   * The pulling counter: under the hall scope its page also carries the later changes of the other halls'
   * customers it fetched within VISIT_WINDOW_DAYS (customer_visits), and of their cards.
   */
  counterId: string | null = null,
): Promise<FeedPage> {
  const visits = !everyHallsFiles && counterId !== null;
  const [row] = await q.query<{ n: number; last: number | null; more: boolean; entries: Uint8Array | null }>(
    // Two index range scans (the hall's entries and everyone's), merged: never a scan of the whole feed. One row
    // past the limit tells whether more follow.
    `SELECT count(*) FILTER (WHERE rn <= $3)::int AS n, max(cursor) FILTER (WHERE rn <= $3) AS last,
            count(*) > $3 AS more,
            convert_to(string_agg(entry, ',') FILTER (WHERE rn <= $3), 'UTF8') AS entries
       FROM (SELECT cursor, row_number() OVER (ORDER BY cursor) AS rn,
                    '{"cursor":' || cursor || ',"kind":' || to_json(kind)::text || ',"key":' || to_json(key)::text
                      || ',"data":' || data || '}' AS entry
               FROM (${everyHallsFiles ? COMPANY : visits ? ONE_HALL_AND_VISITS : ONE_HALL}) f) w`,
    visits ? [hallId, cursor, limit, counterId] : [hallId, cursor, limit],
  );
  const n = row?.n ?? 0;
  const entries = row?.entries
    ? Buffer.from(row.entries.buffer, row.entries.byteOffset, row.entries.byteLength)
    : EMPTY;
  return {
    body: Buffer.concat([
      Buffer.from('{"entries":['),
      entries,
      Buffer.from(`],"cursor":${n > 0 ? row!.last : cursor},"more":${row?.more === true}}`),
    ]),
    count: n,
  };
}

const EMPTY = Buffer.alloc(0);

const ONE_HALL = `
  (SELECT cursor, kind, key, data FROM feed WHERE hall_id = $1 AND cursor > $2 ORDER BY cursor LIMIT $3 + 1)
  UNION ALL
  (SELECT cursor, kind, key, data FROM feed WHERE hall_id = '' AND cursor > $2 ORDER BY cursor LIMIT $3 + 1)
  ORDER BY cursor LIMIT $3 + 1`;
/**
 * How long after its last fetch (customers.fetchOtherHall) a counter keeps receiving another hall's customer on
 * its pulls: a household that comes back within a month finds its balance, purchase count and cards as they are.
 */
export const VISIT_WINDOW_DAYS = 30;

/**
 * ONE_HALL, and the feed rows of the customers of other halls this counter ($4) fetched within the window and
 * of their cards, each found by the feed's key (a few index lookups per visit, never a scan of the feed).
 */
const ONE_HALL_AND_VISITS = `
  (SELECT cursor, kind, key, data FROM feed WHERE hall_id = $1 AND cursor > $2 ORDER BY cursor LIMIT $3 + 1)
  UNION ALL
  (SELECT cursor, kind, key, data FROM feed WHERE hall_id = '' AND cursor > $2 ORDER BY cursor LIMIT $3 + 1)
  UNION ALL
  (SELECT f.cursor, f.kind, f.key, f.data
     FROM customer_visits v
     JOIN customers c ON c.id = v.customer_id AND c.hall_id <> $1
     JOIN feed f ON f.hall_id = c.hall_id AND f.kind = 'customer' AND f.key = c.id
    WHERE v.counter_id = $4 AND v.last_at > now() - interval '${VISIT_WINDOW_DAYS} days' AND f.cursor > $2
   UNION ALL
   SELECT f.cursor, f.kind, f.key, f.data
     FROM customer_visits v
     JOIN cards k ON k.customer_id = v.customer_id AND k.hall_id <> $1
     JOIN feed f ON f.hall_id = k.hall_id AND f.kind = 'card' AND f.key = k.card_no
    WHERE v.counter_id = $4 AND v.last_at > now() - interval '${VISIT_WINDOW_DAYS} days' AND f.cursor > $2
    ORDER BY 1 LIMIT $3 + 1)
  ORDER BY cursor LIMIT $3 + 1`;
/** The hall's entries, everyone's, and every hall's customers and cards (not their conflicts), by the cursor index. */
const COMPANY = `SELECT cursor, kind, key, data FROM feed
  WHERE cursor > $2 AND (hall_id IN ($1, '') OR kind IN ('customer', 'card')) ORDER BY cursor LIMIT $3 + 1`;
