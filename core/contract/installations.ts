/**
 * 零散报装 (small installation applications): 受理 → 查勘 → 方案与收费 (the 初装费 through sales.payFees) → 施工 →
 * 置换通气 → 开户 (customers.open with the application's id), or 撤销 with a reason; each step with its result
 * and photo or scan attachments (JPEG, PNG or PDF, at most 2 MB each, sent as base64). Runtime: any.
 */
import { z } from 'zod';
import { ATTACHMENT_MIMES, ATTACHMENTS_PER_STEP } from '../domain/attachments';
import { INSTALL_ACTIONS, INSTALL_STATUSES } from '../domain/installations';
import { idSchema, op, trimmed } from './common';
import { partyInput, partySchema, prospectiveNamed, staffName } from './service-desk';

const DESK = ['clerk', 'supervisor', 'admin'] as const;
const ANY_STAFF = ['clerk', 'cashier', 'supervisor', 'admin'] as const;

export const attachmentViewSchema = z.object({
  sha256: z.string(),
  size: z.number().int(),
  mime: z.enum(ATTACHMENT_MIMES),
  name: z.string(),
  /** Whether head office has confirmed it holds the file. */
  uploaded: z.boolean(),
});

export const installationStepSchema = z.object({
  id: z.string(),
  stepNo: z.number().int(),
  action: z.enum(INSTALL_ACTIONS),
  statusAfter: z.enum(INSTALL_STATUSES),
  result: z.string(),
  sale: z.object({ id: z.string(), receiptNo: z.string(), amount: z.number().int() }).nullable(),
  customerId: z.string().nullable(),
  attachments: z.array(attachmentViewSchema),
  operator: staffName,
  at: z.string(),
});

export const installationSchema = z.object({
  id: z.string(),
  no: z.string(),
  party: partySchema,
  request: z.string(),
  status: z.enum(INSTALL_STATUSES),
  /** The next step in order (null once 开户 or 撤销), the day it is due and whether that day has passed. */
  next: z.enum(INSTALL_ACTIONS).nullable(),
  dueBy: z.string().nullable(),
  overdue: z.boolean(),
  allowed: z.array(z.enum(INSTALL_ACTIONS)),
  attachments: z.array(attachmentViewSchema),
  steps: z.array(installationStepSchema),
  operator: staffName,
  createdAt: z.string(),
});
export type Installation = z.infer<typeof installationSchema>;

/** A file as the clerk picked it: its name and its bytes as base64 (the type is read from the bytes). */
export const attachmentInput = z.object({
  name: trimmed(100, '附件文件名'),
  data: z
    .string({ error: '附件内容的编码不正确' })
    .max(3_000_000, { error: '附件超过 2 MB，请压缩照片或降低扫描分辨率后再上传' })
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, { error: '附件内容的编码不正确' }),
});
export type AttachmentInput = z.infer<typeof attachmentInput>;
const attachmentsInput = z
  .array(attachmentInput)
  .max(ATTACHMENTS_PER_STEP, { error: `每一步最多 ${ATTACHMENTS_PER_STEP} 个附件` })
  .default([]);

const STEP_ACTIONS = ['survey', 'plan', 'build', 'gasOn', 'cancel'] as const;

const days = (label: string, max: number) =>
  z
    .number({ error: `请填写${label}` })
    .int({ error: `${label}应为整数` })
    .min(1, { error: `${label}至少 1 天` })
    .max(max, { error: `${label}最多 ${max} 天` });

/** The service desk's time limits (服务时限): working days per 零散报装 step, and the 安检 period in days. */
export const serviceLimitsSchema = z.object({
  install: z.object({
    survey: days('查勘时限', 60),
    plan: days('方案与收费时限', 60),
    build: days('施工时限', 120),
    gasOn: days('置换通气时限', 60),
    open: days('开户时限', 60),
  }),
  inspectionPeriodDays: days('安检周期', 3650),
});
export type ServiceLimitsView = z.infer<typeof serviceLimitsSchema>;

export const installationOps = {
  'installations.apply': op({
    summary: '零散报装受理：登记申请人、安装地址和报装内容（可附照片或扫描件），生成报装号',
    access: DESK,
    writes: true,
    input: z
      .object({
        ...partyInput,
        request: trimmed(500, '报装内容', { multiline: true }),
        attachments: attachmentsInput,
      })
      .superRefine(prospectiveNamed),
    output: installationSchema,
  }),
  'installations.step': op({
    summary:
      '零散报装办理下一步：查勘、方案与收费（关联初装费收费）、施工、置换通气，或撤销（写明原因）；须按顺序办理，可附照片或扫描件。开户由「开户」页带报装号办理',
    access: DESK,
    writes: true,
    input: z.object({
      id: idSchema,
      action: z.enum(STEP_ACTIONS, { error: '请选择办理的步骤（查勘、方案与收费、施工、置换通气、撤销）' }),
      result: trimmed(500, '办理结果', { multiline: true }),
      saleId: idSchema.optional(),
      attachments: attachmentsInput,
    }),
    output: installationSchema,
  }),
  'installations.get': op({
    summary: '查看一件零散报装及其各步记录和附件',
    access: ANY_STAFF,
    writes: false,
    input: z.object({ id: idSchema }),
    output: installationSchema,
  }),
  'installations.list': op({
    summary: '零散报装（最新在前）：办理中的、全部的或一户的；逾期的标出',
    access: ANY_STAFF,
    writes: false,
    input: z.object({
      open: z.boolean({ error: '是否只看办理中的应为是或否' }).default(false),
      customerId: idSchema.optional(),
      limit: z.number().int().min(1).max(500).default(100),
    }),
    output: z.object({ items: z.array(installationSchema) }),
  }),
  'installations.attachment': op({
    summary: '取一个附件的内容（base64），供查看',
    access: ANY_STAFF,
    writes: false,
    input: z.object({ sha256: z.string().regex(/^[0-9a-f]{64}$/, { error: '附件编号不正确' }) }),
    output: z.object({ sha256: z.string(), mime: z.enum(ATTACHMENT_MIMES), data: z.string() }),
  }),
  'serviceLimits.get': op({
    summary: '服务时限：零散报装各步的办理时限（工作日）和入户安检周期（天）',
    access: ANY_STAFF,
    writes: false,
    input: z.object({}),
    output: serviceLimitsSchema,
  }),
  'serviceLimits.save': op({
    summary:
      '设置服务时限（班长或管理员）：零散报装各步的办理时限（工作日）、入户安检周期（天）；待办和逾期按此标出',
    access: ['supervisor', 'admin'],
    writes: true,
    input: serviceLimitsSchema,
    output: serviceLimitsSchema,
  }),
} as const;
