/**
 * 工单 (work orders), their steps (派单, 完成, 撤销) and the faulty-meter register (表具故障登记), fed by
 * work-order results. All three append-only (triggers in the migration): a work order's status, team and
 * assignee are its last step's. Runtime: Node.
 */
import { sql } from 'drizzle-orm';
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

export const workOrders = sqliteTable(
  'work_orders',
  {
    id: text('id').primaryKey(),
    /** `${hall}-${counter}-GD-${6-digit sequence}`, unique per counter. */
    no: text('no').notNull(),
    kind: text('kind').notNull(),
    /** acceptance | appointment | complaint | alarm | referral (head office's 核表请求), and that record's id and readable number. */
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
    // A 核表请求 turns into one work order at this counter, however often the clerk asks.
    uniqueIndex('work_orders_referral_once_idx').on(t.sourceId).where(sql`source_type = 'referral'`),
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

/**
 * 核表请求 pulled from head office (feed kind `usage_referral`): a suspect of head office's usage analysis sent
 * to this hall for a work order. Shown on the clerk's to-do board until a work order is opened from it
 * (source type `referral`). Inserted once by id, never edited.
 */
export const usageReferrals = sqliteTable(
  'usage_referrals',
  {
    id: text('id').primaryKey(),
    no: text('no').notNull(),
    customerId: text('customer_id').notNull(),
    accountNo: text('account_no').notNull(),
    name: text('name').notNull(),
    address: text('address').notNull(),
    month: text('month').notNull(),
    /** JSON [{ code, text }]: the analysis's flags with their evidence. */
    flags: text('flags').notNull(),
    description: text('description').notNull(),
    createdBy: text('created_by').notNull(),
    createdAt: text('created_at').notNull(),
  },
  (t) => [index('usage_referrals_created_idx').on(t.createdAt)],
);
