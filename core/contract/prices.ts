/** Price versions (阶梯气价), purchase limits and the fee catalogue. Runtime: any. */
import { z } from 'zod';
import { USER_CLASSES } from '../domain/customer';
import { approvalSchema, isoDate, op, trimmed } from './common';

const ADMIN = ['admin'] as const;
const ANY_STAFF = ['clerk', 'cashier', 'supervisor', 'admin'] as const;

export const tierSchema = z.object({
  /** This tier's size (volume units) for a household of the base size; null for the last tier. */
  width: z.number().int().positive({ error: '档位气量必须大于零' }).nullable(),
  /** 厘 per m³. */
  priceLi: z.number({ error: '请填写单价' }).int().min(1, { error: '单价必须大于零' }).max(1_000_000),
  /** Volume units each person above the base household size adds to this tier. */
  extraPerPerson: z.number().int().min(0).default(0),
});

export const priceVersionInput = z
  .object({
    userClass: z.enum(USER_CLASSES, { error: '请选择用气性质' }),
    effectiveFrom: isoDate('生效日期'),
    baseHouseholdSize: z.number().int().min(1).max(20).default(4),
    periodStart: z
      .string()
      .regex(/^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, { error: '计价周期起始日格式为 月-日，如 01-01' }),
    tiers: z.array(tierSchema).min(1, { error: '至少一个价格档' }).max(6, { error: '最多 6 个价格档' }),
    note: trimmed(100, '调价说明'),
  })
  .superRefine((v, ctx) => {
    v.tiers.forEach((t, i) => {
      const last = i === v.tiers.length - 1;
      if (last && t.width !== null)
        ctx.addIssue({
          code: 'custom',
          path: ['tiers', i, 'width'],
          message: '最后一档不设上限',
          params: { code: 'LAST_TIER_OPEN' },
        });
      if (!last && t.width === null)
        ctx.addIssue({
          code: 'custom',
          path: ['tiers', i, 'width'],
          message: '请填写本档气量',
          params: { code: 'REQUIRED' },
        });
    });
  });

export const priceVersionSchema = z.object({
  id: z.string(),
  userClass: z.enum(USER_CLASSES),
  effectiveFrom: z.string(),
  baseHouseholdSize: z.number().int(),
  periodStart: z.string(),
  tiers: z.array(
    z.object({
      width: z.number().int().nullable(),
      priceLi: z.number().int(),
      extraPerPerson: z.number().int(),
    }),
  ),
  note: z.string(),
  createdAt: z.string(),
});
export type PriceVersion = z.infer<typeof priceVersionSchema>;

export const limitsSchema = z.object({
  userClass: z.enum(USER_CLASSES),
  /** Volume units; null = no limit. */
  perPurchase: z.number().int().positive().nullable(),
  perMonth: z.number().int().positive().nullable(),
  perYear: z.number().int().positive().nullable(),
});
export type Limits = z.infer<typeof limitsSchema>;

export const feeItemSchema = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  amountFen: z.number().int(),
  active: z.boolean(),
});
export type FeeItem = z.infer<typeof feeItemSchema>;

export const priceOps = {
  'prices.list': op({
    summary: '全部气价版本（按用气性质、生效日期）',
    access: ANY_STAFF,
    writes: false,
    input: z.object({}),
    output: z.object({ items: z.array(priceVersionSchema) }),
  }),
  'prices.create': op({
    summary: '新建气价版本（调价），需班长审批；不能早于当前营业日，同一用气性质同一生效日只能有一个版本',
    access: ADMIN,
    writes: true,
    input: z.object({ version: priceVersionInput, approval: approvalSchema.optional() }),
    output: priceVersionSchema,
  }),
  'limits.list': op({
    summary: '各用气性质的限购规定（每次、每月、每年）',
    access: ANY_STAFF,
    writes: false,
    input: z.object({}),
    output: z.object({ items: z.array(limitsSchema) }),
  }),
  'limits.save': op({
    summary: '修改限购规定',
    access: ADMIN,
    writes: true,
    input: limitsSchema,
    output: limitsSchema,
  }),
  'fees.list': op({
    summary: '收费项目目录',
    access: ANY_STAFF,
    writes: false,
    input: z.object({ includeInactive: z.boolean().default(false) }),
    output: z.object({ items: z.array(feeItemSchema) }),
  }),
  'fees.save': op({
    summary: '新建或修改收费项目（名称、金额、启用）',
    access: ADMIN,
    writes: true,
    input: z.object({
      id: z.string().uuid().optional(),
      code: z
        .string({ error: '请填写项目代码' })
        .trim()
        .regex(/^[A-Z0-9_]{2,20}$/, { error: '项目代码为 2 到 20 位大写字母、数字或下划线' }),
      name: trimmed(30, '项目名称'),
      amountFen: z.number({ error: '请填写金额' }).int().min(0, { error: '金额不能为负' }).max(100_000_000),
      active: z.boolean().default(true),
    }),
    output: feeItemSchema,
  }),
} as const;
