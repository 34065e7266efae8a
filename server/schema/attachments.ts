/**
 * Attachment files (附件) the counters uploaded (POST /v1/attachments): photos and scans of service-desk records,
 * kept by their SHA-256 — verified on arrival, with their size and type (server/routes/attachment-route.ts).
 * Written once; a second upload of the same file changes nothing. Runtime: Node.
 */
import { customType, index, integer, pgTable, text } from 'drizzle-orm/pg-core';

const bytea = customType<{ data: Buffer }>({ dataType: () => 'bytea' });

export const attachments = pgTable(
  'attachments',
  {
    sha256: text('sha256').primaryKey(),
    hallId: text('hall_id').notNull(),
    /** The counter that uploaded it first. */
    counterId: text('counter_id').notNull(),
    size: integer('size').notNull(),
    mime: text('mime').notNull(),
    data: bytea('data').notNull(),
    receivedAt: text('received_at').notNull(),
  },
  (t) => [index('attachments_hall_idx').on(t.hallId)],
);
