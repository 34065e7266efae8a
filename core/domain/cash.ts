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

/** A shift difference up to this many 分 either way closes without a supervisor (settings: shiftTolerance). */
export const DEFAULT_SHIFT_TOLERANCE = 1_000;

/** 短款 / 长款 above the tolerance needs a supervisor's approval at the close; exactly the tolerance does not. */
export function differenceNeedsApproval(difference: number, tolerance: number): boolean {
  return Math.abs(difference) > tolerance;
}

/**
 * The day's cash, from its shifts: the floats (备用金) stay in the drawers and are never deposited, so what
 * the day owes the bank is what its drawers should hold beyond their floats —
 * 应缴现金 = cash taken − cash refunded + cash in − cash out, and 应有未缴 = 应缴现金 − deposited.
 * `differences` (Σ counted − expected of the closed shifts) is stated apart: a 短款 is cash the drawers lack.
 */
export interface DayCash {
  readonly floats: number;
  readonly cashTaken: number;
  readonly cashRefunded: number;
  readonly cashIn: number;
  readonly cashOut: number;
  readonly toDeposit: number;
  readonly differences: number;
  readonly undeposited: number;
}

export function dayCashOf(
  shifts: readonly { figures: CashFigures; difference: number | null }[],
  deposited: number,
): DayCash {
  const sum = (f: (s: (typeof shifts)[number]) => number) => shifts.reduce((n, s) => n + f(s), 0);
  const cashTaken = sum((s) => s.figures.cashTaken);
  const cashRefunded = sum((s) => s.figures.cashRefunded);
  const cashIn = sum((s) => s.figures.cashIn);
  const cashOut = sum((s) => s.figures.cashOut);
  const toDeposit = cashTaken - cashRefunded + cashIn - cashOut;
  return {
    floats: sum((s) => s.figures.float),
    cashTaken,
    cashRefunded,
    cashIn,
    cashOut,
    toDeposit,
    differences: sum((s) => s.difference ?? 0),
    undeposited: toDeposit - deposited,
  };
}

/** What became of a sale after it was recorded: reversed or refunded (in full or in part) by later entries. */
export type SaleStandingCode = SaleStatus | 'reversed' | 'refunded' | 'partly_refunded';

export const SALE_STANDING_ZH: Record<SaleStandingCode, string> = {
  ...SALE_STATUS_ZH,
  reversed: '已冲正',
  refunded: '已退款',
  partly_refunded: '部分退款',
};

export interface SaleStanding {
  readonly code: SaleStandingCode;
  /** 已冲正, 已退款, 部分退款, or the sale's own state (待写卡, 已完成, 写卡失败). */
  readonly label: string;
  /** The receipt numbers of the reversal or refunds, oldest first (empty when not corrected). */
  readonly by: readonly string[];
  /** 分 paid back by them (positive). */
  readonly paidBack: number;
}

/**
 * A sale's standing, the one place it is decided: a reversal or refunds show instead of its own state, with
 * their receipt numbers — on the 业务记录 list, the sale's receipt preview and any reprint of its receipt.
 */
export function saleStanding(sale: {
  readonly kind: SaleKind;
  readonly status: SaleStatus;
  readonly amountPaid: number;
  readonly correctedBy: readonly { kind: SaleKind; receiptNo: string; amountPaid: number }[];
}): SaleStanding {
  const reversals = sale.correctedBy.filter((c) => c.kind === 'reversal');
  const refunds = sale.correctedBy.filter((c) => c.kind === 'refund');
  const paidBack = sale.correctedBy.reduce((sum, c) => sum + Math.abs(c.amountPaid), 0);
  const of = (code: SaleStandingCode, by: readonly { receiptNo: string }[]): SaleStanding => ({
    code,
    label: SALE_STANDING_ZH[code],
    by: by.map((c) => c.receiptNo),
    paidBack,
  });
  if (reversals.length > 0) return of('reversed', reversals);
  if (refunds.length > 0)
    return of(paidBack >= Math.abs(sale.amountPaid) ? 'refunded' : 'partly_refunded', refunds);
  return of(sale.status, []);
}
