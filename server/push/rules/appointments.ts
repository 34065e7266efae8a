/**
 * 预约上门 at head office: a booking is the hall's — a customer it names must be the hall's, its id new; a
 * 改约 or 取消 comes only from a counter of the appointment's hall, in order (step n + 1 after step n), each a
 * move core/domain/appointments.ts allows — so a cancelled appointment is not moved at head office either, nor
 * one head office cancelled (a counter step numbered after it is quarantined, CLOSED_AT_HEAD_OFFICE).
 * Slot capacity is not checked here: counters book offline, each against its own slots. Runtime: Node.
 */
import { type AppointmentStatus, nextAppointmentStatus } from '../../../core/domain/appointments';
import {
  APPOINTMENT_STEP_TYPES,
  type AppointmentStepType,
  STEP_TYPE_ACTION,
} from '../../../core/sync/ops/appointment-ops';
import { APPLIED, isQuarantine, quarantine } from '../world';
import type { Rule } from './rule';
import { closedAtHeadOffice, moveOn, newRecord, putRecord } from './service';

export const appointmentBooked: Rule<'appointment.booked'> = {
  check: (w, op) => newRecord(w, op.read.data.id, op.read.data.customerId),
  apply(w, op) {
    putRecord(w, op, 'appointment', op.read.data);
    return APPLIED;
  },
};

export const appointmentStepped: Rule<AppointmentStepType> = {
  check(w, op) {
    const s = op.read.data;
    if (STEP_TYPE_ACTION[op.read.type as AppointmentStepType] !== s.action)
      return quarantine('PAYLOAD_INVALID', `${op.read.type} 不能记录 ${s.action}`);
    const a = w.ownAppointment(s.appointmentId);
    if (isQuarantine(a)) return a;
    const closed = closedAtHeadOffice(a, s.stepNo, '预约');
    if (closed) return closed;
    if (s.stepNo !== a.stepCount + 1)
      return quarantine(
        'STEP_OUT_OF_ORDER',
        `预约 ${a.no} 的第 ${s.stepNo} 步不接续总部所记的第 ${a.stepCount} 步`,
      );
    const to = nextAppointmentStatus(a.status as AppointmentStatus, s.action);
    if (to === null || to !== s.statusAfter)
      return quarantine('STEP_OUT_OF_ORDER', `预约 ${a.no} 当前为 ${a.status}，不能 ${s.action}`);
    return null;
  },
  apply(w, op) {
    const s = op.read.data;
    moveOn(w, op, w.serviceRecords.get(s.appointmentId)!, (a) => {
      a.status = s.statusAfter;
      a.stepCount = s.stepNo;
      a.data = {
        ...a.data,
        date: s.date,
        slot: s.slot,
        team: s.team,
        steps: [...(a.data.steps ?? []), { ...s, operatorId: op.operatorId, at: op.createdAt }],
      };
    });
    return APPLIED;
  },
};

export { APPOINTMENT_STEP_TYPES };
