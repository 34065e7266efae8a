/**
 * The ledger: the hash-chained outbox of operations (what head office receives) and the audit trail
 * (who did what, why, approved by whom). Both are append-only, enforced by triggers. Runtime: Node.
 */
import { sql } from 'drizzle-orm';
import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/** The operations the reports read by time (accounts opened, the 客服业务台帐): a partial index on their time. */
export const DESK_TYPES_SQL = `'customer.opened', 'customer.transferred', 'meter.changed', 'customer.meterAdded', 'card.replaced', 'card.blocked', 'customer.suspended', 'customer.resumed', 'customer.closed'`;
const DESK_TYPES = sql.raw(DESK_TYPES_SQL);

export const outbox = sqliteTable(
  'outbox',
  {
    /** Gap-free per counter, starting at 1. */
    seq: integer('seq').primaryKey(),
    id: text('id').notNull().unique(),
    counterId: text('counter_id').notNull(),
    type: text('type').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id').notNull(),
    payload: text('payload').notNull(),
    operatorId: text('operator_id').notNull(),
    approverId: text('approver_id'),
    hlc: text('hlc').notNull(),
    createdAt: text('created_at').notNull(),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [index('outbox_desk_idx').on(t.createdAt).where(sql`${t.type} IN (${DESK_TYPES})`)],
);

export const audit = sqliteTable(
  'audit',
  {
    id: text('id').primaryKey(),
    at: text('at').notNull(),
    operatorId: text('operator_id'),
    approverId: text('approver_id'),
    action: text('action').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id').notNull(),
    summary: text('summary').notNull(),
    reason: text('reason'),
    changes: text('changes'),
    opSeq: integer('op_seq').references(() => outbox.seq),
  },
  (t) => [index('audit_entity_idx').on(t.entityType, t.entityId), index('audit_op_idx').on(t.opSeq)],
);
