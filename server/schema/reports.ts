/**
 * The reports' summary (core/reports): per figure (dim), business day, counter and group (key), the sums every
 * period report adds up. Kept in the transaction that writes them: sales, lines and tenders, and a change of an
 * operation's state, by the statement-level triggers of migration 0008_reports; a push's counted operations by
 * the push itself, under the counter's lock (server/push/report-ops.ts, migration 0009). Runtime: Node.
 */
import { bigint, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';

export const reportDays = pgTable(
  'report_days',
  {
    dim: text('dim').notNull(),
    businessDate: text('business_date').notNull(),
    counterId: text('counter_id').notNull(),
    key: text('key').notNull(),
    n: bigint('n', { mode: 'number' }).notNull().default(0),
    volume: bigint('volume', { mode: 'number' }).notNull().default(0),
    amount: bigint('amount', { mode: 'number' }).notNull().default(0),
    amount2: bigint('amount2', { mode: 'number' }).notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.dim, t.businessDate, t.counterId, t.key] })],
);
