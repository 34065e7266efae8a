/**
 * 预约上门 (appointments): book a visit (安装, 通气, 维修, 安检, 换表) into a field team's half-day slot, move
 * it (改约) or cancel it (取消) with a reason, the day's list per team, and the printed appointment slip; head
 * office's 改派 and 取消 (pulled) shown beside the counter's steps.
 * Runtime: any.
 */
import { z } from 'zod';
import {
  APPOINTMENT_ACTIONS,
  APPOINTMENT_STATUSES,
  FIELD_TEAMS,
  SLOTS,
  VISIT_KINDS,
} from '../domain/appointments';
import { freeText, idSchema, isoDate, op, trimmed } from './common';
import { printedReceiptSchema } from './printing';
import {
  headOfficeStepViewSchema,
  partyInput,
  partySchema,
  prospectiveNamed,
  staffName,
} from './service-desk';

const DESK = ['clerk', 'supervisor', 'admin'] as const;
const ANY_STAFF = ['clerk', 'cashier', 'supervisor', 'admin'] as const;

const placement = {
  date: z.string(),
  slot: z.enum(SLOTS),
  team: z.enum(FIELD_TEAMS),
};

export const appointmentStepSchema = z.object({
  id: z.string(),
  stepNo: z.number().int(),
  /** Made at this counter after head office had cancelled the appointment: not taken (head office's cancel is final). */
  superseded: z.boolean(),
  action: z.enum(APPOINTMENT_ACTIONS),
  statusAfter: z.enum(APPOINTMENT_STATUSES),
  ...placement,
  reason: z.string(),
  operator: staffName,
  at: z.string(),
});

export const appointmentSchema = z.object({
  id: z.string(),
  no: z.string(),
  kind: z.enum(VISIT_KINDS),
  party: partySchema,
  notes: z.string(),
  /** Where it stands now (the last 改约's, or as booked; the team a later 总部改派's). */
  ...placement,
  status: z.enum(APPOINTMENT_STATUSES),
  allowed: z.array(z.enum(APPOINTMENT_ACTIONS)),
  booked: z.object(placement),
  steps: z.array(appointmentStepSchema),
  /** Head office's steps on it (总部改派、总部取消), in its own numbering. */
  headOffice: z.array(headOfficeStepViewSchema),
  operator: staffName,
  createdAt: z.string(),
});
export type Appointment = z.infer<typeof appointmentSchema>;

export const slotViewSchema = z.object({
  team: z.enum(FIELD_TEAMS),
  slot: z.enum(SLOTS),
  capacity: z.number().int(),
  taken: z.number().int(),
  /** The slot has ended (counter time): nothing more is booked into it. */
  past: z.boolean(),
});

const printResult = z.object({
  copyNo: z.number().int(),
  reprint: z.boolean(),
  paperNearEnd: z.boolean(),
  receipt: printedReceiptSchema,
});

const visitDate = isoDate('预约日期');
const slotInput = z.enum(SLOTS, { error: '请选择预约时段（上午或下午）' });
const teamInput = z.enum(FIELD_TEAMS, { error: '没有这个上门班组（巡线班、通气维修班、安装队）' });

export const appointmentOps = {
  'appointments.slots': op({
    summary: '某天各上门班组各时段的预约名额（容量、已约、是否已过）',
    access: ANY_STAFF,
    writes: false,
    input: z.object({ date: visitDate }),
    output: z.object({ date: z.string(), today: z.string(), slots: z.array(slotViewSchema) }),
  }),
  'appointments.book': op({
    summary:
      '预约上门：为用户（或未开户的客户）按顺序约定班组的上门时段（安装、通气、维修、安检、换表），生成预约单号',
    access: DESK,
    writes: true,
    input: z
      .object({
        ...partyInput,
        kind: z.enum(VISIT_KINDS, { error: '请选择上门事项（安装、通气、维修、安检、换表）' }),
        team: teamInput,
        date: visitDate,
        slot: slotInput,
        notes: freeText(300, '备注', { multiline: true }).default(''),
      })
      .superRefine(prospectiveNamed),
    output: appointmentSchema,
  }),
  'appointments.reschedule': op({
    summary: '改约：换到另一天、时段或班组（须写明原因；已取消的预约不能改约）',
    access: DESK,
    writes: true,
    input: z.object({
      id: idSchema,
      date: visitDate,
      slot: slotInput,
      team: teamInput.optional(),
      reason: trimmed(200, '改约原因'),
    }),
    output: appointmentSchema,
  }),
  'appointments.cancel': op({
    summary: '取消预约（须写明原因；取消后不能再改约）',
    access: DESK,
    writes: true,
    input: z.object({ id: idSchema, reason: trimmed(200, '取消原因') }),
    output: appointmentSchema,
  }),
  'appointments.get': op({
    summary: '查看一张预约单及其改约、取消记录',
    access: ANY_STAFF,
    writes: false,
    input: z.object({ id: idSchema }),
    output: appointmentSchema,
  }),
  'appointments.list': op({
    summary: '某天的预约（可只看一个班组；按班组、时段、预约先后排列），或一户的预约',
    access: ANY_STAFF,
    writes: false,
    input: z.object({
      date: visitDate.optional(),
      team: teamInput.optional(),
      customerId: idSchema.optional(),
      withCancelled: z.boolean({ error: '是否含已取消的预约应为是或否' }).default(false),
    }),
    output: z.object({ items: z.array(appointmentSchema) }),
  }),
  'appointments.preview': op({
    summary: '预约上门通知单预览（与打印机打出的一致）',
    access: ANY_STAFF,
    writes: false,
    input: z.object({ id: idSchema }),
    output: z.object({ receipt: printedReceiptSchema, columns: z.number().int() }),
  }),
  'appointments.print': op({
    summary: '打印预约上门通知单（80 毫米小票，附上门须知）；再次打印为“重打”',
    access: DESK,
    writes: true,
    input: z.object({ id: idSchema }),
    output: printResult,
  }),
  'appointments.printDay': op({
    summary: '打印一个班组某天的预约上门日程（80 毫米小票；A4 见 receipts.html）',
    access: DESK,
    writes: true,
    input: z.object({ date: visitDate, team: teamInput }),
    output: printResult,
  }),
} as const;
