/**
 * 工单 (work orders) for the field teams and the faulty-meter register: opened from an acceptance, an
 * appointment, a complaint or a meter alarm seen on a card read; 派单 to a team and a person; the team's result
 * entered at the counter (materials, the fee payment, the new meter after 换表, a meter fault) or 撤销 with a
 * reason. Runtime: any.
 */
import { z } from 'zod';
import { FIELD_TEAMS } from '../domain/appointments';
import {
  FAULT_ACTIONS,
  METER_FAULTS,
  WORK_KINDS,
  WORK_ORDER_ACTIONS,
  WORK_ORDER_STATUSES,
  WORK_SOURCES,
} from '../domain/work-orders';
import { freeText, idSchema, op, optionalTrimmed, trimmed } from './common';
import { headOfficeStepViewSchema, partySchema, staffName } from './service-desk';

const DESK = ['clerk', 'supervisor', 'admin'] as const;
const ANY_STAFF = ['clerk', 'cashier', 'supervisor', 'admin'] as const;

const materialSchema = z.object({ name: z.string(), qty: z.number().int() });

export const workOrderStepSchema = z.object({
  id: z.string(),
  stepNo: z.number().int(),
  /** Made at this counter after head office had closed the work order: not taken. */
  superseded: z.boolean(),
  action: z.enum(WORK_ORDER_ACTIONS),
  statusAfter: z.enum(WORK_ORDER_STATUSES),
  team: z.enum(FIELD_TEAMS).nullable(),
  assignee: z.string().nullable(),
  text: z.string(),
  materials: z.array(materialSchema),
  sale: z.object({ id: z.string(), receiptNo: z.string(), amount: z.number().int() }).nullable(),
  newMeterNo: z.string().nullable(),
  operator: staffName,
  at: z.string(),
});

export const meterFaultSchema = z.object({
  id: z.string(),
  meterNo: z.string(),
  customerId: z.string(),
  workOrderId: z.string(),
  workOrderNo: z.string(),
  fault: z.enum(METER_FAULTS),
  action: z.enum(FAULT_ACTIONS),
  note: z.string(),
  date: z.string(),
  operator: staffName,
  at: z.string(),
});
export type MeterFaultView = z.infer<typeof meterFaultSchema>;

export const workOrderSchema = z.object({
  id: z.string(),
  no: z.string(),
  kind: z.enum(WORK_KINDS),
  source: z.object({ type: z.enum(WORK_SOURCES), id: z.string(), no: z.string() }),
  party: partySchema,
  meterNo: z.string().nullable(),
  description: z.string(),
  status: z.enum(WORK_ORDER_STATUSES),
  /** The team and person it is with now (the last 派单), if any. */
  team: z.enum(FIELD_TEAMS).nullable(),
  assignee: z.string().nullable(),
  result: z.string().nullable(),
  allowed: z.array(z.enum(WORK_ORDER_ACTIONS)),
  steps: z.array(workOrderStepSchema),
  /** Head office's steps (总部改派、总部撤销), in its order. */
  headOffice: z.array(headOfficeStepViewSchema),
  faults: z.array(meterFaultSchema),
  operator: staffName,
  createdAt: z.string(),
});
export type WorkOrder = z.infer<typeof workOrderSchema>;

const teamInput = z.enum(FIELD_TEAMS, { error: '没有这个上门班组（巡线班、通气维修班、安装队）' });
const meterNoInput = optionalTrimmed(40, '表号');

export const workOrderOps = {
  'workOrders.open': op({
    summary:
      '开工单：从业务受理、预约上门、投诉、读卡所见的表具报警或总部核表请求开出维修、通气、安检、换表、巡线工单，生成工单号（待派）',
    access: DESK,
    writes: true,
    input: z.object({
      sourceType: z.enum(WORK_SOURCES, {
        error: '请选择工单来源（业务受理、预约上门、投诉、表具报警、总部核表请求）',
      }),
      sourceId: idSchema,
      kind: z.enum(WORK_KINDS, { error: '请选择工单类型（维修、通气、安检、换表、巡线）' }),
      meterNo: meterNoInput,
      description: trimmed(500, '工单内容', { multiline: true }),
    }),
    output: workOrderSchema,
  }),
  'workOrders.assign': op({
    summary: '派单（或改派）：把工单交给上门班组和具体人员',
    access: DESK,
    writes: true,
    input: z.object({
      id: idSchema,
      team: teamInput,
      assignee: trimmed(20, '上门人员'),
      note: freeText(300, '派单说明').default(''),
    }),
    output: workOrderSchema,
  }),
  'workOrders.complete': op({
    summary:
      '登记工单完成结果（班组回报）：处理结果、用料、关联的收费、换表后的新表号（换表须先办理「换表」）、表具故障登记',
    access: DESK,
    writes: true,
    input: z.object({
      id: idSchema,
      result: trimmed(500, '处理结果', { multiline: true }),
      materials: z
        .array(
          z.object({
            name: trimmed(30, '材料名称'),
            qty: z
              .number({ error: '材料数量应为整数' })
              .int({ error: '材料数量应为整数' })
              .min(1, { error: '材料数量至少为 1' })
              .max(999, { error: '材料数量最多 999' }),
          }),
        )
        .max(20, { error: '用料最多 20 项' })
        .default([]),
      saleId: idSchema.optional(),
      newMeterNo: meterNoInput,
      fault: z
        .object({
          fault: z.enum(METER_FAULTS, { error: '请选择表具故障类型' }),
          action: z.enum(FAULT_ACTIONS, { error: '请选择故障处理方式（现场修复、已换表、上报厂家）' }),
          note: freeText(200, '故障说明').default(''),
        })
        .optional(),
    }),
    output: workOrderSchema,
  }),
  'workOrders.cancel': op({
    summary: '撤销工单（须写明原因；已完成的工单不能撤销）',
    access: DESK,
    writes: true,
    input: z.object({ id: idSchema, reason: trimmed(200, '撤销原因') }),
    output: workOrderSchema,
  }),
  'workOrders.get': op({
    summary: '查看一张工单及其派单、完成或撤销记录',
    access: ANY_STAFF,
    writes: false,
    input: z.object({ id: idSchema }),
    output: workOrderSchema,
  }),
  'workOrders.list': op({
    summary: '工单（最新在前）：未完成的、一户的、或某条受理、预约、投诉开出的',
    access: ANY_STAFF,
    writes: false,
    input: z.object({
      open: z.boolean({ error: '是否只看未完成的应为是或否' }).default(false),
      customerId: idSchema.optional(),
      sourceId: idSchema.optional(),
      limit: z.number().int().min(1).max(500).default(100),
    }),
    output: z.object({ items: z.array(workOrderSchema) }),
  }),
  'meterFaults.list': op({
    summary: '表具故障登记簿：一块表、一户或全部（故障、日期、处理方式，最新在前）',
    access: ANY_STAFF,
    writes: false,
    input: z.object({
      meterNo: meterNoInput,
      customerId: idSchema.optional(),
      limit: z.number().int().min(1).max(500).default(100),
    }),
    output: z.object({ items: z.array(meterFaultSchema) }),
  }),
} as const;
