/**
 * Head office's steps on this counter's complaints, work orders and appointments (总部改派、总部结案/取消), as pulled from the
 * hall's feed (kind `service_step`): numbered by head office per record (`ho_no`), each saying after which of
 * the counter's own steps it was made (`after_step_no`), so they never take a counter step's number. A record's
 * state and team take them in (core/domain/head-office-steps.ts). Append-only (triggers in the migration).
 * Runtime: Node.
 */
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

export const headOfficeSteps = sqliteTable(
  'head_office_steps',
  {
    /** `${record_id}:${ho_no}`, the feed entry's key. */
    id: text('id').primaryKey(),
    recordKind: text('record_kind', { enum: ['complaint', 'work_order', 'appointment'] }).notNull(),
    recordId: text('record_id').notNull(),
    hoNo: integer('ho_no').notNull(),
    afterStepNo: integer('after_step_no').notNull(),
    action: text('action', { enum: ['reassign', 'close'] }).notNull(),
    team: text('team'),
    assignee: text('assignee'),
    reason: text('reason').notNull(),
    by: text('by').notNull(),
    at: text('at').notNull(),
    /** When this counter pulled it. */
    pulledAt: text('pulled_at').notNull(),
  },
  (t) => [
    uniqueIndex('head_office_steps_no_idx').on(t.recordId, t.hoNo),
    index('head_office_steps_close_idx').on(t.recordId, t.action),
  ],
);
