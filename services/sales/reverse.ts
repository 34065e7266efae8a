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
import { type SaleRow, tendersOf, writesOfSale } from '../../db';
import type { App } from '../app';
import { requireApproval } from '../auth/approval';
import { type Handlers, operatorOf } from '../call';
import { requireOpenShift } from '../cash/shift-guard';
import { mirrorGas, saleToCorrect } from './corrections';
import { recordSale } from './record-sale';
import { loadSale } from './sale-view';

export type ReverseInput = OpParsedInput<'sales.reverse'>;

/**
 * Whether a sale may be reversed. A purchase already written to a card (`onCard`) may only be reversed through
 * cards.reverseSale, which clears the card first; `cardCleared` says that has been done.
 */
export function reversible(app: App, id: string, cardCleared = false): SaleRow {
  const { sale, corrections } = saleToCorrect(app, id);
  if (sale.kind !== 'gas') throw new AppError('NOT_REVERSIBLE', { detail: sale.kind });
  if (corrections.length > 0) throw new AppError('ALREADY_REVERSED');
  if (sale.status === 'card_write_failed')
    throw new AppError('NOT_REVERSIBLE', { detail: '写卡失败的购气请办理退款' });
  if (!cardCleared && onCard(app, id)) throw new AppError('CARD_REQUIRED');
  return sale;
}

/** The purchase was written to a card (or its write is still being settled). */
function onCard(app: App, saleId: string): boolean {
  return writesOfSale(app.gdb.sqlite, saleId).some((w) => w.kind === 'purchase' && w.status !== 'failed');
}

export async function reverseSale(app: App, operatorId: string, input: ReverseInput): Promise<Sale> {
  reversible(app, input.saleId);
  requireOpenShift(app, operatorId);
  const approver = await requireApproval(app, input.approval, '冲正', operatorId);
  const id = app.newId();
  app.transaction(() => recordReversal(app, operatorId, input.saleId, input.reason, approver, id));
  return loadSale(app, id);
}

/** The reversal entry itself; runs inside the caller's transaction. */
export function recordReversal(
  app: App,
  operatorId: string,
  saleId: string,
  reason: string,
  approver: { id: string; displayName: string },
  id = app.newId(),
  cardCleared = false,
): string {
  const shift = requireOpenShift(app, operatorId);
  const o = reversible(app, saleId, cardCleared);
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
    reason,
    tenders,
    issueInvoice: false,
    opType: 'sale.reversed',
    summary: (receiptNo) =>
      `冲正：收据 ${o.receiptNo} 的购气 ${formatCubicMetres(o.volume)} m³，退款 ¥${formatYuan(o.amountPaid)}，` +
      `冲正单 ${receiptNo}，审批人 ${approver.displayName}`,
  });
  return id;
}

export const salesReverse: Handlers['sales.reverse'] = (input, call) =>
  reverseSale(call.app, operatorOf(call).staffId, input);
