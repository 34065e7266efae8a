/**
 * 工单 (work orders), their steps (派单, 完成, 撤销) and the faulty-meter register (表具故障登记), fed by
 * work-order results. All three append-only (triggers in the migration): a work order's status, team and
 * assignee are its last step's. Runtime: Node.
 */
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

export const workOrders = sqliteTable(
  'work_orders',
  {
    id: text('id').primaryKey(),
    /** `${hall}-${counter}-GD-${6-digit sequence}`, unique per counter. */
    no: text('no').notNull(),
    kind: text('kind').notNull(),
    /** acceptance | appointment | complaint | alarm, and that record's id and readable number. */
    sourceType: text('source_type').notNull(),
    sourceId: text('source_id').notNull(),
    sourceNo: text('source_no').notNull(),
    customerId: text('customer_id'),
    accountNo: text('account_no'),
    name: text('name').notNull(),
    phone: text('phone').notNull(),
    address: text('address').notNull(),
    /** The customer's meter the work is on (checked to be the customer's), if any. */
    meterNo: text('meter_no'),
    description: text('description').notNull(),
    operatorId: text('operator_id').notNull(),
    createdAt: text('created_at').notNull(),
  },
  (t) => [
    uniqueIndex('work_orders_no_idx').on(t.no),
    index('work_orders_customer_idx').on(t.customerId, t.createdAt),
    index('work_orders_source_idx').on(t.sourceId),
  ],
);

export const workOrderSteps = sqliteTable(
  'work_order_steps',
  {
    id: text('id').primaryKey(),
    workOrderId: text('work_order_id')
      .notNull()
      .references(() => workOrders.id),
    /** 1, 2, … per work order: two steps can never both follow the same state. */
    stepNo: integer('step_no').notNull(),
    action: text('action', { enum: ['assign', 'complete', 'cancel'] }).notNull(),
    statusAfter: text('status_after').notNull(),
    /** The team and person it is with after the step. */
    team: text('team'),
    assignee: text('assignee'),
    /** The assignment's note, the team's result, or the reason for 撤销. */
    text: text('text').notNull(),
    /** A completion's materials (JSON [{ name, qty }]), fee payment and new meter (after 换表). */
    materials: text('materials').notNull(),
    saleId: text('sale_id'),
    newMeterNo: text('new_meter_no'),
    operatorId: text('operator_id').notNull(),
    at: text('at').notNull(),
  },
  (t) => [uniqueIndex('work_order_steps_no_idx').on(t.workOrderId, t.stepNo)],
);

export const meterFaults = sqliteTable(
  'meter_faults',
  {
    id: text('id').primaryKey(),
    meterNo: text('meter_no').notNull(),
    customerId: text('customer_id').notNull(),
    workOrderId: text('work_order_id')
      .notNull()
      .references(() => workOrders.id),
    fault: text('fault').notNull(),
    action: text('action').notNull(),
    note: text('note').notNull(),
    /** The day it was dealt with (the completion's). */
    date: text('date').notNull(),
    operatorId: text('operator_id').notNull(),
    at: text('at').notNull(),
  },
  (t) => [index('meter_faults_meter_idx').on(t.meterNo, t.at), index('meter_faults_at_idx').on(t.at)],
);
