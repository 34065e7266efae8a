/**
 * 预约上门 operations: an appointment booked into a field team's slot, moved (改约) or cancelled (取消). They are
 * the hall's: only a counter of the hall books or moves one, a customer it names must be the hall's, and head
 * office applies the steps in order through the counter's state machine (core/domain/appointments.ts), so a
 * cancelled appointment is not moved there either. Slot capacity is the counter's own check: counters book
 * offline, so head office records what they booked. Runtime: any.
 */
import { z } from 'zod';
import { APPOINTMENT_STATUSES, FIELD_TEAMS, SLOTS, VISIT_KINDS } from '../../domain/appointments';
import { defineOp } from './define';
import { day, id, int, nid, nstr, str } from './fields';

const hallRecord = { authority: 'hall', headOffice: 'applies' } as const;
const placement = { date: day, slot: z.enum(SLOTS), team: z.enum(FIELD_TEAMS) };

export const APPOINTMENT_STEP_TYPES = ['appointment.rescheduled', 'appointment.cancelled'] as const;
export type AppointmentStepType = (typeof APPOINTMENT_STEP_TYPES)[number];
export const STEP_TYPE_ACTION: Record<AppointmentStepType, 'reschedule' | 'cancel'> = {
  'appointment.rescheduled': 'reschedule',
  'appointment.cancelled': 'cancel',
};

export const appointmentStep = z.strictObject({
  appointmentId: id,
  /** 1, 2, … per appointment; head office applies them in this order only. */
  stepNo: int.min(1),
  action: z.enum(['reschedule', 'cancel']),
  statusAfter: z.enum(APPOINTMENT_STATUSES),
  ...placement,
  reason: str.min(1),
});
export type AppointmentStepPayload = z.output<typeof appointmentStep>;

export const appointmentOps = [
  defineOp({
    type: 'appointment.booked',
    version: 1,
    entityType: 'appointment',
    ...hallRecord,
    entityId: (p) => p.id,
    summary: '预约上门（预约单号、上门事项、客户、地址电话、班组、日期与时段、备注）',
    schema: z.strictObject({
      id,
      no: str.min(1),
      kind: z.enum(VISIT_KINDS),
      customerId: nid,
      accountNo: nstr,
      name: str.min(1),
      phone: str.min(1),
      address: str,
      notes: str,
      ...placement,
    }),
    upgrades: {},
  }),
  defineOp({
    type: 'appointment.rescheduled',
    version: 1,
    entityType: 'appointment',
    ...hallRecord,
    entityId: (p) => p.appointmentId,
    summary: '改约（新的日期、时段、班组与原因）',
    schema: appointmentStep,
    upgrades: {},
  }),
  defineOp({
    type: 'appointment.cancelled',
    version: 1,
    entityType: 'appointment',
    ...hallRecord,
    entityId: (p) => p.appointmentId,
    summary: '取消预约（附原因；取消后不能再改约）',
    schema: appointmentStep,
    upgrades: {},
  }),
] as const;
