/** What may still be done with a sale on the 业务记录 list. Runtime: any. */
import type { Sale } from '../../../core/contract';

/** 分 already paid back by refunds and reversals of this sale. */
export function paidBack(sale: Sale): number {
  return sale.correctedBy.reduce((sum, c) => sum + Math.abs(c.amountPaid), 0);
}

export function isReversed(sale: Sale): boolean {
  return sale.correctedBy.some((c) => c.kind === 'reversal');
}

/** A gas sale not reversed yet may be reversed (the server decides the rest). */
export function canReverse(sale: Sale): boolean {
  return sale.kind === 'gas' && !isReversed(sale) && paidBack(sale) === 0;
}

/** What is left to refund of a fee sale or a gas sale whose card could not be written. */
export function refundable(sale: Sale): number {
  const eligible = sale.kind === 'fee' || (sale.kind === 'gas' && sale.status === 'card_write_failed');
  if (!eligible || isReversed(sale)) return 0;
  return Math.max(0, Math.abs(sale.amountPaid) - paidBack(sale));
}
