/**
 * The counter's sync bookkeeping (db/schema/sync.ts) and the outbox reads sync needs. The outbox is only ever
 * read here. Runtime: Node.
 */
import type Database from 'better-sqlite3';
import type { DayDigest } from '../../core/sync/digest';
import type { OutboxRow } from '../ledger';

export interface SyncStateRow {
  serverUrl: string;
  slotId: string;
  publicKey: string;
  enrolledAt: string;
  ackedSeq: number;
  pullCursor: number;
  knowledgeSeq: number;
  digestedSeq: number;
  clockOffsetMs: number | null;
  lastAttemptAt: string | null;
  lastSuccessAt: string | null;
  lastErrorCode: string | null;
  lastErrorMessage: string | null;
  lastErrorAt: string | null;
  nightlyAt: string;
  intervalMinutes: number;
}

const COLUMNS: Record<keyof SyncStateRow, string> = {
  serverUrl: 'server_url',
  slotId: 'slot_id',
  publicKey: 'public_key',
  enrolledAt: 'enrolled_at',
  ackedSeq: 'acked_seq',
  pullCursor: 'pull_cursor',
  knowledgeSeq: 'knowledge_seq',
  digestedSeq: 'digested_seq',
  clockOffsetMs: 'clock_offset_ms',
  lastAttemptAt: 'last_attempt_at',
  lastSuccessAt: 'last_success_at',
  lastErrorCode: 'last_error_code',
  lastErrorMessage: 'last_error_message',
  lastErrorAt: 'last_error_at',
  nightlyAt: 'nightly_at',
  intervalMinutes: 'interval_minutes',
};
const SELECT = Object.entries(COLUMNS)
  .map(([k, c]) => `${c} AS ${k}`)
  .join(', ');

export function getSyncState(db: Database.Database): SyncStateRow | undefined {
  return db.prepare(`SELECT ${SELECT} FROM sync_state WHERE id = 1`).get() as SyncStateRow | undefined;
}

export function insertSyncState(
  db: Database.Database,
  s: Pick<SyncStateRow, 'serverUrl' | 'slotId' | 'publicKey' | 'enrolledAt'>,
): void {
  db.prepare(
    'INSERT INTO sync_state (id, server_url, slot_id, public_key, enrolled_at) VALUES (1, @serverUrl, @slotId, @publicKey, @enrolledAt)',
  ).run(s);
}

export function updateSyncState(db: Database.Database, patch: Partial<SyncStateRow>): void {
  const keys = Object.keys(patch) as (keyof SyncStateRow)[];
  if (keys.length === 0) return;
  db.prepare(`UPDATE sync_state SET ${keys.map((k) => `${COLUMNS[k]} = @${k}`).join(', ')} WHERE id = 1`).run(
    patch,
  );
}

/** The outbox's columns under their wire names (core/sync/wire.ts WireOp), in the order a batch's JSON gives them. */
const OUTBOX_FIELDS: readonly (readonly [key: keyof OutboxRow, column: string])[] = [
  ['seq', 'seq'],
  ['id', 'id'],
  ['counterId', 'counter_id'],
  ['type', 'type'],
  ['entityType', 'entity_type'],
  ['entityId', 'entity_id'],
  ['payload', 'payload'],
  ['operatorId', 'operator_id'],
  ['approverId', 'approver_id'],
  ['hlc', 'hlc'],
  ['createdAt', 'created_at'],
  ['prevHash', 'prev_hash'],
  ['hash', 'hash'],
];
/** A batch of the outbox as the JSON array of its operations (in sequence order, as SQLite reads them), as UTF-8 bytes. */
export interface OutboxBatch {
  readonly opsJson: Uint8Array;
  readonly count: number;
  readonly last: number;
}

// Aggregated in the subquery's order (SQLite's, in practice; an ORDER BY inside the aggregate, which would make
// it certain, sorts the 500 objects again: ~0.8 of ~1.9 ms a batch). Nothing depends on it: head office sorts a
// batch by sequence number, and `last` is the greatest.
const OUTBOX_JSON = `SELECT CAST(json_group_array(json_object(${OUTBOX_FIELDS.map(([k, c]) => `'${k}', ${c}`).join(', ')})) AS BLOB) AS opsJson,
    count(*) AS count, max(seq) AS last
  FROM (SELECT * FROM outbox WHERE seq > ? ORDER BY seq LIMIT ?)`;

/**
 * Up to `limit` operations after `afterSeq`, already encoded by SQLite as the JSON array JSON.stringify would
 * write of the rows (the same bytes: no escaping differs for text SQLite holds as UTF-8), so
 * that a push reads no row objects and encodes no strings of its own (npm run bench -- sync push: the
 * counter's CPU per batch of 500 went from ~4.2 to ~1.2 ms). Fewer when the array would exceed `maxBytes`
 * (one operation always goes, whatever its size); null when the outbox holds nothing after `afterSeq`.
 */
export function outboxBatchJson(
  db: Database.Database,
  afterSeq: number,
  limit: number,
  maxBytes: number,
): OutboxBatch | null {
  const read = db.prepare(OUTBOX_JSON);
  let n = limit;
  for (;;) {
    const r = read.get(afterSeq, n) as { opsJson: Buffer; count: number; last: number | null };
    if (r.count === 0 || r.last === null) return null;
    if (r.opsJson.byteLength <= maxBytes || r.count === 1)
      return { opsJson: r.opsJson, count: r.count, last: r.last };
    n = Math.max(1, Math.min(r.count - 1, Math.floor((r.count * maxBytes) / r.opsJson.byteLength)));
  }
}

export function lastOutboxSeq(db: Database.Database): number {
  return (db.prepare('SELECT coalesce(max(seq), 0) AS n FROM outbox').get() as { n: number }).n;
}

/** Operations in (afterSeq, upTo], lightly: what the digests need. */
export function outboxForDigest(
  db: Database.Database,
  afterSeq: number,
  upTo: number,
): IterableIterator<{ seq: number; id: string; type: string; payload: string; createdAt: string }> {
  return db
    .prepare(
      'SELECT seq, id, type, payload, created_at AS createdAt FROM outbox WHERE seq > ? AND seq <= ? ORDER BY seq',
    )
    .iterate(afterSeq, upTo) as IterableIterator<{
    seq: number;
    id: string;
    type: string;
    payload: string;
    createdAt: string;
  }>;
}

export function loadDigests(db: Database.Database): DayDigest[] {
  return db
    .prepare(
      'SELECT day, count, amount, volume, ids_hash AS idsHash, last_seq AS lastSeq FROM sync_digests ORDER BY day',
    )
    .all() as DayDigest[];
}

export function saveDigests(db: Database.Database, rows: DayDigest[]): void {
  const st = db.prepare(
    `INSERT INTO sync_digests (day, count, amount, volume, ids_hash, last_seq) VALUES (@day, @count, @amount, @volume, @idsHash, @lastSeq)
     ON CONFLICT (day) DO UPDATE SET count = excluded.count, amount = excluded.amount, volume = excluded.volume,
       ids_hash = excluded.ids_hash, last_seq = excluded.last_seq`,
  );
  for (const r of rows) st.run(r);
}

export interface QuarantineRow {
  seq: number;
  opId: string;
  type: string;
  code: string;
  reason: string;
  at: string;
}

export function insertQuarantine(db: Database.Database, rows: QuarantineRow[]): void {
  const st = db.prepare(
    'INSERT OR IGNORE INTO sync_quarantine (seq, op_id, type, code, reason, at) VALUES (@seq, @opId, @type, @code, @reason, @at)',
  );
  for (const r of rows) st.run(r);
}

export function listQuarantine(db: Database.Database): QuarantineRow[] {
  return db
    .prepare('SELECT seq, op_id AS opId, type, code, reason, at FROM sync_quarantine ORDER BY seq')
    .all() as QuarantineRow[];
}

export function putFinding(
  db: Database.Database,
  f: { kind: string; key: string; field: string; detail: string; at: string },
): void {
  db.prepare(
    `INSERT INTO sync_findings (kind, key, field, detail, at) VALUES (@kind, @key, @field, @detail, @at)
     ON CONFLICT (kind, key) DO UPDATE SET field = excluded.field, detail = excluded.detail, at = excluded.at`,
  ).run(f);
}

export function clearFindings(db: Database.Database, kind: string): void {
  db.prepare('DELETE FROM sync_findings WHERE kind = ?').run(kind);
}

export function listFindings(
  db: Database.Database,
  kind: string,
): { key: string; field: string; detail: string; at: string }[] {
  return db
    .prepare('SELECT key, field, detail, at FROM sync_findings WHERE kind = ? ORDER BY key')
    .all(kind) as {
    key: string;
    field: string;
    detail: string;
    at: string;
  }[];
}

export function putSyncConflict(
  db: Database.Database,
  c: {
    id: string;
    kind: string;
    entityId: string;
    field: string | null;
    status: string;
    detail: string;
    updatedAt: string;
  },
): void {
  db.prepare(
    `INSERT INTO sync_conflicts (id, kind, entity_id, field, status, detail, updated_at)
     VALUES (@id, @kind, @entityId, @field, @status, @detail, @updatedAt)
     ON CONFLICT (id) DO UPDATE SET status = excluded.status, detail = excluded.detail, updated_at = excluded.updated_at`,
  ).run(c);
}

export function listSyncConflicts(
  db: Database.Database,
): { id: string; kind: string; entityId: string; field: string | null; status: string }[] {
  return db
    .prepare(
      "SELECT id, kind, entity_id AS entityId, field, status FROM sync_conflicts ORDER BY status = 'resolved', updated_at",
    )
    .all() as { id: string; kind: string; entityId: string; field: string | null; status: string }[];
}
