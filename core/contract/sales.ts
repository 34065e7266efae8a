/** 购气、收费、冲正、退款: quotes, sales with tenders, and corrections. Runtime: any. */
import { z } from 'zod';
import { WRITE_PROBLEM_CODES } from '../card/write-problems';
import { SALE_KINDS, SALE_STATUSES, TENDER_METHODS } from '../domain/cash';
import { USER_CLASSES } from '../domain/customer';
import { approvalSchema, idSchema, op, optionalTrimmed, reasonSchema } from './common';

const SELLERS = ['cashier', 'supervisor', 'admin'] as const;
const ANY_STAFF = ['clerk', 'cashier', 'supervisor', 'admin'] as const;

const positiveFen = (label: string) =>
  z
    .number({ error: `请填写${label}` })
    .int({ error: `${label}必须是整数分` })
    .min(1, { error: `${label}必须大于零` })
    .max(10_000_000_00);

export const tenderInputSchema = z
  .object({
    method: z.enum(TENDER_METHODS, { error: '请选择付款方式' }),
    /** The part of the amount due this tender pays (分). */
    amount: positiveFen('收款金额'),
    /** Cash only: what the customer handed over (分); change = received − amount. */
    received: z.number().int().min(0).optional(),
    /** Bank card, WeChat Pay, Alipay: the payment reference (流水号). */
    reference: optionalTrimmed(64, '支付流水号'),
  })
  .superRefine((t, ctx) => {
    if (t.method !== 'cash' && !t.reference)
      ctx.addIssue({
        code: 'custom',
        path: ['reference'],
        message: '请填写支付流水号',
        params: { code: 'REQUIRED' },
      });
    if (t.method === 'cash' && t.received !== undefined && t.received < t.amount)
      ctx.addIssue({
        code: 'custom',
        path: ['received'],
        message: '实收现金不足',
        params: { code: 'TENDER_SHORT' },
      });
    if (t.method !== 'cash' && t.received !== undefined)
      ctx.addIssue({
        code: 'custom',
        path: ['received'],
        message: '只有现金可以找零',
        params: { code: 'TENDER_MISMATCH' },
      });
  });
export type TenderInput = z.infer<typeof tenderInputSchema>;

const purchaseSchema = z
  .object({
    customerId: idSchema,
    by: z.enum(['volume', 'money']),
    /** Volume units (0.01 m³), when buying by volume. */
    volume: z.number().int().min(1, { error: '购气量必须大于零' }).max(100_000_000).optional(),
    /** 分 the customer pays now, when buying by money. */
    money: positiveFen('购气金额').optional(),
    /** Apply the customer's balance (结余). */
    useBalance: z.boolean().default(true),
  })
  .superRefine((v, ctx) => {
    if (v.by === 'volume' && v.volume === undefined)
      ctx.addIssue({
        code: 'custom',
        path: ['volume'],
        message: '请填写购气量',
        params: { code: 'REQUIRED' },
      });
    if (v.by === 'money' && v.money === undefined)
      ctx.addIssue({
        code: 'custom',
        path: ['money'],
        message: '请填写购气金额',
        params: { code: 'REQUIRED' },
      });
  });

export const sliceSchema = z.object({
  tier: z.number().int(),
  volume: z.number().int(),
  priceLi: z.number().int(),
  amount: z.number().int(),
});

export const quoteSchema = z.object({
  customerId: z.string(),
  userClass: z.enum(USER_CLASSES),
  householdSize: z.number().int(),
  priceVersionId: z.string(),
  periodStart: z.string(),
  usedInPeriod: z.number().int(),
  /** Every tier with its bound for this household, and what remains of it before this purchase. */
  tiers: z.array(
    z.object({
      tier: z.number().int(),
      upTo: z.number().int().nullable(),
      priceLi: z.number().int(),
      remaining: z.number().int().nullable(),
    }),
  ),
  volume: z.number().int(),
  amount: z.number().int(),
  slices: z.array(sliceSchema),
  balanceBefore: z.number().int(),
  balanceUsed: z.number().int(),
  balanceAfter: z.number().int(),
  /** What the customer pays now. */
  amountDue: z.number().int(),
  /** Why a supervisor must approve (empty when no approval is needed). */
  approvalReasons: z.array(
    z.object({ code: z.enum(['HAZARD', 'PER_PURCHASE', 'PER_MONTH', 'PER_YEAR']), message: z.string() }),
  ),
});
export type Quote = z.infer<typeof quoteSchema>;

export const saleLineSchema = z.object({
  kind: z.enum(['gas', 'fee']),
  tier: z.number().int().nullable(),
  name: z.string(),
  volume: z.number().int().nullable(),
  priceLi: z.number().int().nullable(),
  qty: z.number().int().nullable(),
  amount: z.number().int(),
});

export const tenderSchema = z.object({
  method: z.enum(TENDER_METHODS),
  amount: z.number().int(),
  received: z.number().int().nullable(),
  change: z.number().int(),
  reference: z.string().nullable(),
});

export const saleSchema = z.object({
  id: z.string(),
  receiptNo: z.string(),
  invoiceNo: z.string().nullable(),
  kind: z.enum(SALE_KINDS),
  status: z.enum(SALE_STATUSES),
  customer: z
    .object({
      id: z.string(),
      accountNo: z.string(),
      name: z.string(),
      fullAddress: z.string(),
      userClass: z.enum(USER_CLASSES),
    })
    .nullable(),
  businessDate: z.string(),
  createdAt: z.string(),
  shiftId: z.string(),
  operator: z.object({ id: z.string(), displayName: z.string() }),
  approver: z.object({ id: z.string(), displayName: z.string() }).nullable(),
  volume: z.number().int(),
  /** Goods total (gas or fees); for a correction, the amount it corrects. */
  amount: z.number().int(),
  balanceUsed: z.number().int(),
  balanceAdded: z.number().int(),
  /** Paid by the customer now (positive), or paid back (for a reversal or refund). */
  amountPaid: z.number().int(),
  priceVersionId: z.string().nullable(),
  periodStart: z.string().nullable(),
  usedBefore: z.number().int().nullable(),
  lines: z.array(saleLineSchema),
  tenders: z.array(tenderSchema),
  correctsSaleId: z.string().nullable(),
  correctedBy: z.array(
    z.object({
      id: z.string(),
      kind: z.enum(SALE_KINDS),
      receiptNo: z.string(),
      amountPaid: z.number().int(),
    }),
  ),
  reason: z.string().nullable(),
  /** Gas sales: the card it went onto (card number, purchase count), once written. */
  card: z.object({ cardNo: z.string(), purchaseCount: z.number().int() }).nullable(),
  /** Gas sales whose card write failed: why (the last attempt) and the clerk's next step, in Chinese. */
  cardProblem: z.string().nullable(),
  /** The same problem as a stable code (core/card/write-problems.ts). */
  cardProblemCode: z.enum(WRITE_PROBLEM_CODES).nullable(),
});
export type Sale = z.infer<typeof saleSchema>;

const requiredTenders = z.array(tenderInputSchema).min(1, { error: '请至少选择一种付款方式' }).max(4);

export const invoiceRangeSchema = z.object({
  id: z.string(),
  operatorId: z.string().nullable(),
  prefix: z.string(),
  first: z.number().int(),
  last: z.number().int(),
  next: z.number().int(),
  width: z.number().int(),
  remaining: z.number().int(),
});

export const salesOps = {
  'invoices.addRange': op({
    summary: '登记发票号段（给某位收费员，或不指定收费员则为本柜台公用）',
    access: ['admin'],
    writes: true,
    input: z
      .object({
        operatorId: idSchema.optional(),
        prefix: z
          .string({ error: '请填写发票代码' })
          .trim()
          .regex(/^[A-Z0-9]{0,12}$/, { error: '发票代码为至多 12 位大写字母或数字' }),
        first: z.number({ error: '请填写起始号' }).int().min(1),
        last: z.number({ error: '请填写终止号' }).int().min(1),
        width: z.number().int().min(4).max(12).default(8),
      })
      .refine((v) => v.last >= v.first, {
        path: ['last'],
        message: '终止号不能小于起始号',
        params: { code: 'RANGE_INVALID' },
      })
      .refine((v) => String(v.last).length <= v.width, {
        path: ['width'],
        message: '号码位数不足以容纳终止号',
        params: { code: 'RANGE_INVALID' },
      }),
    output: invoiceRangeSchema,
  }),
  'invoices.list': op({
    summary: '发票号段与剩余张数',
    access: SELLERS,
    writes: false,
    input: z.object({}),
    output: z.object({ items: z.array(invoiceRangeSchema) }),
  }),
  'sales.quote': op({
    summary: '购气报价：按气量或按金额，逐档计价，显示本年阶梯用量与剩余、结余和应收',
    access: ANY_STAFF,
    writes: false,
    input: purchaseSchema,
    output: quoteSchema,
  }),
  'sales.sellGas': op({
    summary: '购气收款：一笔事务记录购气（待写卡）、分档明细、收款方式、票据号、流水和审计',
    access: SELLERS,
    writes: true,
    input: z.object({
      purchase: purchaseSchema,
      /** The amount due the cashier saw in the quote; refused if it changed meanwhile. */
      expectedAmountDue: z.number().int().min(0),
      tenders: z.array(tenderInputSchema).max(4),
      issueInvoice: z.boolean().default(false),
      approval: approvalSchema.optional(),
      /** The operator confirmed using the card's last PSC try. */
      confirmLastTry: z.boolean().default(false),
    }),
    output: saleSchema,
  }),
  'sales.payFees': op({
    summary: '收费：初装费、改管线、换表、补卡等收费项目',
    access: SELLERS,
    writes: true,
    input: z.object({
      customerId: idSchema.optional(),
      lines: z
        .array(
          z.object({
            feeItemId: idSchema,
            qty: z.number().int().min(1, { error: '数量至少为 1' }).max(100, { error: '数量最多为 100' }),
          }),
        )
        .min(1, { error: '请选择收费项目' })
        .max(20),
      expectedAmountDue: z.number().int().min(1),
      tenders: requiredTenders,
      issueInvoice: z.boolean().default(false),
    }),
    output: saleSchema,
  }),
  'sales.reverse': op({
    summary: '冲正：以一笔新的冲正记录撤销购气（退回气量、结余和货款），需班长审批',
    access: SELLERS,
    writes: true,
    input: z.object({ saleId: idSchema, reason: reasonSchema, approval: approvalSchema.optional() }),
    output: saleSchema,
  }),
  'sales.refund': op({
    summary: '退款：收费项目或写卡失败的购气退回款项，需班长审批',
    access: SELLERS,
    writes: true,
    input: z.object({
      saleId: idSchema,
      amount: positiveFen('退款金额'),
      tenders: requiredTenders,
      reason: reasonSchema,
      approval: approvalSchema.optional(),
    }),
    output: saleSchema,
  }),
  'sales.get': op({
    summary: '查看一笔业务',
    access: ANY_STAFF,
    writes: false,
    input: z.object({ id: idSchema }),
    output: saleSchema,
  }),
  'sales.list': op({
    summary: '业务列表：按用户、班次或营业日',
    access: ANY_STAFF,
    writes: false,
    input: z.object({
      customerId: idSchema.optional(),
      shiftId: idSchema.optional(),
      businessDate: z
        .string()
        .regex(/^\d{4}-\d{2}-\d{2}$/)
        .optional(),
      limit: z.number().int().min(1).max(500).default(100),
    }),
    output: z.object({ items: z.array(saleSchema) }),
  }),
  'sales.balance': op({
    summary: '用户结余（元）',
    access: ANY_STAFF,
    writes: false,
    input: z.object({ customerId: idSchema }),
    output: z.object({ balance: z.number().int() }),
  }),
} as const;
