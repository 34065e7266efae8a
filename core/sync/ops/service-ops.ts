/**
 * The service desk's operations (服务台): a saved business type (the counter's catalogue), an acceptance record
 * (业务受理), a complaint and each of its steps, and a 回访. Acceptances and complaints are the hall's: only a
 * counter of the hall may record one or move a complaint on, a customer they name must be the hall's, and
 * head office holds every complaint to the same state machine as the counter (core/domain/service-desk.ts).
 * Runtime: any.
 */
import { z } from 'zod';
import {
  BUSINESS_TYPE_CODE,
  CHANNELS,
  COMPLAINT_CATEGORIES,
  COMPLAINT_STATUSES,
  FOLLOWUP_OUTCOMES,
  SATISFACTION,
  TEAMS,
} from '../../domain/service-desk';
import { defineOp } from './define';
import { day, id, int, isoTime, nid, nstr, str } from './fields';

const hallRecord = { authority: 'hall', headOffice: 'applies' } as const;
const typeCode = z.string().regex(BUSINESS_TYPE_CODE);
const party = {
  customerId: nid,
  accountNo: nstr,
  name: str.min(1),
  phone: str.min(1),
  address: str,
};

export const COMPLAINT_STEP_TYPES = [
  'complaint.judged',
  'complaint.handedOver',
  'complaint.noted',
  'complaint.resolved',
  'complaint.closed',
] as const;
export type ComplaintStepType = (typeof COMPLAINT_STEP_TYPES)[number];

/** Which step types carry which actions (a judgement is 成立 or 不成立). */
export const STEP_TYPE_ACTIONS: Record<ComplaintStepType, readonly string[]> = {
  'complaint.judged': ['judge_justified', 'judge_unjustified'],
  'complaint.handedOver': ['hand_over'],
  'complaint.noted': ['note'],
  'complaint.resolved': ['resolve'],
  'complaint.closed': ['close'],
};

const STEP_SUMMARY: Record<ComplaintStepType, string> = {
  'complaint.judged': '判定投诉成立或不成立（附理由）',
  'complaint.handedOver': '投诉转交班组处理（收费班、巡线班、通气维修班）',
  'complaint.noted': '投诉跟踪记录',
  'complaint.resolved': '登记班组的处理结果',
  'complaint.closed': '结果告知客户，投诉结案',
};

export const complaintStep = z
  .strictObject({
    complaintId: id,
    /** 1, 2, … per complaint; head office applies them in this order only. */
    stepNo: int.min(1),
    action: z.enum(['judge_justified', 'judge_unjustified', 'hand_over', 'note', 'resolve', 'close']),
    statusAfter: z.enum(COMPLAINT_STATUSES),
    team: z.enum(TEAMS).nullable(),
    text: str,
  })
  .superRefine((s, ctx) => {
    if ((s.action === 'hand_over') !== (s.team !== null))
      ctx.addIssue({ code: 'custom', path: ['team'], message: '只有转办记录写明班组' });
  });
export type ComplaintStepPayload = z.output<typeof complaintStep>;

export const serviceOps = [
  defineOp({
    type: 'serviceType.saved',
    version: 1,
    entityType: 'service_type',
    authority: 'local',
    headOffice: 'stores',
    entityId: (p) => p.code,
    summary: '班长或管理员保存业务类型（新版本：名称、需准备的资料、是否受理）',
    schema: z.strictObject({
      code: typeCode,
      version: int.min(1),
      name: str.min(1),
      prepare: str,
      active: z.boolean(),
    }),
    upgrades: {},
  }),
  defineOp({
    type: 'acceptance.recorded',
    version: 1,
    entityType: 'acceptance',
    ...hallRecord,
    entityId: (p) => p.id,
    summary: '业务受理（受理单号、业务类型、受理方式、诉求与答复、核对的资料、下一步、关联收费）',
    schema: z.strictObject({
      id,
      no: str.min(1),
      typeCode,
      typeName: str.min(1),
      channel: z.enum(CHANNELS),
      ...party,
      asked: str.min(1),
      answered: str,
      documents: z.array(str),
      nextStep: str,
      prepare: str,
      saleId: nid,
      businessDate: day,
    }),
    upgrades: {},
  }),
  defineOp({
    type: 'complaint.recorded',
    version: 1,
    entityType: 'complaint',
    ...hallRecord,
    entityId: (p) => p.id,
    summary: '登记投诉（类别、详情、处理时限）',
    schema: z.strictObject({
      id,
      no: str.min(1),
      channel: z.enum(CHANNELS),
      ...party,
      category: z.enum(COMPLAINT_CATEGORIES),
      details: str.min(1),
      dueAt: isoTime,
    }),
    upgrades: {},
  }),
  ...COMPLAINT_STEP_TYPES.map((type) =>
    defineOp({
      type,
      version: 1,
      entityType: 'complaint',
      ...hallRecord,
      entityId: (p) => p.complaintId,
      summary: STEP_SUMMARY[type],
      schema: complaintStep,
      upgrades: {},
    }),
  ),
  defineOp({
    type: 'followup.recorded',
    version: 1,
    entityType: 'complaint',
    ...hallRecord,
    entityId: (p) => p.complaintId,
    summary: '投诉结案后的回访（联系上的记录满意度）',
    schema: z
      .strictObject({
        id,
        complaintId: id,
        outcome: z.enum(FOLLOWUP_OUTCOMES),
        satisfaction: z.enum(SATISFACTION).nullable(),
        text: str,
      })
      .superRefine((f, ctx) => {
        if ((f.outcome === 'reached') !== (f.satisfaction !== null))
          ctx.addIssue({ code: 'custom', path: ['satisfaction'], message: '联系上的回访才有满意度' });
      }),
    upgrades: {},
  }),
] as const;
