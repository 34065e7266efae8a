/**
 * 安检 (safety inspections) per household and the rectification of their hazards (once, a new row). Both
 * append-only (triggers in the migration). Runtime: Node.
 */
import { index, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

export const inspections = sqliteTable(
  'inspections',
  {
    id: text('id').primaryKey(),
    /** `${hall}-${counter}-AJ-${6-digit sequence}`, unique per counter. */
    no: text('no').notNull(),
    customerId: text('customer_id').notNull(),
    accountNo: text('account_no').notNull(),
    name: text('name').notNull(),
    phone: text('phone').notNull(),
    address: text('address').notNull(),
    /** The day of the visit ('YYYY-MM-DD') and who inspected (a field team's member, by name). */
    date: text('date').notNull(),
    inspector: text('inspector').notNull(),
    /** normal | hazard | nobody_home | refused */
    result: text('result').notNull(),
    /** JSON: the items checked (codes), and the hazards found [{ item, note }]. */
    items: text('items').notNull(),
    hazards: text('hazards').notNull(),
    /** The day the hazards must be rectified by (null without hazards). */
    deadline: text('deadline'),
    /** The 安检 work order this records the result of, if any. */
    workOrderId: text('work_order_id'),
    notes: text('notes').notNull(),
    operatorId: text('operator_id').notNull(),
    createdAt: text('created_at').notNull(),
  },
  (t) => [
    uniqueIndex('inspections_no_idx').on(t.no),
    index('inspections_customer_idx').on(t.customerId, t.date),
  ],
);

export const inspectionRectifications = sqliteTable(
  'inspection_rectifications',
  {
    id: text('id').primaryKey(),
    inspectionId: text('inspection_id')
      .notNull()
      .references(() => inspections.id),
    rectifiedOn: text('rectified_on').notNull(),
    /** Who checked it (复查人) and what was done. */
    checker: text('checker').notNull(),
    note: text('note').notNull(),
    operatorId: text('operator_id').notNull(),
    at: text('at').notNull(),
  },
  (t) => [uniqueIndex('inspection_rectifications_once_idx').on(t.inspectionId)],
);
