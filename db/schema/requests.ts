/**
 * One request, one effect (docs/api.md, "requestId"): every writing operation arrives with a caller's
 * `requestId`. The first of its transactions that changes the ledger records the request here (in that same
 * transaction), with the first operation it appended; its answer is recorded once it is known. A repeat of the
 * request gets that answer instead of a second effect, also after a restart. Both tables are append-only.
 * Runtime: Node.
 */
import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

export const requests = sqliteTable('requests', {
  requestId: text('request_id').primaryKey(),
  op: text('op').notNull(),
  /** SHA-256 of the operation, the caller and its input (passwords left out): a different input is refused. */
  inputHash: text('input_hash').notNull(),
  staffId: text('staff_id'),
  /** The first ledger operation the request appended (null: it changed no ledger). */
  firstSeq: integer('first_seq'),
  entityType: text('entity_type'),
  entityId: text('entity_id'),
  at: text('at').notNull(),
});

export const requestResults = sqliteTable('request_results', {
  requestId: text('request_id')
    .primaryKey()
    .references(() => requests.requestId),
  ok: integer('ok', { mode: 'boolean' }).notNull(),
  /** The answer as the caller got it: the operation's output, or the error body. */
  body: text('body').notNull(),
  at: text('at').notNull(),
});
