/**
 * The service desk's records (服务台): saved versions of business types, acceptance records (业务受理), complaints,
 * each complaint's steps (判定, 转办, 跟踪, 处理结果, 结案) and its 回访. Every table is append-only (triggers in
 * the migration): a complaint's state is its last step; a business type's, its last version. Runtime: Node.
 */
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

/** A business type as a 班长 or the administrator saved it (the built-in catalogue is core's, version 0). */
export const serviceTypes = sqliteTable(
  'service_types',
  {
    id: text('id').primaryKey(),
    code: text('code').notNull(),
    version: integer('version').notNull(),
    name: text('name').notNull(),
    prepare: text('prepare').notNull(),
    active: integer('active', { mode: 'boolean' }).notNull(),
    savedBy: text('saved_by').notNull(),
    savedAt: text('saved_at').notNull(),
  },
  (t) => [uniqueIndex('service_types_code_version_idx').on(t.code, t.version)],
);

export const acceptances = sqliteTable(
  'acceptances',
  {
    id: text('id').primaryKey(),
    /** `${hall}-${counter}-${type code}-${6-digit sequence}`, unique per counter. */
    no: text('no').notNull(),
    typeCode: text('type_code').notNull(),
    typeName: text('type_name').notNull(),
    channel: text('channel', { enum: ['window', 'phone', 'visit'] }).notNull(),
    customerId: text('customer_id'),
    accountNo: text('account_no'),
    name: text('name').notNull(),
    phone: text('phone').notNull(),
    address: text('address').notNull(),
    asked: text('asked').notNull(),
    answered: text('answered').notNull(),
    /** JSON array of the documents checked. */
    documents: text('documents').notNull(),
    nextStep: text('next_step').notNull(),
    /** What the customer must prepare, as the catalogue said at the time. */
    prepare: text('prepare').notNull(),
    saleId: text('sale_id'),
    operatorId: text('operator_id').notNull(),
    businessDate: text('business_date').notNull(),
    createdAt: text('created_at').notNull(),
  },
  (t) => [
    uniqueIndex('acceptances_no_idx').on(t.no),
    index('acceptances_customer_idx').on(t.customerId, t.createdAt),
    index('acceptances_created_idx').on(t.createdAt),
  ],
);

export const complaints = sqliteTable(
  'complaints',
  {
    id: text('id').primaryKey(),
    no: text('no').notNull(),
    channel: text('channel', { enum: ['window', 'phone', 'visit'] }).notNull(),
    customerId: text('customer_id'),
    accountNo: text('account_no'),
    name: text('name').notNull(),
    phone: text('phone').notNull(),
    address: text('address').notNull(),
    category: text('category').notNull(),
    details: text('details').notNull(),
    /** When it must be closed by (the category's time limit from its recording). */
    dueAt: text('due_at').notNull(),
    operatorId: text('operator_id').notNull(),
    createdAt: text('created_at').notNull(),
  },
  (t) => [uniqueIndex('complaints_no_idx').on(t.no), index('complaints_created_idx').on(t.createdAt)],
);

export const complaintSteps = sqliteTable(
  'complaint_steps',
  {
    id: text('id').primaryKey(),
    complaintId: text('complaint_id')
      .notNull()
      .references(() => complaints.id),
    /** 1, 2, … per complaint: two steps can never both follow the same state. */
    stepNo: integer('step_no').notNull(),
    action: text('action').notNull(),
    statusAfter: text('status_after').notNull(),
    justified: integer('justified', { mode: 'boolean' }),
    team: text('team'),
    text: text('text').notNull(),
    operatorId: text('operator_id').notNull(),
    at: text('at').notNull(),
  },
  (t) => [uniqueIndex('complaint_steps_no_idx').on(t.complaintId, t.stepNo)],
);

export const followups = sqliteTable(
  'followups',
  {
    id: text('id').primaryKey(),
    complaintId: text('complaint_id')
      .notNull()
      .references(() => complaints.id),
    outcome: text('outcome', { enum: ['reached', 'unreachable'] }).notNull(),
    satisfaction: text('satisfaction'),
    text: text('text').notNull(),
    operatorId: text('operator_id').notNull(),
    at: text('at').notNull(),
  },
  (t) => [index('followups_complaint_idx').on(t.complaintId, t.at)],
);
