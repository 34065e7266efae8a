/**
 * 退款: money back for a fee payment (in part or in full) or for a gas sale whose card write failed (in
 * full: the refund voids the sale — its gas, tier lines and balance effects are undone, as by a reversal).
 * A supervisor approves; the tenders say how the money goes back (stored as negative amounts).
 * Runtime: Node.
 */
import type { OpParsedInput, Sale } from '../../core/contract';
import { AppError } from '../../core/errors';
import { formatYuan } from '../../core/quantities';
import { type SaleRow, writesOfSale } from '../../db';
import type { App } from '../app';
import { requireApproval } from '../auth/approval';
import { type Handlers, operatorOf } from '../call';
import { requireOpenShift } from '../cash/shift-guard';
import { mirrorGas, refundable, saleToCorrect } from './corrections';
import { recordSale } from './record-sale';
import { loadSale } from './sale-view';
import { payBackTenders } from './tenders';

export type RefundInput = OpParsedInput<'sales.refund'>;

function refundableSale(app: App, id: string, amount: number): SaleRow {
  const { sale, corrections } = saleToCorrect(app, id);
  if (sale.kind === 'reversal' || sale.kind === 'refund')
    throw new AppError('NOT_REFUNDABLE', { detail: sale.kind });
  if (sale.kind === 'gas' && sale.status !== 'card_write_failed')
    throw new AppError('NOT_REFUNDABLE', { detail: sale.status });
  if (sale.kind === 'gas' && corrections.length > 0) throw new AppError('ALREADY_REVERSED');
  // A retry whose outcome is not known yet may have put the gas on the card: settle it (read the card) first.
  if (sale.kind === 'gas' && writesOfSale(app.gdb.sqlite, id).some((w) => w.status === 'pending'))
    throw new AppError('CARD_WRITE_UNCERTAIN');
  const left = refundable(sale, corrections);
  if (amount > left) throw new AppError('REFUND_TOO_LARGE', { detail: `可退 ${formatYuan(left)}` });
  if (sale.kind === 'gas' && amount !== left)
    throw new AppError('VALIDATION_FAILED', {
      issues: [
        {
          path: ['amount'],
          code: 'REFUND_MUST_BE_FULL',
          message: `写卡失败的购气须全额退款 ¥${formatYuan(left)}`,
        },
      ],
    });
  return sale;
}

export async function refundSale(app: App, operatorId: string, input: RefundInput): Promise<Sale> {
  refundableSale(app, input.saleId, input.amount);
  payBackTenders(input.tenders, input.amount);
  requireOpenShift(app, operatorId);
  const approver = await requireApproval(app, input.approval, '退款', operatorId);
  const id = app.newId();
  app.transaction(() => {
    const shift = requireOpenShift(app, operatorId);
    const o = refundableSale(app, input.saleId, input.amount);
    const gas = o.kind === 'gas';
    recordSale(app, {
      id,
      kind: 'refund',
      status: 'completed',
      ...(gas
        ? mirrorGas(app, o)
        : {
            customerId: o.customerId,
            userClass: o.userClass,
            volume: 0,
            amount: -input.amount,
            balanceUsed: 0,
            balanceAdded: 0,
            priceVersionId: null,
            periodStart: null,
            lines: [],
          }),
      shiftId: shift.id,
      businessDate: shift.businessDate,
      operatorId,
      approverId: approver.id,
      amountPaid: -input.amount,
      usedBefore: null,
      correctsSaleId: o.id,
      reason: input.reason,
      tenders: payBackTenders(input.tenders, input.amount),
      issueInvoice: false,
      opType: 'sale.refunded',
      summary: (receiptNo) =>
        `退款：收据 ${o.receiptNo}${gas ? '（写卡失败的购气）' : ''} 退 ¥${formatYuan(input.amount)}，` +
        `退款单 ${receiptNo}，审批人 ${approver.displayName}`,
    });
  });
  return loadSale(app, id);
}

export const salesRefund: Handlers['sales.refund'] = (input, call) =>
  refundSale(call.app, operatorOf(call).staffId, input);
