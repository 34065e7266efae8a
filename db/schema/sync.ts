/**
 * Sync with head office (counter side): the enrollment and progress of this counter (one row), operations head
 * office quarantined, per-day digests of the outbox up to the acknowledged operation, findings (digest
 * mismatches, pulled entries that could not be applied) and conflicts head office reported. The outbox itself
 * is never touched: the acknowledged sequence number lives here. Runtime: Node.
 */
import { integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';

export const syncState = sqliteTable('sync_state', {
  /** Always 1. */
  id: integer('id').primaryKey(),
  serverUrl: text('server_url').notNull(),
  slotId: text('slot_id').notNull(),
  publicKey: text('public_key').notNull(),
  enrolledAt: text('enrolled_at').notNull(),
  /** Every outbox operation up to here is stored at head office. */
  ackedSeq: integer('acked_seq').notNull().default(0),
  /** The change feed is applied up to here. */
  pullCursor: integer('pull_cursor').notNull().default(0),
  /** The outbox's last sequence number when the feed page at `pullCursor` was applied. */
  knowledgeSeq: integer('knowledge_seq').notNull().default(0),
  /** Digests below are computed up to this sequence number. */
  digestedSeq: integer('digested_seq').notNull().default(0),
  clockOffsetMs: integer('clock_offset_ms'),
  lastAttemptAt: text('last_attempt_at'),
  lastSuccessAt: text('last_success_at'),
  lastErrorCode: text('last_error_code'),
  lastErrorMessage: text('last_error_message'),
  lastErrorAt: text('last_error_at'),
  /** Nightly sync time (HH:MM, local) and the interval while online (minutes). */
  nightlyAt: text('nightly_at').notNull().default('22:30'),
  intervalMinutes: integer('interval_minutes').notNull().default(5),
});

export const syncQuarantine = sqliteTable('sync_quarantine', {
  seq: integer('seq').primaryKey(),
  opId: text('op_id').notNull(),
  type: text('type').notNull(),
  code: text('code').notNull(),
  reason: text('reason').notNull(),
  at: text('at').notNull(),
});

export const syncDigests = sqliteTable('sync_digests', {
  day: text('day').primaryKey(),
  count: integer('count').notNull(),
  amount: integer('amount').notNull(),
  volume: integer('volume').notNull(),
  idsHash: text('ids_hash').notNull(),
  lastSeq: integer('last_seq').notNull(),
});

export const syncFindings = sqliteTable(
  'sync_findings',
  {
    /** digest_mismatch | pull_skipped */
    kind: text('kind').notNull(),
    key: text('key').notNull(),
    field: text('field').notNull(),
    detail: text('detail').notNull(),
    at: text('at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.kind, t.key] })],
);

export const syncConflicts = sqliteTable('sync_conflicts', {
  id: text('id').primaryKey(),
  kind: text('kind').notNull(),
  entityId: text('entity_id').notNull(),
  field: text('field'),
  status: text('status').notNull(),
  /** JSON: the conflict as head office describes it. */
  detail: text('detail').notNull(),
  updatedAt: text('updated_at').notNull(),
});
