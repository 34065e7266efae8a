/**
 * The service desk (服务台): the business-type catalogue, acceptance records (业务受理) and their printed
 * 燃气业务受理通知单, complaints with their tracking, and the 回访 queue. Runtime: any.
 */
import { z } from 'zod';
import { HEAD_OFFICE_ACTIONS } from '../domain/head-office-steps';
import {
  BUSINESS_TYPE_CODE,
  CHANNELS,
  COMPLAINT_ACTIONS,
  COMPLAINT_CATEGORIES,
  COMPLAINT_STATUSES,
  FOLLOWUP_OUTCOMES,
  SATISFACTION,
  TEAMS,
} from '../domain/service-desk';
import { freeText, idSchema, op, optionalTrimmed, trimmed } from './common';
import { phoneSchema } from './customer-fields';
import { printedReceiptSchema } from './printing';

const DESK = ['clerk', 'supervisor', 'admin'] as const;
const ANY_STAFF = ['clerk', 'cashier', 'supervisor', 'admin'] as const;
const CATALOGUE_KEEPERS = ['supervisor', 'admin'] as const;

export const businessTypeSchema = z.object({
  code: z.string(),
  name: z.string(),
  prepare: z.string(),
  active: z.boolean(),
  /** 0: the built-in entry, never changed; n: the n-th saved version. */
  version: z.number().int(),
});
export type BusinessTypeView = z.infer<typeof businessTypeSchema>;

export const staffName = z.object({ id: z.string(), displayName: z.string() });

/** Who came or called: a customer of the file, or a prospective one (name, phone, address). */
export const partySchema = z.object({
  customerId: z.string().nullable(),
  accountNo: z.string().nullable(),
  name: z.string(),
  phone: z.string(),
  address: z.string(),
});

export const acceptanceSchema = z.object({
  id: z.string(),
  no: z.string(),
  type: z.object({ code: z.string(), name: z.string() }),
  channel: z.enum(CHANNELS),
  party: partySchema,
  asked: z.string(),
  answered: z.string(),
  documents: z.array(z.string()),
  nextStep: z.string(),
  prepare: z.string(),
  sale: z.object({ id: z.string(), receiptNo: z.string(), amount: z.number().int() }).nullable(),
  operator: staffName,
  createdAt: z.string(),
  businessDate: z.string(),
});
export type Acceptance = z.infer<typeof acceptanceSchema>;

export const partyInput = {
  customerId: idSchema.optional(),
  name: optionalTrimmed(40, '客户姓名'),
  phone: phoneSchema.optional(),
  address: optionalTrimmed(120, '客户地址'),
};

/** Without a customer of the file, a prospective customer's name and phone are needed. */
export function prospectiveNamed(
  v: { customerId?: string; name?: string; phone?: string },
  ctx: z.RefinementCtx,
) {
  if (v.customerId) return;
  if (!v.name)
    ctx.addIssue({
      code: 'custom',
      path: ['name'],
      message: '请选择用户，或填写客户姓名',
      params: { code: 'REQUIRED' },
    });
  if (!v.phone)
    ctx.addIssue({
      code: 'custom',
      path: ['phone'],
      message: '请选择用户，或填写联系电话',
      params: { code: 'REQUIRED' },
    });
}

export const createAcceptanceInput = z
  .object({
    ...partyInput,
    typeCode: z.string({ error: '请选择业务类型' }).regex(BUSINESS_TYPE_CODE, { error: '业务类型不正确' }),
    channel: z.enum(CHANNELS, { error: '请选择受理方式（窗口、电话、上门）' }),
    asked: trimmed(1000, '客户诉求', { multiline: true }),
    answered: freeText(1000, '答复内容', { multiline: true }).default(''),
    documents: z.array(trimmed(30, '已核对的资料')).max(10, { error: '已核对的资料最多 10 项' }).default([]),
    nextStep: freeText(300, '下一步', { multiline: true }).default(''),
    saleId: idSchema.optional(),
  })
  .superRefine(prospectiveNamed);

/** A step head office took on a complaint, a work order or an appointment (总部改派、总部结案/取消), as the counter pulled it. */
export const headOfficeStepViewSchema = z.object({
  hoNo: z.number().int(),
  /** The counter steps head office held when it took it: it comes after that one in the record's order. */
  afterStepNo: z.number().int(),
  action: z.enum(HEAD_OFFICE_ACTIONS),
  team: z.string().nullable(),
  assignee: z.string().nullable(),
  reason: z.string(),
  by: z.string(),
  at: z.string(),
});

export const complaintStepSchema = z.object({
  id: z.string(),
  stepNo: z.number().int(),
  /** Made at this counter after head office had closed the complaint: not taken (head office's close is final). */
  superseded: z.boolean(),
  action: z.enum(COMPLAINT_ACTIONS),
  statusAfter: z.enum(COMPLAINT_STATUSES),
  team: z.enum(TEAMS).nullable(),
  text: z.string(),
  operator: staffName,
  at: z.string(),
});

export const followupSchema = z.object({
  id: z.string(),
  outcome: z.enum(FOLLOWUP_OUTCOMES),
  satisfaction: z.enum(SATISFACTION).nullable(),
  text: z.string(),
  operator: staffName,
  at: z.string(),
});

export const complaintSchema = z.object({
  id: z.string(),
  no: z.string(),
  channel: z.enum(CHANNELS),
  party: partySchema,
  category: z.enum(COMPLAINT_CATEGORIES),
  details: z.string(),
  status: z.enum(COMPLAINT_STATUSES),
  /** The team it is with now (the last hand-over), if any. */
  team: z.enum(TEAMS).nullable(),
  justified: z.boolean().nullable(),
  judgement: z.string().nullable(),
  result: z.string().nullable(),
  toldCustomer: z.string().nullable(),
  dueAt: z.string(),
  overdue: z.boolean(),
  closedAt: z.string().nullable(),
  followupDueAt: z.string().nullable(),
  followupDone: z.boolean(),
  allowed: z.array(z.enum(COMPLAINT_ACTIONS)),
  steps: z.array(complaintStepSchema),
  /** Head office's steps (总部改派、总部结案), in its order. */
  headOffice: z.array(headOfficeStepViewSchema),
  followups: z.array(followupSchema),
  operator: staffName,
  createdAt: z.string(),
});
export type Complaint = z.infer<typeof complaintSchema>;

const complaintRef = { id: idSchema };
const printResult = z.object({
  copyNo: z.number().int(),
  reprint: z.boolean(),
  paperNearEnd: z.boolean(),
  receipt: printedReceiptSchema,
});

export const serviceDeskOps = {
  'serviceTypes.list': op({
    summary: '业务类型目录（含停办的）',
    access: ANY_STAFF,
    writes: false,
    input: z.object({}),
    output: z.object({ items: z.array(businessTypeSchema) }),
  }),
  'serviceTypes.save': op({
    summary: '班长或管理员新增或修改业务类型（名称、需准备的资料、是否受理），每次保存为新版本',
    access: CATALOGUE_KEEPERS,
    writes: true,
    input: z.object({
      code: z
        .string({ error: '请填写业务类型代码' })
        .trim()
        .regex(BUSINESS_TYPE_CODE, { error: '业务类型代码为 2 到 4 个大写字母' }),
      name: trimmed(20, '业务类型名称'),
      prepare: freeText(200, '需准备的资料').default(''),
      active: z.boolean().default(true),
    }),
    output: businessTypeSchema,
  }),
  'acceptances.create': op({
    summary: '业务受理：登记客户来访或来电所办业务（诉求、答复、核对的资料、下一步），生成受理单号',
    access: DESK,
    writes: true,
    input: createAcceptanceInput,
    output: acceptanceSchema,
  }),
  'acceptances.get': op({
    summary: '查看一张业务受理单',
    access: ANY_STAFF,
    writes: false,
    input: z.object({ id: idSchema }),
    output: acceptanceSchema,
  }),
  'acceptances.list': op({
    summary: '业务受理记录（最新在前；可按用户、受理单号、姓名或电话查找）',
    access: ANY_STAFF,
    writes: false,
    input: z.object({
      customerId: idSchema.optional(),
      query: optionalTrimmed(40, '查询内容'),
      limit: z.number().int().min(1).max(200).default(50),
    }),
    output: z.object({ items: z.array(acceptanceSchema) }),
  }),
  'acceptances.preview': op({
    summary: '燃气业务受理通知单预览（与打印机打出的一致）',
    access: ANY_STAFF,
    writes: false,
    input: z.object({ id: idSchema }),
    output: z.object({ receipt: printedReceiptSchema, columns: z.number().int() }),
  }),
  'acceptances.print': op({
    summary: '打印燃气业务受理通知单（80 毫米小票）；再次打印为“重打”',
    access: DESK,
    writes: true,
    input: z.object({ id: idSchema }),
    output: printResult,
  }),
  'complaints.record': op({
    summary: '登记投诉：客户、类别、详细情况；按类别定处理时限',
    access: DESK,
    writes: true,
    input: z
      .object({
        ...partyInput,
        channel: z.enum(CHANNELS, { error: '请选择受理方式（窗口、电话、上门）' }),
        category: z.enum(COMPLAINT_CATEGORIES, { error: '请选择投诉类别' }),
        details: trimmed(2000, '投诉详情', { multiline: true }),
      })
      .superRefine(prospectiveNamed),
    output: complaintSchema,
  }),
  'complaints.judge': op({
    summary: '判定投诉成立或不成立（须写明理由）',
    access: DESK,
    writes: true,
    input: z.object({
      ...complaintRef,
      justified: z.boolean(),
      reason: trimmed(500, '判定理由', { multiline: true }),
    }),
    output: complaintSchema,
  }),
  'complaints.handOver': op({
    summary: '将成立的投诉转交收费班、巡线班或通气维修班处理（可改派）',
    access: DESK,
    writes: true,
    input: z.object({
      ...complaintRef,
      team: z.enum(TEAMS, { error: '请选择转交的班组' }),
      note: freeText(500, '转办说明', { multiline: true }).default(''),
    }),
    output: complaintSchema,
  }),
  'complaints.note': op({
    summary: '投诉跟踪记录（未结案时）',
    access: DESK,
    writes: true,
    input: z.object({ ...complaintRef, note: trimmed(500, '跟踪记录', { multiline: true }) }),
    output: complaintSchema,
  }),
  'complaints.resolve': op({
    summary: '登记班组的处理结果',
    access: DESK,
    writes: true,
    input: z.object({ ...complaintRef, result: trimmed(1000, '处理结果', { multiline: true }) }),
    output: complaintSchema,
  }),
  'complaints.close': op({
    summary: '把结果告知客户并结案（结案后不能再修改，进入回访队列）',
    access: DESK,
    writes: true,
    input: z.object({ ...complaintRef, told: trimmed(500, '告知客户的内容', { multiline: true }) }),
    output: complaintSchema,
  }),
  'complaints.get': op({
    summary: '查看投诉及其全部处理记录',
    access: ANY_STAFF,
    writes: false,
    input: z.object({ id: idSchema }),
    output: complaintSchema,
  }),
  'complaints.list': op({
    summary: '投诉列表：未结案的（超时的在前），或全部；可只看一户的',
    access: ANY_STAFF,
    writes: false,
    input: z.object({
      customerId: idSchema.optional(),
      open: z.boolean().default(true),
      overdueOnly: z.boolean().default(false),
      limit: z.number().int().min(1).max(200).default(100),
    }),
    output: z.object({ items: z.array(complaintSchema) }),
  }),
  'followups.queue': op({
    summary: '回访队列：已结案、尚未回访的投诉（到期的在前）',
    access: ANY_STAFF,
    writes: false,
    input: z.object({ limit: z.number().int().min(1).max(200).default(100) }),
    output: z.object({ items: z.array(complaintSchema) }),
  }),
  'followups.record': op({
    summary: '登记回访：联系上的记录满意度；联系不上的仍留在队列',
    access: DESK,
    writes: true,
    input: z
      .object({
        complaintId: idSchema,
        outcome: z.enum(FOLLOWUP_OUTCOMES, { error: '请选择回访结果' }),
        satisfaction: z.enum(SATISFACTION, { error: '请选择满意度' }).optional(),
        text: freeText(500, '回访记录', { multiline: true }).default(''),
      })
      .superRefine((v, ctx) => {
        if (v.outcome === 'reached' && !v.satisfaction)
          ctx.addIssue({
            code: 'custom',
            path: ['satisfaction'],
            message: '联系上客户的回访请选择满意度',
            params: { code: 'REQUIRED' },
          });
      }),
    output: complaintSchema,
  }),
  'serviceDesk.todo': op({
    summary: '客服员首页待办：超时的投诉、到期的回访',
    access: ANY_STAFF,
    writes: false,
    input: z.object({}),
    output: z.object({
      overdueComplaints: z.array(complaintSchema),
      openComplaints: z.number().int(),
      followupsDue: z.array(complaintSchema),
    }),
  }),
} as const;
