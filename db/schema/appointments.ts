/**
 * 预约上门 (appointments): a booked visit into a field team's half-day slot, and its steps (改约, 取消). Both
 * tables are append-only (triggers in the migration): an appointment's current day, slot, team and status are
 * its last step's, the booking's own without one. Runtime: Node.
 */
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

export const appointments = sqliteTable(
  'appointments',
  {
    id: text('id').primaryKey(),
    /** `${hall}-${counter}-YY-${6-digit sequence}`, unique per counter. */
    no: text('no').notNull(),
    kind: text('kind').notNull(),
    customerId: text('customer_id'),
    accountNo: text('account_no'),
    name: text('name').notNull(),
    phone: text('phone').notNull(),
    address: text('address').notNull(),
    notes: text('notes').notNull(),
    /** As booked: the day ('YYYY-MM-DD'), slot and team. */
    date: text('date').notNull(),
    slot: text('slot').notNull(),
    team: text('team').notNull(),
    operatorId: text('operator_id').notNull(),
    createdAt: text('created_at').notNull(),
  },
  (t) => [
    uniqueIndex('appointments_no_idx').on(t.no),
    index('appointments_day_idx').on(t.date, t.team, t.slot),
    index('appointments_customer_idx').on(t.customerId, t.createdAt),
  ],
);

export const appointmentSteps = sqliteTable(
  'appointment_steps',
  {
    id: text('id').primaryKey(),
    appointmentId: text('appointment_id')
      .notNull()
      .references(() => appointments.id),
    /** 1, 2, … per appointment: two steps can never both follow the same state. */
    stepNo: integer('step_no').notNull(),
    action: text('action', { enum: ['reschedule', 'cancel'] }).notNull(),
    statusAfter: text('status_after').notNull(),
    /** Where the appointment stands after the step (a cancellation keeps the last placement). */
    date: text('date').notNull(),
    slot: text('slot').notNull(),
    team: text('team').notNull(),
    reason: text('reason').notNull(),
    operatorId: text('operator_id').notNull(),
    at: text('at').notNull(),
  },
  (t) => [
    uniqueIndex('appointment_steps_no_idx').on(t.appointmentId, t.stepNo),
    index('appointment_steps_day_idx').on(t.date, t.team, t.slot),
  ],
);
