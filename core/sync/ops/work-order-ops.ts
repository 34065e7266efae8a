/**
 * 工单 and 安检 operations: a work order opened, assigned (派单/改派), completed with the team's result (and a
 * faulty-meter register entry) or cancelled; an inspection recorded and its hazards rectified. They are the
 * hall's: only a counter of the hall records or moves one, a customer it names must be the hall's, and head
 * office applies the steps in order through the counter's state machine (core/domain/work-orders.ts), so a
 * completed or cancelled work order is not moved there either, nor an inspection rectified twice.
 * Runtime: any.
 */
import { z } from 'zod';
import { FIELD_TEAMS } from '../../domain/appointments';
import { INSPECTION_ITEMS, INSPECTION_RESULTS } from '../../domain/inspections';
import {
  FAULT_ACTIONS,
  METER_FAULTS,
  WORK_KINDS,
  WORK_ORDER_ACTIONS,
  WORK_ORDER_STATUSES,
  WORK_SOURCES,
} from '../../domain/work-orders';
import { defineOp, FROM_V1 } from './define';
import { day, id, int, nid, nstr, str } from './fields';

const hallRecord = { authority: 'hall', headOffice: 'applies' } as const;

export const WORK_ORDER_STEP_TYPES = [
  'workOrder.assigned',
  'workOrder.completed',
  'workOrder.cancelled',
] as const;
export type WorkOrderStepType = (typeof WORK_ORDER_STEP_TYPES)[number];
export const WORK_STEP_ACTION: Record<WorkOrderStepType, (typeof WORK_ORDER_ACTIONS)[number]> = {
  'workOrder.assigned': 'assign',
  'workOrder.completed': 'complete',
  'workOrder.cancelled': 'cancel',
};

export const workOrderStep = z.strictObject({
  workOrderId: id,
  /** 1, 2, … per work order; head office applies them in this order only. */
  stepNo: int.min(1),
  action: z.enum(WORK_ORDER_ACTIONS),
  statusAfter: z.enum(WORK_ORDER_STATUSES),
  team: z.enum(FIELD_TEAMS).nullable(),
  assignee: nstr,
  text: str,
  materials: z.array(z.strictObject({ name: str.min(1), qty: int.min(1) })),
  saleId: nid,
  newMeterNo: nstr,
  /** The faulty-meter register's entry a completion makes, if any. */
  fault: z
    .strictObject({
      id,
      meterNo: str.min(1),
      fault: z.enum(METER_FAULTS),
      action: z.enum(FAULT_ACTIONS),
      note: str,
      date: day,
    })
    .nullable(),
});
export type WorkOrderStepPayload = z.output<typeof workOrderStep>;

const stepOp = (type: WorkOrderStepType, summary: string) =>
  defineOp({
    type,
    version: 1,
    entityType: 'workOrder',
    ...hallRecord,
    entityId: (p) => p.workOrderId,
    summary,
    schema: workOrderStep,
    upgrades: {},
  });

export const workOrderOps = [
  defineOp({
    type: 'workOrder.opened',
    // 2: `sourceType` may be `referral` (head office's 核表请求); a version-1 payload is a valid version 2.
    version: 2,
    entityType: 'workOrder',
    ...hallRecord,
    entityId: (p) => p.id,
    summary: '开工单（工单号、类型、来源单据、客户、表号、工单内容）',
    schema: z.strictObject({
      id,
      no: str.min(1),
      kind: z.enum(WORK_KINDS),
      sourceType: z.enum(WORK_SOURCES),
      sourceId: id,
      sourceNo: str.min(1),
      customerId: nid,
      accountNo: nstr,
      name: str.min(1),
      phone: str,
      address: str,
      meterNo: nstr,
      description: str.min(1),
    }),
    upgrades: FROM_V1,
  }),
  stepOp('workOrder.assigned', '派单或改派（班组、上门人员、说明）'),
  stepOp('workOrder.completed', '工单完成（处理结果、用料、关联收费、新表号、表具故障登记）'),
  stepOp('workOrder.cancelled', '撤销工单（附原因）'),
  defineOp({
    type: 'inspection.recorded',
    version: 1,
    entityType: 'inspection',
    ...hallRecord,
    entityId: (p) => p.id,
    summary: '入户安检（日期、安检员、检查项目、隐患、整改期限）',
    schema: z.strictObject({
      id,
      no: str.min(1),
      customerId: id,
      accountNo: str,
      name: str.min(1),
      phone: str,
      address: str,
      date: day,
      inspector: str.min(1),
      result: z.enum(INSPECTION_RESULTS),
      items: z.array(z.enum(INSPECTION_ITEMS)),
      hazards: z.array(z.strictObject({ item: z.enum(INSPECTION_ITEMS), note: str.min(1) })),
      deadline: day.nullable(),
      workOrderId: nid,
      notes: str,
    }),
    upgrades: {},
  }),
  defineOp({
    type: 'inspection.rectified',
    version: 1,
    entityType: 'inspection',
    ...hallRecord,
    entityId: (p) => p.inspectionId,
    summary: '隐患整改完毕（复查日期、复查人、说明）',
    schema: z.strictObject({ id, inspectionId: id, rectifiedOn: day, checker: str.min(1), note: str }),
    upgrades: {},
  }),
] as const;
