/**
 * Sales at head office (reliability.md 16): a counter records its own sales, in its own shifts, for customers
 * of its own hall — or of another hall that head office gave it (world.ts servedCustomer). Beyond what a sale's payload proves by itself (core/sync/ops/sale-ops.ts: the figures add
 * up), head office checks what only it knows: the customer is the hall's, the shift the counter's, the price
 * version head office's own with the tier prices the lines charge, and a correction mirrors the sale it
 * corrects and never takes back more than was paid. A balance spent twice across counters is a conflict (the
 * money is recorded as it happened; a person settles it). Runtime: Node.
 */
import type { SaleOpType, SalePayload } from '../../../core/sync/ops/sale-ops';
import { APPLIED, isQuarantine, type Quarantine, quarantine, type ReadableOp, type World } from '../world';
import { claimCount, countGoesForward } from './cards';
import type { Rule } from './rule';
import { addGasUse } from '../../../core/sync/gas-use';

function ownShift(w: World, shiftId: string): Quarantine | null {
  const s = w.shifts.get(shiftId);
  return s && s.counterId === w.ctx.counterId
    ? null
    : quarantine('UNKNOWN_SHIFT', '总部没有本柜台的这个班次（开班记录未到或被隔离）');
}

function price(w: World, s: SalePayload): Quarantine | null {
  const v = s.priceVersionId ? w.priceVersions.get(s.priceVersionId) : undefined;
  if (!v) return quarantine('UNKNOWN_PRICE_VERSION', '总部没有发布这个气价版本，不能按它收费');
  if (v.userClass !== s.userClass || v.effectiveFrom > s.businessDate)
    return quarantine('PRICE_MISMATCH', '气价版本与用气性质或营业日不符');
  for (const l of s.lines)
    if (l.tier === null || v.tiers[l.tier - 1]?.priceLi !== l.priceLi)
      return quarantine('PRICE_MISMATCH', `第 ${l.lineNo} 行单价与总部气价第 ${l.tier} 档不符`);
  return null;
}

const FIGURES = ['volume', 'amount', 'balanceUsed', 'balanceAdded', 'amountPaid'] as const;

/** A correction's original: the counter's own sale, not corrected beyond what was paid. */
function correction(w: World, s: SalePayload): Quarantine | null {
  const o = s.correctsSaleId ? w.sales.get(s.correctsSaleId) : undefined;
  if (!o || o.counterId !== w.ctx.counterId)
    return quarantine('UNKNOWN_SALE', '总部没有本柜台被冲正或退款的原收费记录');
  if (o.kind !== 'gas' && o.kind !== 'fee')
    return quarantine('CORRECTION_MISMATCH', '只能冲正或退款购气和收费');
  if (o.customerId !== s.customerId) return quarantine('CORRECTION_MISMATCH', '冲正或退款的用户与原收费不符');
  if (s.kind === 'reversal') {
    if (o.corrected !== 0) return quarantine('CORRECTION_MISMATCH', '原收费已冲正或退过款，不能再冲正');
    if (FIGURES.some((f) => s[f] !== -o[f]))
      return quarantine('CORRECTION_MISMATCH', '冲正金额、气量和结余应为原收费的相反数');
  } else if (o.corrected - s.amountPaid > o.amountPaid)
    return quarantine('CORRECTION_MISMATCH', '退款合计超过了原收费的实收金额');
  return null;
}

export const saleRecorded: Rule<SaleOpType> = {
  check(w, op) {
    const s = op.read.data;
    if (s.operatorId !== op.operatorId || s.approverId !== op.approverId)
      return quarantine('OPERATOR_MISMATCH', '收费记录的操作员或审批人与业务流水不符');
    if (w.sales.has(s.id) || w.heldSales.has(s.id))
      return quarantine('DUPLICATE_SALE', '总部已有同一编号的收费记录');
    const shift = ownShift(w, s.shiftId);
    if (shift) return shift;
    if (s.customerId !== null) {
      const c = w.servedCustomer(s.customerId);
      if (isQuarantine(c)) return c;
    }
    if (s.kind === 'gas') return price(w, s);
    if (s.kind === 'reversal' || s.kind === 'refund') return correction(w, s);
    return null;
  },
  apply(w, op) {
    const s = op.read.data;
    w.sales.set(s.id, { ...s, counterId: w.ctx.counterId, corrected: 0, fresh: { ...s, opSeq: op.seq } });
    if (s.correctsSaleId) w.sales.get(s.correctsSaleId)!.corrected -= s.amountPaid;
    w.effect(op, { kind: 'sale', id: s.id });
    const delta = s.balanceAdded - s.balanceUsed;
    const c = s.customerId ? w.customers.get(s.customerId) : undefined;
    if (c && s.volume !== 0) {
      // The household's gas use, on the day it counts (a correction on its original's, docs/pricing.md).
      const day = s.correctsSaleId ? w.sales.get(s.correctsSaleId)!.businessDate : s.businessDate;
      w.effect(op, { kind: 'gasUse', id: c.id, day, delta: s.volume });
      c.gasUseBy = addGasUse(c.gasUseBy, w.ctx.counterId, day, s.volume);
      c.dirty = true;
      c.publish = true; // every counter of the hall prices from the household's whole use
    }
    if (c && delta !== 0) {
      w.effect(op, { kind: 'balance', id: c.id, delta });
      const before = c.balance;
      c.balance += delta;
      c.balanceBy[w.ctx.counterId] = (c.balanceBy[w.ctx.counterId] ?? 0) + delta;
      c.dirty = true;
      c.publish = true; // every counter of the hall sees the customer's balance
      if (c.balance < 0 && s.balanceUsed > 0)
        w.conflict(op, {
          kind: 'balance',
          entityType: 'customer',
          entityId: c.id,
          field: 'balance',
          current: before,
          incoming: { saleId: s.id, balanceUsed: s.balanceUsed },
          currentCounterId: null,
        });
    }
    return APPLIED;
  },
};

type StatusOp = ReadableOp<'sale.cardWritten' | 'sale.cardWriteFailed'>;

export const saleWritten: Rule<'sale.cardWritten' | 'sale.cardWriteFailed'> = {
  check(w, op: StatusOp) {
    const { saleId, cardNo } = op.read.data;
    const s = w.sales.get(saleId);
    if (!s || s.counterId !== w.ctx.counterId)
      return quarantine('UNKNOWN_SALE', '总部没有本柜台的这笔购气记录（购气记录未到或被隔离）');
    if (s.kind !== 'gas') return quarantine('PAYLOAD_INVALID', '只有购气有写卡结果');
    if (cardNo === undefined) return null;
    const card = w.servedCard(cardNo);
    if (isQuarantine(card)) return card;
    if (card.customerId !== s.customerId) return quarantine('PAYLOAD_INVALID', '写卡的卡不是该用户的卡');
    const { purchaseCount } = op.read.data;
    return purchaseCount === undefined ? null : countGoesForward(w, card.customerId, purchaseCount);
  },
  apply(w, op: StatusOp) {
    const { saleId, status, cardNo, purchaseCount } = op.read.data;
    const s = w.sales.get(saleId)!;
    s.status = status;
    if (s.fresh) s.fresh = { ...s.fresh, status };
    else w.saleStatus.set(saleId, status);
    if (status === 'completed' && cardNo !== undefined && purchaseCount !== undefined)
      claimCount(w, op, cardNo, purchaseCount);
    return APPLIED;
  },
};
