/**
 * The reports' summary (core/reports): per figure (dim), business day, counter and group (key), the sums every
 * period report adds up. Kept by the statement-level triggers of migration 0008_reports in the transaction
 * that writes sales, lines, tenders and operations: never written by the application. Runtime: Node.
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
