/**
 * The hall's service-desk records at head office (服务台): acceptance records and complaints from every counter
 * of the hall, each complaint with its steps and 回访 as the counters recorded them, applied in order through
 * the counter's state machine (server/push/rules/service.ts). Runtime: Node.
 */
import { index, integer, jsonb, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';

export const serviceRecords = pgTable(
  'service_records',
  {
    id: text('id').primaryKey(),
    hallId: text('hall_id').notNull(),
    /** The counter that recorded it. */
    counterId: text('counter_id').notNull(),
    kind: text('kind', {
      enum: ['acceptance', 'complaint', 'appointment', 'work_order', 'inspection', 'installation'],
    }).notNull(),
    no: text('no').notNull(),
    customerId: text('customer_id'),
    /** A complaint's status after its last step (null for an acceptance). */
    status: text('status'),
    /** The steps applied so far (a complaint's next step must be number step_count + 1). */
    stepCount: integer('step_count').notNull().default(0),
    /** The record as recorded, with `steps` and `followups` appended as they arrive. */
    data: jsonb('data').notNull(),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [index('service_records_hall_idx').on(t.hallId, t.kind, t.status)],
);

/**
 * 核表请求: a suspect of the usage analysis that a head-office user sent to the household's hall for a work
 * order (server/usage/referrals.ts). Once per household and month; the hall's counters receive it on their
 * pull (feed kind `usage_referral`) and a clerk opens the 工单 from it. Never edited.
 */
export const usageReferrals = pgTable(
  'usage_referrals',
  {
    id: text('id').primaryKey(),
    no: text('no').notNull(),
    hallId: text('hall_id').notNull(),
    customerId: text('customer_id').notNull(),
    accountNo: text('account_no').notNull(),
    /** The analysed month, 2026-03. */
    month: text('month').notNull(),
    /** The suspect's flags as the analysis explained them: [{ code, text }]. */
    flags: jsonb('flags').notNull(),
    description: text('description').notNull(),
    /** The console user (or `admin-token`) who sent it. */
    createdBy: text('created_by').notNull(),
    createdAt: text('created_at').notNull(),
  },
  (t) => [
    uniqueIndex('usage_referrals_once_idx').on(t.customerId, t.month),
    index('usage_referrals_hall_idx').on(t.hallId, t.month),
  ],
);
