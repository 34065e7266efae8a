/**
 * The cashier's side: tenders, sale kinds and states, and the cash-desk formula, stated once. Runtime: any.
 */
export const TENDER_METHODS = ['cash', 'bank_card', 'wechat', 'alipay'] as const;
export type TenderMethod = (typeof TENDER_METHODS)[number];
export const TENDER_ZH: Record<TenderMethod, string> = {
  cash: '现金',
  bank_card: '银行卡',
  wechat: '微信支付',
  alipay: '支付宝',
};

/** gas: 购气; fee: 收费项目; reversal: 冲正 (undoes a gas sale); refund: 退款 (money back). */
export const SALE_KINDS = ['gas', 'fee', 'reversal', 'refund'] as const;
export type SaleKind = (typeof SALE_KINDS)[number];
export const SALE_KIND_ZH: Record<SaleKind, string> = {
  gas: '购气',
  fee: '收费',
  reversal: '冲正',
  refund: '退款',
};

/**
 * pending_card_write: paid and recorded, the card not yet written (two-phase card write);
 * completed: done; card_write_failed: the card could not be written — the payment is flagged for refund or retry.
 */
export const SALE_STATUSES = ['pending_card_write', 'completed', 'card_write_failed'] as const;
export type SaleStatus = (typeof SALE_STATUSES)[number];
export const SALE_STATUS_ZH: Record<SaleStatus, string> = {
  pending_card_write: '待写卡',
  completed: '已完成',
  card_write_failed: '写卡失败',
};

export const CASH_MOVEMENT_KINDS = ['in', 'out'] as const;
export type CashMovementKind = (typeof CASH_MOVEMENT_KINDS)[number];

/** Banknotes and coins in 分, for counting the drawer by denomination. */
export const DENOMINATIONS = [10000, 5000, 2000, 1000, 500, 100, 50, 10] as const;

export interface CashFigures {
  readonly float: number;
  /** Cash taken for sales and fees: what the customer handed over minus the change given back. */
  readonly cashTaken: number;
  /** Cash paid back for reversals and refunds. */
  readonly cashRefunded: number;
  readonly cashIn: number;
  readonly cashOut: number;
}

/** Expected cash in the drawer = float + cash taken − cash refunded + cash in − cash out. */
export function expectedCash(f: CashFigures): number {
  return f.float + f.cashTaken - f.cashRefunded + f.cashIn - f.cashOut;
}
