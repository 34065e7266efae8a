/** Fee quantities typed at the counter and the total they come to, in 分. Runtime: any. */
import type { FeeItem } from '../../../core/contract';

/** '2' → 2; blank → 0; anything else → undefined. */
export function qtyOf(text: string | undefined): number | undefined {
  if (text === undefined || text.trim() === '') return 0;
  return /^\d{1,3}$/.test(text.trim()) && Number(text) <= 100 ? Number(text) : undefined;
}

/** The chosen lines and their total (分). */
export function feeLines(items: readonly FeeItem[], qty: Record<string, string | undefined> | undefined) {
  const lines = items.map((item) => ({ item, qty: qtyOf(qty?.[item.id]) ?? 0 })).filter((l) => l.qty > 0);
  return { lines, total: lines.reduce((sum, l) => sum + l.item.amountFen * l.qty, 0) };
}
