/** 交班、现金进出、缴款、日结: the cash desk. Runtime: any. */
import { z } from 'zod';
import { CASH_MOVEMENT_KINDS, DENOMINATIONS, SALE_KINDS, TENDER_METHODS } from '../domain/cash';
import { USER_CLASSES } from '../domain/customer';
import { approvalSchema, op, optionalTrimmed, reasonSchema, trimmed } from './common';

const SELLERS = ['cashier', 'supervisor', 'admin'] as const;
/** The 班长 and the administrator close the day (approving is the 班长's alone: core/domain/roles.ts). */
const DAY_CLOSERS = ['supervisor', 'admin'] as const;
const fenAmount = (label: string) =>
  z
    .number({ error: `请填写${label}` })
    .int({ error: `${label}必须是整数分` })
    .min(0, { error: `${label}不能为负` })
    .max(10_000_000_00);
const businessDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: '营业日格式为 年-月-日' });
const person = z.object({ id: z.string(), displayName: z.string() });

export const shiftSchema = z.object({
  id: z.string(),
  operator: person,
  businessDate: z.string(),
  openedAt: z.string(),
  float: z.number().int(),
  status: z.enum(['open', 'closed']),
  closedAt: z.string().nullable(),
  counted: z.number().int().nullable(),
  expected: z.number().int().nullable(),
  difference: z.number().int().nullable(),
  note: z.string().nullable(),
  /** Who closed it: the operator, or a supervisor closing a shift its cashier left open (null while open). */
  closedBy: person.nullable(),
  /** The supervisor who approved a difference above the tolerance at the close. */
  approvedBy: person.nullable(),
});
export type Shift = z.infer<typeof shiftSchema>;

const byTender = z.array(
  z.object({
    method: z.enum(TENDER_METHODS),
    taken: z.number().int(),
    refunded: z.number().int(),
    count: z.number().int(),
  }),
);
const byKind = z.array(
  z.object({
    kind: z.enum(SALE_KINDS),
    count: z.number().int(),
    amount: z.number().int(),
    volume: z.number().int(),
  }),
);

/** Paid gas sales whose gas is not on a card (待写卡, 写卡失败; not refunded): to be written or refunded. */
export const unsettledSchema = z.object({
  count: z.number().int(),
  amount: z.number().int(),
  sales: z.array(
    z.object({
      saleId: z.string(),
      receiptNo: z.string(),
      amount: z.number().int(),
      status: z.enum(['pending_card_write', 'card_write_failed']),
      customerName: z.string().nullable(),
    }),
  ),
});
export type Unsettled = z.infer<typeof unsettledSchema>;

export const shiftReportSchema = z.object({
  shift: shiftSchema,
  cash: z.object({
    float: z.number().int(),
    cashTaken: z.number().int(),
    cashRefunded: z.number().int(),
    cashIn: z.number().int(),
    cashOut: z.number().int(),
    expected: z.number().int(),
  }),
  byKind,
  byTender,
  movements: z.array(
    z.object({
      kind: z.enum(CASH_MOVEMENT_KINDS),
      amount: z.number().int(),
      reason: z.string(),
      at: z.string(),
    }),
  ),
  denominations: z.array(z.object({ value: z.number().int(), count: z.number().int() })).nullable(),
  unsettled: unsettledSchema,
});
export type ShiftReport = z.infer<typeof shiftReportSchema>;

/** The day's cash lines (core/domain/cash.ts dayCashOf): 应缴现金 leaves the floats in the drawers. */
export const dayCashSchema = z.object({
  floats: z.number().int(),
  cashTaken: z.number().int(),
  cashRefunded: z.number().int(),
  cashIn: z.number().int(),
  cashOut: z.number().int(),
  toDeposit: z.number().int(),
  differences: z.number().int(),
  undeposited: z.number().int(),
});

export const dayReportSchema = z.object({
  businessDate: z.string(),
  closed: z.boolean(),
  closedAt: z.string().nullable(),
  closedBy: z.string().nullable(),
  byUserClass: z.array(
    z.object({
      userClass: z.enum(USER_CLASSES),
      count: z.number().int(),
      volume: z.number().int(),
      amount: z.number().int(),
    }),
  ),
  byTier: z.array(z.object({ tier: z.number().int(), volume: z.number().int(), amount: z.number().int() })),
  byTender,
  byOperator: z.array(
    z.object({
      operatorId: z.string(),
      displayName: z.string(),
      count: z.number().int(),
      taken: z.number().int(),
      refunded: z.number().int(),
    }),
  ),
  byKind,
  fees: z.array(z.object({ name: z.string(), qty: z.number().int(), amount: z.number().int() })),
  counts: z.object({
    sales: z.number().int(),
    reversals: z.number().int(),
    refunds: z.number().int(),
    reprints: z.number().int(),
    newAccounts: z.number().int(),
  }),
  shifts: z.array(
    z.object({
      id: z.string(),
      operator: z.string(),
      expected: z.number().int().nullable(),
      counted: z.number().int().nullable(),
      difference: z.number().int().nullable(),
      status: z.enum(['open', 'closed']),
    }),
  ),
  deposits: z.array(
    z.object({
      amount: z.number().int(),
      bank: z.string(),
      reference: z.string(),
      /** When it was recorded. */
      at: z.string(),
      /** 补录: recorded after the day's close (a next-morning bank deposit). */
      late: z.boolean(),
    }),
  ),
  /** Σ of the shifts' expected cash, floats included: what the day's drawers should have held. */
  cashExpected: z.number().int(),
  /** Σ of the deposits, late ones included. */
  deposited: z.number().int(),
  cash: dayCashSchema,
  /** The day's paid gas sales whose gas is not on a card, as they stand now (a closed day's too). */
  unsettled: unsettledSchema,
});
export type DayReport = z.infer<typeof dayReportSchema>;

export const cashOps = {
  'shifts.current': op({
    summary: '本人当前班次（未交班）与营业日',
    access: 'session',
    writes: false,
    input: z.object({}),
    output: z.object({ shift: shiftSchema.nullable(), businessDate: z.string() }),
  }),
  'shifts.open': op({
    summary: '开班：登记备用金',
    access: SELLERS,
    writes: true,
    input: z.object({ float: fenAmount('备用金') }),
    output: shiftSchema,
  }),
  'shifts.cashMovement': op({
    summary: '现金存入或取出（须写原因）',
    access: SELLERS,
    writes: true,
    input: z.object({
      kind: z.enum(CASH_MOVEMENT_KINDS),
      amount: fenAmount('金额').min(1, { error: '金额必须大于零' }),
      reason: reasonSchema,
    }),
    output: shiftReportSchema,
  }),
  'shifts.close': op({
    summary:
      '交班：实点现金（可按面额）与应有现金核对，不符须写说明；差额超过允许范围须班长审批；班长可代为交班（shiftId）',
    access: SELLERS,
    writes: true,
    input: z.object({
      /** Another operator's open shift, closed by a supervisor; default: the operator's own open shift. */
      shiftId: z.string().uuid().optional(),
      counted: fenAmount('实点现金'),
      denominations: z
        .array(
          z.object({
            value: z.union(DENOMINATIONS.map((d) => z.literal(d))),
            count: z.number().int().min(0).max(100_000),
          }),
        )
        .optional(),
      note: optionalTrimmed(200, '差异说明'),
      approval: approvalSchema.optional(),
    }),
    output: shiftReportSchema,
  }),
  'shifts.report': op({
    summary: '交班报表',
    access: SELLERS,
    writes: false,
    input: z.object({ shiftId: z.string().uuid().optional() }),
    output: shiftReportSchema,
  }),
  'shifts.list': op({
    summary: '某营业日的全部班次',
    access: SELLERS,
    writes: false,
    input: z.object({ businessDate: businessDate.optional() }),
    output: z.object({ items: z.array(shiftSchema) }),
  }),
  'deposits.record': op({
    summary: '缴款：营业日现金存入银行；已日结的营业日可补录（标为补录）',
    access: SELLERS,
    writes: true,
    input: z.object({
      businessDate: businessDate.optional(),
      amount: fenAmount('缴款金额').min(1, { error: '金额必须大于零' }),
      bank: trimmed(40, '银行'),
      reference: trimmed(40, '缴款单号'),
    }),
    output: z.object({
      id: z.string(),
      businessDate: z.string(),
      amount: z.number().int(),
      late: z.boolean(),
    }),
  }),
  'days.report': op({
    summary: '日报：按用气性质、阶梯、付款方式、操作员统计，含冲正、退款、补打次数',
    access: SELLERS,
    writes: false,
    input: z.object({ businessDate: businessDate.optional() }),
    output: dayReportSchema,
  }),
  'days.close': op({
    summary: '日结（扎帐）：全部交班后由班长结束营业日；之后的业务记入下一营业日',
    access: DAY_CLOSERS,
    writes: true,
    input: z.object({ businessDate }),
    output: dayReportSchema,
  }),
} as const;
