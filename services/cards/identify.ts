/**
 * Whose card is in the reader, told apart in this order, before any PSC is tried: not an SLE4442 (the reader
 * says so), not our card format (ATR, format marker), another company's or region's card (the region on the
 * card is not this hall's; or the card number is one we issued but the account number or region on the card is
 * not the one in the file), and only then ours — issued here, or an issue of ours that was cut. A card of another
 * hall (its region is that hall's code) is ours once head office gave this counter its customer. Runtime: Node.
 */
import type { CardRecord } from '../../core/card/gas-card';
import { accountNoTaken, type CardRow, cardByNo, findCustomer } from '../../db';
import type { App } from '../app';

type Ok = Extract<CardRecord, { state: 'ok' }>;

export type Identity =
  | { is: 'blank' }
  | { is: 'damaged' }
  | { is: 'foreign'; why: 'format' | 'region' | 'company' }
  | { is: 'unknown'; record: Ok }
  | { is: 'half-issued'; record: Ok }
  | { is: 'ours'; record: Ok; card: CardRow; accountNo: string };

export const FOREIGN_WHY = {
  format: '不是本系统的卡格式',
  region: '卡上的地区代码不是本营业厅的',
  company: '卡号与本公司的卡相同，但卡上的用户编号或地区与档案不符（其他公司的卡）',
} as const;

export function identify(app: App, rec: CardRecord, region: number): Identity {
  if (rec.state === 'blank') return { is: 'blank' };
  if (rec.state === 'foreign') return { is: 'foreign', why: 'format' };
  if (rec.state === 'damaged') return { is: 'damaged' };
  const h = rec.header;
  const card = cardByNo(app.gdb.sqlite, h.cardNo);
  // Another hall's card is ours once its customer was fetched from head office (services/customers/other-halls.ts).
  if (h.region !== region && !card) return { is: 'foreign', why: 'region' };
  if (!card) {
    if (h.kind !== 'user') return { is: 'unknown', record: rec };
    // An issue of ours cut before it was recorded carries one of our customers' account numbers.
    return accountNoTaken(app.db, h.accountNo)
      ? { is: 'half-issued', record: rec }
      : { is: 'foreign', why: 'company' };
  }
  const accountNo = findCustomer(app.db, card.customerId)?.accountNo ?? '';
  if (card.region !== h.region || (h.kind === 'user' && h.accountNo !== accountNo))
    return { is: 'foreign', why: 'company' };
  return { is: 'ours', record: rec, card, accountNo };
}
