/** Counting the drawer by denomination: pieces typed per note or coin, the total in 分. Runtime: any. */
import { DENOMINATIONS } from '../../../core/domain/cash';
import type { Dict } from '../../i18n';
import { fmt } from '../../i18n';

export type Pieces = Record<string, string | undefined>;

/** '12' → 12; blank → 0; otherwise undefined. */
export function piecesOf(text: string | undefined): number | undefined {
  if (text === undefined || text.trim() === '') return 0;
  return /^\d{1,6}$/.test(text.trim()) ? Number(text) : undefined;
}

export function denominationTotal(pieces: Pieces | undefined): number {
  return DENOMINATIONS.reduce((sum, d) => sum + d * (piecesOf(pieces?.[d]) ?? 0), 0);
}

export function denominationLabel(t: Dict, value: number): string {
  return value >= 100
    ? fmt(t.shift.denomYuan, { n: value / 100 })
    : fmt(t.shift.denomJiao, { n: value / 10 });
}
