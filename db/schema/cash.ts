/** Shifts, cash movements, bank deposits and day closes. Runtime: Node. */
import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

export const shifts = sqliteTable(
  'shifts',
  {
    id: text('id').primaryKey(),
    operatorId: text('operator_id').notNull(),
    businessDate: text('business_date').notNull(),
    openedAt: text('opened_at').notNull(),
    float: integer('float').notNull(),
    status: text('status', { enum: ['open', 'closed'] }).notNull(),
    closedAt: text('closed_at'),
    counted: integer('counted'),
    expected: integer('expected'),
    difference: integer('difference'),
    note: text('note'),
    /** JSON: [{ value, count }] */
    denominations: text('denominations'),
    /** Who closed it: the operator, or a supervisor closing a shift left open (null while open). */
    closedBy: text('closed_by'),
    /** The supervisor who approved a difference above the tolerance. */
    approvedBy: text('approved_by'),
  },
  (t) => [
    index('shifts_operator_status_idx').on(t.operatorId, t.status),
    index('shifts_date_idx').on(t.businessDate),
  ],
);

export const cashMovements = sqliteTable(
  'cash_movements',
  {
    id: text('id').primaryKey(),
    shiftId: text('shift_id')
      .notNull()
      .references(() => shifts.id),
    kind: text('kind', { enum: ['in', 'out'] }).notNull(),
    amount: integer('amount').notNull(),
    reason: text('reason').notNull(),
    at: text('at').notNull(),
    operatorId: text('operator_id').notNull(),
  },
  (t) => [index('cash_movements_shift_idx').on(t.shiftId)],
);

export const bankDeposits = sqliteTable(
  'bank_deposits',
  {
    id: text('id').primaryKey(),
    businessDate: text('business_date').notNull(),
    amount: integer('amount').notNull(),
    bank: text('bank').notNull(),
    reference: text('reference').notNull(),
    at: text('at').notNull(),
    operatorId: text('operator_id').notNull(),
    /** 补录: recorded after its business day was closed. */
    late: integer('late', { mode: 'boolean' }).notNull().default(false),
  },
  (t) => [index('bank_deposits_date_idx').on(t.businessDate)],
);

export const dayCloses = sqliteTable('day_closes', {
  businessDate: text('business_date').primaryKey(),
  closedAt: text('closed_at').notNull(),
  closedBy: text('closed_by').notNull(),
  /** JSON: the day report as it stood at the close. */
  report: text('report').notNull(),
});
