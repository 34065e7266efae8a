/**
 * What reversals (冲正) and refunds (退款) share: the rules about which sale may be corrected, and the
 * mirror image of a gas sale (negative volume, tier lines and balance effects). The corrected row is never
 * changed; a correction is a new sale pointing at it. Runtime: Node.
 */
import { AppError } from '../../core/errors';
import { correctionsOf, findSale, type SaleRow, saleLinesOf } from '../../db';
import type { App } from '../app';
import type { LineDraft, SaleDraft } from './record-sale';

export function saleToCorrect(app: App, id: string): { sale: SaleRow; corrections: SaleRow[] } {
  const sale = findSale(app.gdb.sqlite, id);
  if (!sale) throw new AppError('NOT_FOUND', { detail: `sale ${id}` });
  return { sale, corrections: correctionsOf(app.gdb.sqlite, id) };
}

/** What is left to pay back: paid minus what corrections already paid back. */
export function refundable(sale: SaleRow, corrections: readonly SaleRow[]): number {
  return sale.amountPaid + corrections.reduce((a, c) => a + c.amountPaid, 0);
}

/** The gas of `o` undone: negative volume, amount, tier lines and balance effects. */
export function mirrorGas(
  app: App,
  o: SaleRow,
): Pick<
  SaleDraft,
  | 'volume'
  | 'amount'
  | 'balanceUsed'
  | 'balanceAdded'
  | 'priceVersionId'
  | 'periodStart'
  | 'customerId'
  | 'userClass'
  | 'lines'
> {
  const lines: LineDraft[] = saleLinesOf(app.gdb.sqlite, o.id).map(({ saleId: _s, lineNo: _n, ...l }) => ({
    ...l,
    volume: l.volume === null ? null : -l.volume,
    amount: -l.amount,
  }));
  return {
    customerId: o.customerId,
    userClass: o.userClass,
    volume: -o.volume,
    amount: -o.amount,
    balanceUsed: -o.balanceUsed,
    balanceAdded: -o.balanceAdded,
    priceVersionId: o.priceVersionId,
    periodStart: o.periodStart,
    lines,
  };
}
