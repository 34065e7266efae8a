/**
 * Writes one chunk of checked rows in one short transaction: the feed lock first (so pushes wait at most one
 * chunk), the entities, their feed entries, each row's import record (old-system id → entity, row hash) and
 * the batch's change log (the state before, for a revert), and the batch's progress — all or nothing, so a run
 * killed anywhere resumes after its last committed chunk. A row whose hash is unchanged is left alone.
 * Runtime: Node.
 */
import { type FeedWrite, lockFeed, publish } from '../feed';
import type { Queryable } from '../pg/store';
import type { CheckedRow } from './scan';
import type { ImportKind } from './templates';
import { applyLinked } from './write-linked';
import {
  importedCustomerFields,
  insertCustomers,
  newCustomerData,
  readCustomers,
  type Rec,
  updateCustomers,
} from './write-customers';

export interface Change {
  readonly row: CheckedRow;
  readonly entityId: string;
  readonly before: unknown;
  readonly balanceDelta?: number;
}

export interface ChunkCounts {
  created: number;
  updated: number;
  unchanged: number;
}

/** What applying a kind's rows did: each row's change and the feed entries to publish. */
export interface Applied {
  readonly changes: Change[];
  readonly feed: FeedWrite[];
}

async function applyCustomers(q: Queryable, rows: CheckedRow[], nowMs: number): Promise<Applied> {
  const changes: Change[] = [];
  const fresh = rows.filter((r) => r.existing === null);
  const inserted = fresh.map((r) => ({
    hallId: r.hallId,
    data: newCustomerData({ ...r.value, accountNo: r.accountNo }, nowMs),
    balance: 0,
  }));
  fresh.forEach((r, i) => {
    changes.push({ row: r, entityId: inserted[i]!.data.id as string, before: null });
  });
  const again = rows.filter((r) => r.existing !== null);
  const current = await readCustomers(
    q,
    again.map((r) => r.existing!.entityId),
  );
  const at = new Date(nowMs).toISOString();
  for (const r of again) {
    const c = current.get(r.existing!.entityId)!;
    const next = importedCustomerFields({ ...r.value, accountNo: r.accountNo }, at);
    const before = Object.fromEntries(Object.keys(next).map((k) => [k, c.data[k] ?? null]));
    if (c.data.status === next.status) {
      next.statusChangedAt = c.data.statusChangedAt;
      next.closedAt = c.data.closedAt ?? null;
    }
    c.data = { ...c.data, ...next };
    changes.push({ row: r, entityId: c.id, before });
  }
  await insertCustomers(q, inserted, nowMs);
  const feed = await updateCustomers(q, [...current.values()], nowMs);
  return { changes, feed };
}

export async function writeChunk(
  q: Queryable,
  batchId: string,
  kind: ImportKind,
  rows: CheckedRow[],
  nowMs: number,
  passwordHashes: Map<string, string>,
  progress: (counts: ChunkCounts) => { rowsDone: number; summary: Rec },
): Promise<ChunkCounts> {
  const todo = rows.filter((r) => r.existing === null || r.existing.rowHash !== r.hash);
  const counts = {
    created: todo.filter((r) => r.existing === null).length,
    updated: todo.filter((r) => r.existing !== null).length,
    unchanged: rows.length - todo.length,
  };
  await lockFeed(q);
  const applied =
    kind === 'customers'
      ? await applyCustomers(q, todo, nowMs)
      : await applyLinked(q, kind, todo, nowMs, passwordHashes);
  await publish(q, applied.feed);
  if (applied.changes.length > 0) {
    await q.query(
      `INSERT INTO import_records (kind, legacy_id, entity_id, hall_id, row_hash, data, batch_id)
       SELECT $2, x.legacy_id, x.entity_id, x.hall_id, x.row_hash, x.data, $3
         FROM json_to_recordset($1::json) AS x(legacy_id text, entity_id text, hall_id text, row_hash text, data jsonb)
       ON CONFLICT (kind, legacy_id) DO UPDATE SET entity_id = excluded.entity_id, hall_id = excluded.hall_id,
         row_hash = excluded.row_hash, data = excluded.data, batch_id = excluded.batch_id`,
      [
        JSON.stringify(
          applied.changes.map((c) => ({
            legacy_id: c.row.legacyId,
            entity_id: c.entityId,
            hall_id: c.row.hallId,
            row_hash: c.row.hash,
            data: { ...c.row.value, password: undefined, accountNo: c.row.accountNo },
          })),
        ),
        kind,
        batchId,
      ],
    );
    await q.query(
      `INSERT INTO import_changes (batch_id, row_no, kind, legacy_id, action, before, balance_delta)
       SELECT $2, x.row_no, $3, x.legacy_id, x.action, x.before, x.delta
         FROM json_to_recordset($1::json) AS x(row_no int, legacy_id text, action text, before jsonb, delta bigint)
       ON CONFLICT DO NOTHING`,
      [
        JSON.stringify(
          applied.changes.map((c) => ({
            row_no: c.row.rowNo,
            legacy_id: c.row.legacyId,
            action: c.row.existing === null ? 'created' : 'updated',
            before: { record: c.row.existing, entity: c.before },
            delta: c.balanceDelta ?? 0,
          })),
        ),
        batchId,
        kind,
      ],
    );
  }
  const p = progress(counts);
  await q.query('UPDATE import_batches SET rows_done = $2, summary = $3 WHERE id = $1', [
    batchId,
    p.rowsDone,
    JSON.stringify(p.summary),
  ]);
  return counts;
}
