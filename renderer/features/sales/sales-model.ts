/** What may still be done with a sale on the 业务记录 list. Runtime: any. */
import type { Sale } from '../../../core/contract';

/** 分 already paid back by refunds and reversals of this sale. */
export function paidBack(sale: Sale): number {
  return sale.correctedBy.reduce((sum, c) => sum + Math.abs(c.amountPaid), 0);
}

export function isReversed(sale: Sale): boolean {
  return sale.correctedBy.some((c) => c.kind === 'reversal');
}

/** A gas sale not reversed yet may be reversed (the server decides the rest); a failed card write is refunded. */
export function canReverse(sale: Sale): boolean {
  return (
    sale.kind === 'gas' && sale.status !== 'card_write_failed' && !isReversed(sale) && paidBack(sale) === 0
  );
}

/** What is left to refund of a fee sale or a gas sale whose card could not be written. */
export function refundable(sale: Sale): number {
  const eligible = sale.kind === 'fee' || (sale.kind === 'gas' && sale.status === 'card_write_failed');
  if (!eligible || isReversed(sale)) return 0;
  return Math.max(0, Math.abs(sale.amountPaid) - paidBack(sale));
}

/** A completed gas sale was written to the customer's card: its reversal must clear the card first. */
export function reversesOnCard(sale: Sale): boolean {
  return sale.kind === 'gas' && sale.status === 'completed';
}

/** 写卡 (waiting) or 重新写卡 (failed, not refunded) for a gas sale; null when there is nothing to write. */
export function cardWriteAction(sale: Sale): 'write' | 'rewrite' | null {
  if (sale.kind !== 'gas' || sale.correctedBy.length > 0) return null;
  if (sale.status === 'pending_card_write') return 'write';
  if (sale.status === 'card_write_failed') return 'rewrite';
  return null;
}

/**
 * The one sale 掉气补气 may repeat: the customer's latest gas sale (newest first in `items`), written to the
 * card and not corrected. The server checks the rest (never loaded, not topped up before).
 */
export function topUpCandidate(items: readonly Sale[]): string | undefined {
  const last = items.find((s) => s.kind === 'gas');
  return last && last.status === 'completed' && last.correctedBy.length === 0 ? last.id : undefined;
}

/** Paid gas sales whose gas is not on a card (待写卡, 写卡失败; not refunded): each is written or refunded. */
export function unsettledOf(items: readonly Sale[]): Sale[] {
  return items.filter((s) => cardWriteAction(s) !== null);
}
