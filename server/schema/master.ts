/**
 * Master data head office hands out (prices, fees, limits, staff), the change feed every counter pulls by
 * cursor, and the conflict records administrators resolve. Runtime: Node.
 */
import { bigint, index, jsonb, pgSequence, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';

export const priceVersions = pgTable('price_versions', {
  id: text('id').primaryKey(),
  data: jsonb('data').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export const feeItems = pgTable('fee_items', {
  code: text('code').primaryKey(),
  id: text('id').notNull(),
  data: jsonb('data').notNull(),
});

export const staff = pgTable('staff', {
  id: text('id').primaryKey(),
  hallId: text('hall_id').notNull(),
  username: text('username').notNull(),
  data: jsonb('data').notNull(),
});

/** The feed's cursor: taken only under the feed lock, so cursors commit in order. */
export const feedCursor = pgSequence('feed_cursor_seq');

/** One row per (hall, kind, key) holding the latest state; '' is every hall. */
export const feed = pgTable(
  'feed',
  {
    hallId: text('hall_id').notNull(),
    kind: text('kind').notNull(),
    key: text('key').notNull(),
    cursor: bigint('cursor', { mode: 'number' }).notNull().unique(),
    /** JSON text (served as is: never re-serialised on the way out). */
    data: text('data').notNull(),
    originCounterId: text('origin_counter_id'),
  },
  (t) => [
    primaryKey({ columns: [t.hallId, t.kind, t.key] }),
    index('feed_hall_cursor_idx').on(t.hallId, t.cursor),
  ],
);

export const conflicts = pgTable(
  'conflicts',
  {
    id: text('id').primaryKey(),
    hallId: text('hall_id').notNull(),
    kind: text('kind').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id').notNull(),
    field: text('field'),
    current: jsonb('current'),
    incoming: jsonb('incoming'),
    currentCounterId: text('current_counter_id'),
    incomingCounterId: text('incoming_counter_id').notNull(),
    opId: text('op_id').notNull(),
    status: text('status', { enum: ['open', 'resolved'] }).notNull(),
    resolution: jsonb('resolution'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('conflicts_status_idx').on(t.status), index('conflicts_entity_idx').on(t.entityId)],
);
