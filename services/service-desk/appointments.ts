/**
 * 预约上门 (appointments): a visit booked into a field team's half-day slot in order, moved (改约) or cancelled
 * (取消) with a reason — each a new row with its ledger operation and audit entry in one transaction, never an
 * edit; a cancelled appointment takes no further step. Head office's 改派 (another team) and 取消 (pulled,
 * db/repos/head-office-steps.ts) are taken into its state, team and the day lists. A slot that has ended (counter time, the application's
 * clock) or that is full takes no booking. Runtime: Node.
 */
import type { Appointment, OpParsedInput } from '../../core/contract';
import { dayIn, wallClockMs } from '../../core/business-day';
import {
  type AppointmentAction,
  type AppointmentStatus,
  allowedAppointmentActions,
  DEFAULT_SLOT_CAPACITY,
  FIELD_TEAM_ZH,
  FIELD_TEAMS,
  type FieldTeam,
  nextAppointmentStatus,
  SLOT_INFO,
  SLOTS,
  type Slot,
  VISIT_KIND_ZH,
  type VisitKind,
} from '../../core/domain/appointments';
import { effectiveState, type HeadOfficeStep, supersededBy } from '../../core/domain/head-office-steps';
import { AppError } from '../../core/errors';
import type { AppointmentStepType } from '../../core/sync/ops/appointment-ops';
import {
  type AppointmentRow,
  type AppointmentStepRow,
  appointmentStepsOf,
  appointmentsOf,
  appointmentsOn,
  findAppointment,
  headOfficeStepsOf,
  insertAppointment,
  insertAppointmentStep,
  slotTaken,
  takeNumber,
} from '../../db';
import type { App } from '../app';
import { type Handlers, operatorOf } from '../call';
import { headOfficeView, partyOf, readableNo, staffRef } from './party';

interface Placement {
  date: string;
  slot: Slot;
  team: FieldTeam;
}

const STEP_TYPE: Record<AppointmentAction, AppointmentStepType> = {
  reschedule: 'appointment.rescheduled',
  cancel: 'appointment.cancelled',
};

const refused = (path: string, code: string, message: string) =>
  new AppError('VALIDATION_FAILED', { issues: [{ path: [path], code, message }] });

export const slotCapacity = (team: FieldTeam): number => DEFAULT_SLOT_CAPACITY[team];

/** Whether the slot has ended by now, on the counter's wall clock. */
export function slotPast(app: App, date: string, slot: Slot): boolean {
  return app.clock.nowMs() >= wallClockMs(app.timeZone(), date, SLOT_INFO[slot].endMinutes);
}

const placeZh = (p: Placement) => `${FIELD_TEAM_ZH[p.team]} ${p.date} ${SLOT_INFO[p.slot].zh}`;

/** Refused (nothing written) unless the slot is still ahead and has room; `except` is the appointment moved. */
function checkSlot(app: App, p: Placement, except?: string): void {
  if (slotPast(app, p.date, p.slot))
    throw refused(
      p.date < dayIn(app.timeZone(), app.clock.nowMs()) ? 'date' : 'slot',
      'SLOT_PAST',
      `${p.date} ${SLOT_INFO[p.slot].zh}已经过去，不能预约；请选择之后的时段`,
    );
  const capacity = slotCapacity(p.team);
  if (slotTaken(app.db, p, except) >= capacity)
    throw refused('slot', 'SLOT_FULL', `${placeZh(p)}已约满（${capacity} 户），请换一个时段或班组`);
}

/**
 * Its state and placement with head office's steps taken in (core/domain/head-office-steps.ts): the status is
 * cancelled once head office cancelled it; the day and slot are the last counter step's it took (a step made
 * after head office's cancel is not taken); the team is the latest, counter's or head office's, in their order.
 */
function stateOf(
  r: AppointmentRow,
  steps: readonly AppointmentStepRow[],
  ho: readonly HeadOfficeStep[],
): { status: AppointmentStatus; place: Placement } {
  const booked = { ...r, stepNo: 0, statusAfter: 'booked' };
  const e = effectiveState('appointment', 'booked', [booked, ...steps], ho);
  const s = [booked, ...steps].filter((x) => !supersededBy(ho, x.stepNo)).at(-1) ?? booked;
  return {
    status: e.status as AppointmentStatus,
    place: { date: s.date, slot: s.slot as Slot, team: (e.team ?? s.team) as FieldTeam },
  };
}

export function toAppointments(app: App, rows: readonly AppointmentRow[]): Appointment[] {
  const ids = rows.map((r) => r.id);
  const byId = new Map<string, AppointmentStepRow[]>();
  for (const s of appointmentStepsOf(app.db, ids))
    byId.set(s.appointmentId, [...(byId.get(s.appointmentId) ?? []), s]);
  const hoById = headOfficeStepsOf(app.db, ids);
  return rows.map((r) => {
    const steps = byId.get(r.id) ?? [];
    const ho = hoById.get(r.id) ?? [];
    const { status, place } = stateOf(r, steps, ho);
    return {
      id: r.id,
      no: r.no,
      kind: r.kind as VisitKind,
      party: {
        customerId: r.customerId,
        accountNo: r.accountNo,
        name: r.name,
        phone: r.phone,
        address: r.address,
      },
      notes: r.notes,
      ...place,
      status,
      allowed: allowedAppointmentActions(status),
      booked: { date: r.date, slot: r.slot as Slot, team: r.team as FieldTeam },
      steps: steps.map((s) => ({
        id: s.id,
        stepNo: s.stepNo,
        superseded: supersededBy(ho, s.stepNo),
        action: s.action,
        statusAfter: s.statusAfter as AppointmentStatus,
        date: s.date,
        slot: s.slot as Slot,
        team: s.team as FieldTeam,
        reason: s.reason,
        operator: staffRef(app, s.operatorId),
        at: s.at,
      })),
      headOffice: headOfficeView(ho),
      operator: staffRef(app, r.operatorId),
      createdAt: r.createdAt,
    };
  });
}

export function loadAppointment(app: App, id: string): Appointment {
  const r = findAppointment(app.db, id);
  if (!r) throw new AppError('NOT_FOUND', { detail: 'appointment' });
  return toAppointments(app, [r])[0]!;
}

export function bookAppointment(
  app: App,
  operatorId: string,
  input: OpParsedInput<'appointments.book'>,
): Appointment {
  const id = app.newId();
  app.transaction(() => {
    const party = partyOf(app, input);
    const place: Placement = { date: input.date, slot: input.slot, team: input.team };
    checkSlot(app, place);
    const row: AppointmentRow = {
      id,
      no: readableNo(app, 'YY', takeNumber(app.gdb.sqlite, 'appointment')),
      kind: input.kind,
      ...party,
      notes: input.notes,
      ...place,
      operatorId,
      createdAt: app.nowIso(),
    };
    insertAppointment(app.db, row);
    const { operatorId: _o, createdAt: _c, ...payload } = row;
    app.ledger().append({
      type: 'appointment.booked',
      payload: { ...payload, kind: input.kind, slot: input.slot, team: input.team },
      operatorId,
      audit: {
        action: 'appointment.booked',
        summary: `预约上门 ${row.no}：${VISIT_KIND_ZH[input.kind]}，${placeZh(place)}，${party.name}（${party.phone}）`,
      },
    });
  });
  return loadAppointment(app, id);
}

/** 改约 or 取消, if the appointment is not cancelled; refused in Chinese otherwise, nothing written. */
export function stepAppointment(
  app: App,
  operatorId: string,
  id: string,
  action: AppointmentAction,
  reason: string,
  to?: { date: string; slot: Slot; team?: FieldTeam },
): Appointment {
  app.transaction(() => {
    const r = findAppointment(app.db, id);
    if (!r) throw new AppError('NOT_FOUND', { detail: 'appointment' });
    const steps = appointmentStepsOf(app.db, [id]);
    const { status: from, place: was } = stateOf(r, steps, headOfficeStepsOf(app.db, [id]).get(id) ?? []);
    const statusAfter = nextAppointmentStatus(from, action);
    if (statusAfter === null)
      throw new AppError('APPOINTMENT_CANCELLED', { fields: { status: from, action } });
    const place: Placement = to ? { date: to.date, slot: to.slot, team: to.team ?? was.team } : was;
    if (action === 'reschedule') checkSlot(app, place, id);
    const step: AppointmentStepRow = {
      id: app.newId(),
      appointmentId: id,
      stepNo: steps.length + 1,
      action,
      statusAfter,
      ...place,
      reason,
      operatorId,
      at: app.nowIso(),
    };
    insertAppointmentStep(app.db, step);
    app.ledger().append({
      type: STEP_TYPE[action],
      payload: { appointmentId: id, stepNo: step.stepNo, action, statusAfter, ...place, reason },
      operatorId,
      audit: {
        action: STEP_TYPE[action],
        summary:
          action === 'reschedule'
            ? `预约 ${r.no} 改约：${placeZh(was)} → ${placeZh(place)}`
            : `预约 ${r.no} 取消（原定 ${placeZh(was)}）`,
        reason,
        changes: [{ field: 'status', before: from, after: statusAfter }],
      },
    });
  });
  return loadAppointment(app, id);
}

export const appointmentsBook: Handlers['appointments.book'] = (input, call) =>
  bookAppointment(call.app, operatorOf(call).staffId, input);

export const appointmentsReschedule: Handlers['appointments.reschedule'] = (input, call) =>
  stepAppointment(call.app, operatorOf(call).staffId, input.id, 'reschedule', input.reason, input);

export const appointmentsCancel: Handlers['appointments.cancel'] = (input, call) =>
  stepAppointment(call.app, operatorOf(call).staffId, input.id, 'cancel', input.reason);

export const appointmentsGet: Handlers['appointments.get'] = (input, { app }) =>
  loadAppointment(app, input.id);

export const appointmentsList: Handlers['appointments.list'] = (input, { app }) => {
  const rows = input.customerId
    ? appointmentsOf(app.db, input.customerId, 100)
    : appointmentsOn(app.db, {
        date: input.date ?? dayIn(app.timeZone(), app.clock.nowMs()),
        team: input.team,
        withCancelled: input.withCancelled,
      });
  return { items: toAppointments(app, rows) };
};

export const appointmentsSlots: Handlers['appointments.slots'] = (input, { app }) => ({
  date: input.date,
  today: dayIn(app.timeZone(), app.clock.nowMs()),
  slots: FIELD_TEAMS.flatMap((team) =>
    SLOTS.map((slot) => ({
      team,
      slot,
      capacity: slotCapacity(team),
      taken: slotTaken(app.db, { date: input.date, slot, team }),
      past: slotPast(app, input.date, slot),
    })),
  ),
});
