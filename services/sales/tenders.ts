/**
 * Tenders: how the money of a sale comes in or goes back. The tenders' amounts must add up to the amount
 * due exactly; only cash gives change (received − amount). Runtime: Node.
 */
import type { TenderInput } from '../../core/contract';
import type { TenderMethod } from '../../core/domain/cash';
import { AppError } from '../../core/errors';
import { formatYuan } from '../../core/quantities';

export interface TenderDraft {
  readonly method: TenderMethod;
  /** Applied to the amount due; negative when money is paid back. */
  readonly amount: number;
  readonly received: number | null;
  readonly change: number;
  readonly reference: string | null;
}

function sumMatches(tenders: readonly TenderInput[], due: number): void {
  const sum = tenders.reduce((a, t) => a + t.amount, 0);
  if (sum < due)
    throw new AppError('TENDER_SHORT', { detail: `收款合计 ${formatYuan(sum)}，应收 ${formatYuan(due)}` });
  if (sum > due)
    throw new AppError('TENDER_MISMATCH', { detail: `收款合计 ${formatYuan(sum)}，应收 ${formatYuan(due)}` });
}

/** Money coming in for `due` 分 (a volume purchase paid entirely from the balance has no tenders). */
export function takeTenders(tenders: readonly TenderInput[], due: number): TenderDraft[] {
  sumMatches(tenders, due);
  return tenders.map((t) => {
    const cash = t.method === 'cash';
    if (!cash && t.received !== undefined)
      throw new AppError('TENDER_MISMATCH', { detail: '只有现金可以找零' });
    if (cash && t.received !== undefined && t.received < t.amount) throw new AppError('TENDER_SHORT');
    return {
      method: t.method,
      amount: t.amount,
      received: cash ? (t.received ?? null) : null,
      change: cash && t.received !== undefined ? t.received - t.amount : 0,
      reference: t.reference ? t.reference : null,
    };
  });
}

/** Money going back for a refund of `amount` 分: stored as negative amounts, no change. */
export function payBackTenders(tenders: readonly TenderInput[], amount: number): TenderDraft[] {
  sumMatches(tenders, amount);
  return tenders.map((t) => {
    if (t.received !== undefined) throw new AppError('TENDER_MISMATCH', { detail: '退款不找零' });
    return {
      method: t.method,
      amount: -t.amount,
      received: null,
      change: 0,
      reference: t.reference ? t.reference : null,
    };
  });
}
