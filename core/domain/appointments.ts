/**
 * 预约上门 (appointments): the visits a clerk books into a field team's half-day slots, in order, with the
 * handbook's reminders for the slip. A booking is moved (改约) or cancelled (取消) by a new step, never edited;
 * a cancelled one is final. Source: the hall handbook (../shared/seed/customer-service-handbook-excerpt.txt,
 * 预约时间上门服务). Runtime: any.
 */

/** What the visit is for. */
export const VISIT_KINDS = ['install', 'gas_on', 'repair', 'inspect', 'meter_change'] as const;
export type VisitKind = (typeof VISIT_KINDS)[number];
export const VISIT_KIND_ZH: Record<VisitKind, string> = {
  install: '安装',
  gas_on: '通气',
  repair: '维修',
  inspect: '安检',
  meter_change: '换表',
};

/** The field teams that go out to households (configurable later; these are the defaults). */
export const FIELD_TEAMS = ['patrol', 'repair', 'install'] as const;
export type FieldTeam = (typeof FIELD_TEAMS)[number];
export const FIELD_TEAM_ZH: Record<FieldTeam, string> = {
  patrol: '巡线班',
  repair: '通气维修班',
  install: '安装队',
};

/** A day's half-day slots: when each ends (minutes past midnight, counter time) and how many visits a team takes. */
export const SLOTS = ['am', 'pm'] as const;
export type Slot = (typeof SLOTS)[number];
export const SLOT_INFO: Record<
  Slot,
  { readonly zh: string; readonly hours: string; readonly endMinutes: number }
> = {
  am: { zh: '上午', hours: '8:30–12:00', endMinutes: 12 * 60 },
  pm: { zh: '下午', hours: '13:30–17:30', endMinutes: 17 * 60 + 30 },
};

/** Visits a team takes per slot (the default until the hall configures its own). */
export const DEFAULT_SLOT_CAPACITY: Record<FieldTeam, number> = { patrol: 4, repair: 4, install: 3 };

/** The handbook's reminders, printed on the appointment slip. */
export const APPOINTMENT_REMINDERS = [
  '预约时间内家中务必留人，工作人员会在预约的时间里上门服务。',
  '请准备好灶具、电池、软管等。',
  '尽量不要只留老人及未成年人在家。',
] as const;

export const APPOINTMENT_STATUSES = ['booked', 'rescheduled', 'cancelled'] as const;
export type AppointmentStatus = (typeof APPOINTMENT_STATUSES)[number];
export const APPOINTMENT_STATUS_ZH: Record<AppointmentStatus, string> = {
  booked: '已预约',
  rescheduled: '已改约',
  cancelled: '已取消',
};

export const APPOINTMENT_ACTIONS = ['reschedule', 'cancel'] as const;
export type AppointmentAction = (typeof APPOINTMENT_ACTIONS)[number];

/** The status after `action` from `from`, or null when not allowed (a cancelled appointment is final). */
export function nextAppointmentStatus(
  from: AppointmentStatus,
  action: AppointmentAction,
): AppointmentStatus | null {
  if (from === 'cancelled') return null;
  return action === 'reschedule' ? 'rescheduled' : 'cancelled';
}

export const allowedAppointmentActions = (s: AppointmentStatus): AppointmentAction[] =>
  APPOINTMENT_ACTIONS.filter((a) => nextAppointmentStatus(s, a) !== null);
