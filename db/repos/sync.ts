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

const OUTBOX = `SELECT seq, id, counter_id AS counterId, type, entity_type AS entityType, entity_id AS entityId, payload,
  operator_id AS operatorId, approver_id AS approverId, hlc, created_at AS createdAt, prev_hash AS prevHash, hash FROM outbox`;

export function outboxAfter(db: Database.Database, afterSeq: number, limit: number): OutboxRow[] {
  return db.prepare(`${OUTBOX} WHERE seq > ? ORDER BY seq LIMIT ?`).all(afterSeq, limit) as OutboxRow[];
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
