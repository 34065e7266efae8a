/**
 * Money operations: a sale (gas, fees, a reversal, a refund) with its lines and tenders, and the outcome of its
 * card write. A sale's own figures must add up (docs/sync-protocol.md, "What head office checks"): the schema
 * holds everything one payload can prove by itself; what needs head office's records (the customer's hall,
 * the price version, the sale a correction mirrors) is checked at head office. Runtime: any.
 */
import { z } from 'zod';
import { SALE_KINDS, SALE_STATUSES, TENDER_METHODS } from '../../domain/cash';
import { USER_CLASSES } from '../../domain/customer';
import { sliceAmount } from '../../pricing';
import { defineOp, FROM_V1 } from './define';
import { cardNo, count, day, id, int, int4, isoTime, nid, nint, nstr, str } from './fields';

export const saleLine = z.strictObject({
  lineNo: int4,
  kind: z.enum(['gas', 'fee']),
  tier: int4.nullable(),
  feeItemId: nid,
  name: str,
  volume: nint,
  priceLi: nint,
  qty: int4.nullable(),
  amount: int,
});

export const saleTender = z.strictObject({
  lineNo: int4,
  method: z.enum(TENDER_METHODS),
  amount: int,
  /** Cash handed over (cash only); `received − change = amount`. */
  received: nint,
  change: int,
  reference: nstr,
});

const saleBody = z.strictObject({
  id,
  receiptNo: str,
  invoiceNo: nstr,
  kind: z.enum(SALE_KINDS),
  status: z.enum(SALE_STATUSES),
  customerId: nid,
  userClass: z.enum(USER_CLASSES).nullable(),
  shiftId: id,
  businessDate: day,
  operatorId: id,
  approverId: nid,
  volume: int,
  amount: int,
  balanceUsed: int,
  balanceAdded: int,
  amountPaid: int,
  priceVersionId: nid,
  periodStart: nstr,
  usedBefore: nint,
  correctsSaleId: nid,
  reason: nstr,
  createdAt: isoTime,
  lines: z.array(saleLine).max(100),
  tenders: z.array(saleTender).max(10),
  /** The customer's 结余 before and after, when the sale changed it. */
  balance: z.strictObject({ before: int, after: int }).optional(),
});
export type SalePayload = z.output<typeof saleBody>;

const sum = (xs: readonly { amount: number }[]) => xs.reduce((s, x) => s + x.amount, 0);

type Issue = [path: (string | number)[], message: string];

/** What every sale must satisfy, whatever its kind. */
function figures(s: SalePayload): Issue[] {
  const out: Issue[] = [];
  if (s.amountPaid !== s.amount - s.balanceUsed + s.balanceAdded)
    out.push([['amountPaid'], '实收金额应等于 金额 − 使用结余 + 存入结余']);
  if (sum(s.tenders) !== s.amountPaid) out.push([['tenders'], '各付款方式合计应等于实收金额']);
  if (new Set(s.lines.map((l) => l.lineNo)).size !== s.lines.length) out.push([['lines'], '明细行号重复']);
  if (new Set(s.tenders.map((t) => t.lineNo)).size !== s.tenders.length)
    out.push([['tenders'], '收款行号重复']);
  s.tenders.forEach((t, i) => {
    if (t.received !== null && t.received - t.change !== t.amount)
      out.push([['tenders', i, 'change'], '实收现金 − 找零应等于该笔金额']);
  });
  return out;
}

/** A new sale (gas or fees): no figure is negative, and a balance grows only by money received. */
function forward(s: SalePayload): Issue[] {
  const out: Issue[] = [];
  for (const k of ['volume', 'amount', 'balanceAdded', 'amountPaid'] as const)
    if (s[k] < 0) out.push([[k], '金额、气量和结余不能为负']);
  // A negative 结余 (left by a balance conflict) is collected whole with the next purchase, and only then.
  if (s.balanceUsed < 0 && s.balance?.before !== s.balanceUsed)
    out.push([['balanceUsed'], '使用结余为负只能是收回全部欠款']);
  s.lines.forEach((l, i) => {
    if (l.amount < 0 || (l.volume ?? 0) < 0) out.push([['lines', i], '明细金额和气量不能为负']);
  });
  s.tenders.forEach((t, i) => {
    if (t.amount < 0 || t.change < 0) out.push([['tenders', i], '收款金额和找零不能为负']);
  });
  if (s.balanceAdded - s.balanceUsed > s.amountPaid) out.push([['balanceAdded'], '存入结余只能来自实收的钱']);
  if (sum(s.lines) !== s.amount) out.push([['lines'], '明细合计应等于金额']);
  if (s.correctsSaleId !== null) out.push([['correctsSaleId'], '新的收费不能冲正其他收费']);
  return out;
}

function gas(s: SalePayload): Issue[] {
  const out = forward(s);
  if (s.customerId === null) out.push([['customerId'], '购气必须有用户']);
  if (s.priceVersionId === null) out.push([['priceVersionId'], '购气必须注明气价版本']);
  if (s.status !== 'pending_card_write') out.push([['status'], '购气先记为待写卡']);
  let volume = 0;
  s.lines.forEach((l, i) => {
    if (l.kind !== 'gas' || l.tier === null || l.tier < 1 || l.volume === null || l.priceLi === null)
      out.push([['lines', i], '购气明细应为某一档的气量和单价']);
    else if (l.volume >= 0 && l.priceLi >= 0 && l.amount !== sliceAmount(l.volume, l.priceLi))
      out.push([['lines', i, 'amount'], '该档金额与气量×单价（分位四舍五入）不符']);
    volume += l.volume ?? 0;
  });
  if (volume !== s.volume) out.push([['volume'], '各档气量合计应等于购气量']);
  return out;
}

function fee(s: SalePayload): Issue[] {
  const out = forward(s);
  if (s.status !== 'completed') out.push([['status'], '收费记录应为已完成']);
  if (s.volume !== 0 || s.balanceUsed !== 0 || s.balanceAdded !== 0)
    out.push([['volume'], '收费不涉及气量和结余']);
  s.lines.forEach((l, i) => {
    if (l.kind !== 'fee' || l.feeItemId === null || l.qty === null || l.qty < 1)
      out.push([['lines', i], '收费明细应为收费项目和数量']);
  });
  return out;
}

/** A correction (reversal, refund): its figures are the corrected sale's, negated; checked against it at head office. */
function correction(s: SalePayload): Issue[] {
  const out: Issue[] = [];
  for (const k of ['volume', 'amount', 'amountPaid'] as const)
    if (s[k] > 0) out.push([[k], '冲正或退款的金额和气量不能为正']);
  if (s.correctsSaleId === null) out.push([['correctsSaleId'], '冲正或退款必须注明原收费']);
  if (s.approverId === null) out.push([['approverId'], '冲正或退款必须有审批人']);
  if (s.status !== 'completed') out.push([['status'], '冲正或退款记录应为已完成']);
  if (s.lines.length > 0 && sum(s.lines) !== s.amount) out.push([['lines'], '明细合计应等于金额']);
  return out;
}

const sale = (kind: SalePayload['kind'], rules: (s: SalePayload) => Issue[]) =>
  saleBody.superRefine((s, ctx) => {
    const issues =
      s.kind === kind ? [...figures(s), ...rules(s)] : [[['kind'], `收费类别应为 ${kind}`] as Issue];
    for (const [path, message] of issues) ctx.addIssue({ code: 'custom', path, message });
  });

const status = (to: 'completed' | 'card_write_failed') =>
  z.strictObject({
    saleId: id,
    /** Present when written by the card journal's settlement of a sale (its receipt number otherwise). */
    receiptNo: str.optional(),
    status: z.literal(to),
    reason: nstr,
    /** Present when the outcome was settled from the card (the card-write journal). */
    cardNo: cardNo.optional(),
    purchaseCount: count.optional(),
  });

const saleOp = { entityType: 'sale', authority: 'counter', headOffice: 'applies' } as const;
const bySale = (p: { id: string }) => p.id;
const bySaleId = (p: { saleId: string }) => p.saleId;

export const SALE_OP_TYPES = ['sale.gasSold', 'sale.feesPaid', 'sale.reversed', 'sale.refunded'] as const;
export type SaleOpType = (typeof SALE_OP_TYPES)[number];

export const saleOps = [
  defineOp({
    type: 'sale.gasSold',
    version: 2,
    ...saleOp,
    entityId: bySale,
    summary: '购气收费（待写卡）',
    schema: sale('gas', gas),
    upgrades: FROM_V1,
  }),
  defineOp({
    type: 'sale.feesPaid',
    version: 2,
    ...saleOp,
    entityId: bySale,
    summary: '业务收费（初装费、换表费等）',
    schema: sale('fee', fee),
    upgrades: FROM_V1,
  }),
  defineOp({
    type: 'sale.reversed',
    version: 2,
    ...saleOp,
    entityId: bySale,
    summary: '冲正（班长审批；金额为原收费的相反数）',
    schema: sale('reversal', correction),
    upgrades: FROM_V1,
  }),
  defineOp({
    type: 'sale.refunded',
    version: 2,
    ...saleOp,
    entityId: bySale,
    summary: '退款（班长审批）',
    schema: sale('refund', correction),
    upgrades: FROM_V1,
  }),
  defineOp({
    type: 'sale.cardWritten',
    version: 2,
    ...saleOp,
    entityId: bySaleId,
    summary: '购气写卡成功，收费记录完成',
    schema: status('completed'),
    upgrades: FROM_V1,
  }),
  defineOp({
    type: 'sale.cardWriteFailed',
    version: 2,
    ...saleOp,
    entityId: bySaleId,
    summary: '购气写卡失败，款项待退款或重新写卡',
    schema: status('card_write_failed'),
    upgrades: FROM_V1,
  }),
] as const;
