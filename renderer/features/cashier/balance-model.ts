/**
 * How a customer's balance (结余) reads at the counter. A negative one — a balance spent at two counters before
 * either heard of the other (a `balance` conflict at head office), which head office's feed then brings to every
 * counter — is money the customer owes (欠款): the next purchase collects it (its quote's "balance used" is
 * negative and raises the amount due). Runtime: any.
 */
export interface BalanceView {
  /** The customer owes `amount` rather than holding it. */
  readonly owed: boolean;
  /** 分, never negative. */
  readonly amount: number;
}

export const balanceView = (fen: number): BalanceView =>
  fen < 0 ? { owed: true, amount: -fen } : { owed: false, amount: fen };
