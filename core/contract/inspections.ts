/**
 * 安检 (safety inspections) per household: the visit's day, inspector, items checked, hazards found and the
 * rectification deadline; the rectification (once); the households not inspected within the period; and the
 * printed 隐患整改通知书 (80 mm, and A4 through receipts.html kind 'hazard'). Runtime: any.
 */
import { z } from 'zod';
import { INSPECTION_ITEMS, INSPECTION_RESULTS } from '../domain/inspections';
import { freeText, idSchema, isoDate, op, trimmed } from './common';
import { printedReceiptSchema } from './printing';
import { installationSchema } from './installations';
import { staffName } from './service-desk';
import { workOrderSchema } from './work-orders';
import { usageReferralSchema } from '../sync/wire-referral';

const DESK = ['clerk', 'supervisor', 'admin'] as const;
const ANY_STAFF = ['clerk', 'cashier', 'supervisor', 'admin'] as const;

export const hazardSchema = z.object({ item: z.enum(INSPECTION_ITEMS), note: z.string() });

export const inspectionSchema = z.object({
  id: z.string(),
  no: z.string(),
  customerId: z.string(),
  accountNo: z.string(),
  name: z.string(),
  phone: z.string(),
  address: z.string(),
  date: z.string(),
  inspector: z.string(),
  result: z.enum(INSPECTION_RESULTS),
  items: z.array(z.enum(INSPECTION_ITEMS)),
  hazards: z.array(hazardSchema),
  deadline: z.string().nullable(),
  workOrderId: z.string().nullable(),
  notes: z.string(),
  /** Hazards found and not yet rectified. */
  open: z.boolean(),
  /** Open and past its deadline (counter's business day). */
  overdue: z.boolean(),
  rectification: z
    .object({
      rectifiedOn: z.string(),
      checker: z.string(),
      note: z.string(),
      operator: staffName,
      at: z.string(),
    })
    .nullable(),
  operator: staffName,
  createdAt: z.string(),
});
export type Inspection = z.infer<typeof inspectionSchema>;

export const overdueHouseholdSchema = z.object({
  customerId: z.string(),
  accountNo: z.string(),
  name: z.string(),
  phone: z.string(),
  address: z.string(),
  lastDate: z.string().nullable(),
});

const printResult = z.object({
  copyNo: z.number().int(),
  reprint: z.boolean(),
  paperNearEnd: z.boolean(),
  receipt: printedReceiptSchema,
});

export const inspectionOps = {
  'inspections.record': op({
    summary:
      '登记入户安检：日期、安检员、检查项目、发现的隐患与整改期限（有隐患未整改前，该户购气需班长审批）',
    access: DESK,
    writes: true,
    input: z
      .object({
        customerId: idSchema,
        date: isoDate('安检日期'),
        inspector: trimmed(20, '安检员'),
        result: z.enum(INSPECTION_RESULTS, { error: '请选择安检结果（正常、有隐患、无人在家、拒绝安检）' }),
        items: z
          .array(z.enum(INSPECTION_ITEMS, { error: '没有这个检查项目' }))
          .max(INSPECTION_ITEMS.length)
          .default([]),
        hazards: z
          .array(
            z.object({
              item: z.enum(INSPECTION_ITEMS, { error: '请选择隐患所在的检查项目' }),
              note: trimmed(200, '隐患说明'),
            }),
          )
          .max(20, { error: '隐患最多 20 项' })
          .default([]),
        deadline: isoDate('整改期限').optional(),
        workOrderId: idSchema.optional(),
        notes: freeText(300, '备注', { multiline: true }).default(''),
      })
      .superRefine((v, ctx) => {
        const issue = (path: string, message: string) =>
          ctx.addIssue({ code: 'custom', path: [path], message, params: { code: 'INCONSISTENT' } });
        if (v.result === 'hazard') {
          if (v.hazards.length === 0) issue('hazards', '安检结果为「有隐患」，请登记发现的隐患');
          if (!v.deadline) issue('deadline', '有隐患时请填写整改期限');
          else if (v.deadline < v.date) issue('deadline', '整改期限不能早于安检日期');
        } else if (v.hazards.length > 0) issue('result', '登记了隐患，安检结果应为「有隐患」');
        if ((v.result === 'normal' || v.result === 'hazard') && v.items.length === 0)
          issue('items', '请勾选检查过的项目');
      }),
    output: inspectionSchema,
  }),
  'inspections.rectify': op({
    summary: '登记隐患整改完毕（复查日期、复查人、说明）；整改后购气不再因此需审批',
    access: DESK,
    writes: true,
    input: z.object({
      id: idSchema,
      rectifiedOn: isoDate('整改复查日期'),
      checker: trimmed(20, '复查人'),
      note: freeText(300, '整改说明').default(''),
    }),
    output: inspectionSchema,
  }),
  'inspections.get': op({
    summary: '查看一次安检记录',
    access: ANY_STAFF,
    writes: false,
    input: z.object({ id: idSchema }),
    output: inspectionSchema,
  }),
  'inspections.list': op({
    summary: '安检记录（最新在前）：一户的，或隐患未整改的（整改期限早的在前）',
    access: ANY_STAFF,
    writes: false,
    input: z.object({
      customerId: idSchema.optional(),
      openHazards: z.boolean({ error: '是否只看未整改的应为是或否' }).default(false),
      limit: z.number().int().min(1).max(500).default(100),
    }),
    output: z.object({ items: z.array(inspectionSchema) }),
  }),
  'inspections.overdue': op({
    summary: '逾期未安检的用户：超过安检周期（服务时限中设置，未设置时 365 天）未入户安检或从未安检的在用户',
    access: ANY_STAFF,
    writes: false,
    input: z.object({
      periodDays: z
        .number({ error: '安检周期应为天数' })
        .int({ error: '安检周期应为整数天' })
        .min(30, { error: '安检周期至少 30 天' })
        .max(1830, { error: '安检周期最多 1830 天' })
        .optional(),
      limit: z.number().int().min(1).max(1000).default(200),
    }),
    output: z.object({
      since: z.string(),
      periodDays: z.number().int(),
      items: z.array(overdueHouseholdSchema),
    }),
  }),
  'inspections.preview': op({
    summary: '隐患整改通知书预览（与打印机打出的一致）',
    access: ANY_STAFF,
    writes: false,
    input: z.object({ id: idSchema }),
    output: z.object({ receipt: printedReceiptSchema, columns: z.number().int() }),
  }),
  'inspections.print': op({
    summary: '打印隐患整改通知书（80 毫米小票；A4 见 receipts.html）；再次打印为“重打”',
    access: DESK,
    writes: true,
    input: z.object({ id: idSchema }),
    output: printResult,
  }),
  'fieldWork.todo': op({
    summary:
      '客服员首页待办（外勤部分）：待回报结果的工单、超过整改期限的隐患、逾期的零散报装、待开工单的总部核表请求',
    access: ANY_STAFF,
    writes: false,
    input: z.object({}),
    output: z.object({
      /** Assigned to a team and not yet reported back, the oldest first. */
      workOrdersWaiting: z.array(workOrderSchema),
      /** Not yet assigned. */
      workOrdersPending: z.number().int(),
      /** Hazards not rectified and past their deadline, the earliest deadline first. */
      hazardsPastDeadline: z.array(inspectionSchema),
      /** 零散报装 whose next step is past its time limit (serviceLimits), the oldest first. */
      installationsOverdue: z.array(installationSchema),
      /** 零散报装 in progress. */
      installationsOpen: z.number().int(),
      /** Head office's 核表请求 (suspects of its usage analysis) no work order was opened from here yet. */
      referrals: z.array(usageReferralSchema.omit({ hallCode: true })),
    }),
  }),
} as const;
