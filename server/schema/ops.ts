/**
 * Every operation pushed by every counter, stored once under (counter_id, seq) and (id), with the state of
 * its application; quarantined operations with their reason; per-day digests; reconciliation findings.
 * Runtime: Node.
 */
import { bigint, index, integer, jsonb, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';

export const ops = pgTable(
  'ops',
  {
    counterId: text('counter_id').notNull(),
    seq: bigint('seq', { mode: 'number' }).notNull(),
    id: text('id').notNull().unique(),
    type: text('type').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id').notNull(),
    /** Exactly the counter's bytes: the hash covers them. */
    payload: text('payload').notNull(),
    operatorId: text('operator_id').notNull(),
    approverId: text('approver_id'),
    hlc: text('hlc').notNull(),
    createdAt: text('created_at').notNull(),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
    /** applied | stored (a type head office does not apply) | quarantined */
    state: text('state', { enum: ['applied', 'stored', 'quarantined'] }).notNull(),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.counterId, t.seq] })],
);

export const quarantine = pgTable('quarantine', {
  opId: text('op_id').primaryKey(),
  counterId: text('counter_id').notNull(),
  seq: bigint('seq', { mode: 'number' }).notNull(),
  type: text('type').notNull(),
  code: text('code').notNull(),
  reason: text('reason').notNull(),
  at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * What each applied operation changed in the records counters share (customers' fields and balances, cards'
 * status, sales), written in the push transaction that applied it: what head office needs to revert it later
 * as correcting entries (server/admin/revert.ts).
 */
export const opEffects = pgTable(
  'op_effects',
  {
    opId: text('op_id').primaryKey(),
    counterId: text('counter_id').notNull(),
    seq: bigint('seq', { mode: 'number' }).notNull(),
    effects: jsonb('effects').notNull(),
  },
  (t) => [index('op_effects_counter_seq_idx').on(t.counterId, t.seq)],
);

/** Operations head office reverted (a revoked or compromised counter's), with what it did and what it left. */
export const reversions = pgTable('reversions', {
  opId: text('op_id').primaryKey(),
  counterId: text('counter_id').notNull(),
  seq: bigint('seq', { mode: 'number' }).notNull(),
  /** The revert request that made it (one administrator action, idempotent by its requestId). */
  requestId: text('request_id').notNull(),
  reason: text('reason').notNull(),
  by: text('by').notNull(),
  /** Per effect: corrected, or left because a later change had already replaced it. */
  result: jsonb('result').notNull(),
  at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
});

export const dayDigests = pgTable(
  'day_digests',
  {
    counterId: text('counter_id').notNull(),
    day: text('day').notNull(),
    count: integer('count').notNull(),
    amount: bigint('amount', { mode: 'number' }).notNull(),
    volume: bigint('volume', { mode: 'number' }).notNull(),
    idsHash: text('ids_hash').notNull(),
    lastSeq: bigint('last_seq', { mode: 'number' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.counterId, t.day] })],
);

export const reconciliationIssues = pgTable(
  'reconciliation_issues',
  {
    counterId: text('counter_id').notNull(),
    day: text('day').notNull(),
    field: text('field').notNull(),
    detail: jsonb('detail').notNull(),
    reportedAt: timestamp('reported_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.counterId, t.day] })],
);
