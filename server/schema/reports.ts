/**
 * The reports' summary (core/reports): per figure (dim), business day, counter and group (key), the sums every
 * period report adds up. Kept in the transaction that writes them: a push's sales (with lines and tenders) and
 * counted operations by the push itself, under the counter's lock (server/push/report-days.ts, migrations 0009
 * and 0014); a revert's by server/admin/revert-report.ts; a later change of a sale's status or of an operation's
 * state by the statement-level update triggers of migration 0008_reports. Runtime: Node.
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
