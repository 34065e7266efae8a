/** What a receipt needs besides the sale itself, assembled by the services. Runtime: any. */
import type { Sale } from '../contract/sales';

export interface ReceiptHeader {
  company: string;
  hall: string;
  counter: string;
  /** The company's safety notice and hotline (安全宣传), printed at the foot of every receipt when set. */
  publicity?: { hotline: string; notice: string };
}

export interface TierUse {
  periodStart: string;
  /** Used in the period before this sale and after it (volume units). */
  usedBefore: number;
  usedAfter: number;
  tiers: { tier: number; upTo: number | null; priceLi: number; remainingAfter: number | null }[];
}

export interface SaleReceiptData {
  header: ReceiptHeader;
  sale: Sale;
  cashierName: string;
  /** The customer's address in its parts (core/domain/customer addressParts): a line breaks only between them. */
  addressParts?: string[];
  /** A reversal's or refund's original sale: its receipt number is printed as 原收据号. */
  corrects?: { receiptNo: string; kind: Sale['kind'] };
  /** 用气性质 in Chinese. */
  userClassZh: string;
  card?: { cardNo: string; purchaseCount: number };
  tierUse?: TierUse;
  balanceAfter?: number;
  /** Content of the QR code: the receipt's id and a signature head office can check. */
  qr: string;
  /** Printed again: marked 重打 with the reprint number. */
  reprint?: { number: number; at: string };
  /**
   * A gas sale whose gas is not on the card yet, at a counter that writes cards: printed as a 待写卡 slip (the
   * receipt prints once the write is confirmed).
   */
  slip?: boolean;
  /** Local date-time text, e.g. 2026-11-26 09:30:12. */
  printedAt: string;
}
