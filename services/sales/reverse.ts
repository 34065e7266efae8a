/**
 * 冲正: undoes a gas sale with a new 'reversal' entry — negative volume and tier lines mirroring it, the money
 * paid back through the original tenders (same methods and references), the balance restored — in the
 * operator's open shift, with a supervisor's approval. Only a gas sale that is not corrected yet; a sale
 * whose card write failed is refunded instead (its gas never reached the card). P3 adds "only while the gas
 * is still on the card". Runtime: Node.
 */
import type { OpParsedInput, Sale } from '../../core/contract';
import { AppError } from '../../core/errors';
import { formatCubicMetres, formatYuan } from '../../core/quantities';
import { type SaleRow, tendersOf } from '../../db';
import type { App } from '../app';
import { requireApproval } from '../auth/approval';
import { type Handlers, operatorOf } from '../call';
import { requireOpenShift } from '../cash/shift-guard';
import { mirrorGas, saleToCorrect } from './corrections';
import { recordSale } from './record-sale';
import { loadSale } from './sale-view';

export type ReverseInput = OpParsedInput<'sales.reverse'>;

function reversible(app: App, id: string): SaleRow {
  const { sale, corrections } = saleToCorrect(app, id);
  if (sale.kind !== 'gas') throw new AppError('NOT_REVERSIBLE', { detail: sale.kind });
  if (corrections.length > 0) throw new AppError('ALREADY_REVERSED');
  if (sale.status === 'card_write_failed')
    throw new AppError('NOT_REVERSIBLE', { detail: '写卡失败的购气请办理退款' });
  return sale;
}

export async function reverseSale(app: App, operatorId: string, input: ReverseInput): Promise<Sale> {
  reversible(app, input.saleId);
  requireOpenShift(app, operatorId);
  const approver = await requireApproval(app, input.approval, '冲正');
  const id = app.newId();
  app.transaction(() => {
    const shift = requireOpenShift(app, operatorId);
    const o = reversible(app, input.saleId);
    const tenders = tendersOf(app.gdb.sqlite, o.id).map((t) => ({
      method: t.method,
      amount: -t.amount,
      received: null,
      change: 0,
      reference: t.reference,
    }));
    recordSale(app, {
      id,
      kind: 'reversal',
      status: 'completed',
      ...mirrorGas(app, o),
      shiftId: shift.id,
      businessDate: shift.businessDate,
      operatorId,
      approverId: approver.id,
      amountPaid: -o.amountPaid,
      usedBefore: null,
      correctsSaleId: o.id,
      reason: input.reason,
      tenders,
      issueInvoice: false,
      opType: 'sale.reversed',
      summary: (receiptNo) =>
        `冲正：收据 ${o.receiptNo} 的购气 ${formatCubicMetres(o.volume)} m³，退款 ¥${formatYuan(o.amountPaid)}，` +
        `冲正单 ${receiptNo}，审批人 ${approver.displayName}`,
    });
  });
  return loadSale(app, id);
}

export const salesReverse: Handlers['sales.reverse'] = (input, call) =>
  reverseSale(call.app, operatorOf(call).staffId, input);
