/**
 * Bringing a company in (server/import): every import is an audited batch; each imported entity keeps its
 * old-system id (legacy id) and the hash of the row it came from, so the same file again changes nothing and a
 * later file changes only what differs; every change a batch made is recorded with the state before it, so a
 * batch is reverted by correcting entries. Runtime: Node.
 */
import { bigint, index, integer, jsonb, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';

export const importBatches = pgTable(
  'import_batches',
  {
    id: text('id').primaryKey(),
    /** The administrator's requestId: a repeat of the same request resumes or answers this batch. */
    requestId: text('request_id').notNull().unique(),
    /** customers, meters, cards, tier_use, balances, inspections, staff; or revert. */
    kind: text('kind').notNull(),
    fileName: text('file_name').notNull(),
    fileSha256: text('file_sha256').notNull(),
    /** running (cut or under way), done, reverted. */
    status: text('status').notNull(),
    /** Options of the run: mapping, skipBadRows, default hall, encoding. */
    options: jsonb('options').notNull(),
    /** Rows read, valid, skipped, created, updated, unchanged. */
    summary: jsonb('summary').notNull(),
    /** The bad rows left out (skipBadRows): row, column, code, reason. */
    skipped: jsonb('skipped').notNull().default([]),
    /** The last data row whose chunk committed: a resumed run starts after it. */
    rowsDone: integer('rows_done').notNull().default(0),
    revertOf: text('revert_of'),
    revertedBy: text('reverted_by'),
    createdAt: text('created_at').notNull(),
    finishedAt: text('finished_at'),
  },
  (t) => [index('import_batches_created_idx').on(t.createdAt)],
);

export const importRecords = pgTable(
  'import_records',
  {
    kind: text('kind').notNull(),
    legacyId: text('legacy_id').notNull(),
    /** The GasDesk entity: customer id, card number, staff id... */
    entityId: text('entity_id').notNull(),
    hallId: text('hall_id').notNull(),
    rowHash: text('row_hash').notNull(),
    /** The row as imported (normalised): also what the counter cannot use yet (tier use, arrears, hazards). */
    data: jsonb('data').notNull(),
    batchId: text('batch_id').notNull(),
  },
  (t) => [primaryKey({ columns: [t.kind, t.legacyId] }), index('import_records_entity_idx').on(t.entityId)],
);

export const importChanges = pgTable(
  'import_changes',
  {
    batchId: text('batch_id').notNull(),
    rowNo: integer('row_no').notNull(),
    kind: text('kind').notNull(),
    legacyId: text('legacy_id').notNull(),
    /** created or updated. */
    action: text('action').notNull(),
    /** The import record before (null: new) and the entity's state a revert restores. */
    before: jsonb('before'),
    /** A balance change in fen (balances only): a revert takes it back. */
    balanceDelta: bigint('balance_delta', { mode: 'number' }).notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.batchId, t.rowNo, t.kind] })],
);

/** A column mapping the administrator saved for a kind: template column key → header in their files. */
export const importMappings = pgTable('import_mappings', {
  kind: text('kind').primaryKey(),
  mapping: jsonb('mapping').notNull(),
  updatedAt: text('updated_at').notNull(),
});
