/**
 * 购气报价: prices a purchase by volume or by money for a household, from the price version in effect on the
 * business date and the household's gas in the current pricing period; says what the customer pays now, what
 * happens to the balance (结余), and why a supervisor must approve. Integers only. Runtime: Node.
 *
 * Tier usage (usedInPeriod) counts every purchase of the household dated in the pricing period, across all
 * its cards and meters, net of its corrections: a reversal — and the refund of a gas sale whose card write
 * failed, which voids it — subtract the volume, in the period of the sale they correct. A gas sale whose card
 * write failed still counts until it is refunded (a retry would deliver it at the price it was charged).
 */
import type { Quote } from '../../core/contract';
import { INSPECTION_ZH } from '../../core/domain/customer';
import { AppError } from '../../core/errors';
import { quoteMoney, quoteVolume, tierBounds, tierRemaining } from '../../core/pricing';
import { formatCubicMetres } from '../../core/quantities';
import {
  customerForSale,
  gasVolumes,
  type PriceVersionRow,
  purchaseContext,
  type SaleCustomerRow,
} from '../../db';
import type { App } from '../app';
import type { Handlers } from '../call';
import { currentBusinessDate } from '../cash/business-date';
import { findOpenShift } from '../cash/shift-guard';
import { calendarMonth, pricingPeriod } from '../pricing/periods';
import { priceInEffect } from '../pricing/price-versions';
import { hazardApprovalReason } from '../service-desk/inspections';

export interface Purchase {
  readonly customerId: string;
  readonly by: 'volume' | 'money';
  readonly volume?: number | undefined;
  readonly money?: number | undefined;
  readonly useBalance: boolean;
}

export interface PricedPurchase {
  readonly quote: Quote;
  /** The balance this purchase adds (by money: what the money does not buy). */
  readonly balanceAdded: number;
  readonly customer: SaleCustomerRow;
  readonly version: PriceVersionRow;
}

type Reason = Quote['approvalReasons'][number];
const m3 = (v: number) => `${formatCubicMetres(v)} m³`;

function mustBeActive<T extends SaleCustomerRow>(c: T | undefined): T {
  if (!c) throw new AppError('CUSTOMER_NOT_FOUND');
  if (c.status !== 'active') throw new AppError('CUSTOMER_NOT_ACTIVE', { detail: c.status });
  return c;
}

export function activeCustomer(app: App, id: string): SaleCustomerRow {
  return mustBeActive(customerForSale(app.gdb.sqlite, id));
}

export function pricePurchase(app: App, p: Purchase, date: string): PricedPurchase {
  const sqlite = app.gdb.sqlite;
  const ctx = purchaseContext(sqlite, p.customerId);
  if (!ctx) throw new AppError('CUSTOMER_NOT_FOUND');
  const customer = mustBeActive(ctx.customer);
  const { balance, limits } = ctx;
  const { row: version, schedule } = priceInEffect(app, customer.userClass, date);
  const period = pricingPeriod(date, version.periodStart);
  const month = calendarMonth(date);
  const [inPeriod, inMonthNet] = gasVolumes(sqlite, customer.id, period, month);
  const used = Math.max(0, inPeriod);
  const inMonth = Math.max(0, inMonthNet);
  const hh = customer.householdSize;

  let volume: number;
  let amount: number;
  let slices: Quote['slices'];
  let balanceUsed: number;
  let balanceAdded: number;
  let amountDue: number;
  if (p.by === 'volume') {
    const q = quoteVolume(schedule, hh, used, p.volume ?? 0);
    ({ volume, amount, slices } = q);
    balanceUsed = p.useBalance ? Math.min(balance, amount) : 0;
    balanceAdded = 0;
    amountDue = amount - balanceUsed;
  } else {
    const money = p.money ?? 0;
    balanceUsed = p.useBalance ? balance : 0;
    const q = quoteMoney(schedule, hh, used, money + balanceUsed);
    ({ volume, amount, slices } = q);
    balanceAdded = q.remainder;
    amountDue = money;
  }
  if (volume <= 0 || amount <= 0) throw new AppError('NOTHING_TO_BUY');

  const bounds = tierBounds(schedule, hh);
  const left = tierRemaining(schedule, hh, used);
  const reasons: Reason[] = [];
  // The file's inspection status, and hazards an inspection found that are not rectified (安检).
  const hazards = [
    customer.inspectionStatus !== 'normal'
      ? `安检状态为「${INSPECTION_ZH[customer.inspectionStatus]}」，购气需班长审批`
      : null,
    hazardApprovalReason(app, customer.id),
  ].filter((m): m is string => m !== null);
  if (hazards.length > 0) reasons.push({ code: 'HAZARD', message: hazards.join('；') });
  if (limits?.perPurchase != null && volume > limits.perPurchase)
    reasons.push({
      code: 'PER_PURCHASE',
      message: `本次购气 ${m3(volume)} 超过每次限购 ${m3(limits.perPurchase)}`,
    });
  if (limits?.perMonth != null && inMonth + volume > limits.perMonth)
    reasons.push({
      code: 'PER_MONTH',
      message: `本月已购 ${m3(inMonth)}，加本次超过每月限购 ${m3(limits.perMonth)}`,
    });
  if (limits?.perYear != null && used + volume > limits.perYear)
    reasons.push({
      code: 'PER_YEAR',
      message: `本计价年度已购 ${m3(used)}，加本次超过每年限购 ${m3(limits.perYear)}`,
    });

  return {
    quote: {
      customerId: customer.id,
      userClass: customer.userClass,
      householdSize: hh,
      priceVersionId: version.id,
      periodStart: period.from,
      usedInPeriod: used,
      tiers: schedule.tiers.map((t, i) => ({
        tier: i + 1,
        upTo: Number.isFinite(bounds[i]) ? bounds[i]! : null,
        priceLi: t.priceLi,
        remaining: left[i] ?? null,
      })),
      volume,
      amount,
      slices: slices.map((s) => ({ tier: s.tier, volume: s.volume, priceLi: s.priceLi, amount: s.amount })),
      balanceBefore: balance,
      balanceUsed,
      balanceAfter: balance - balanceUsed + balanceAdded,
      amountDue,
      approvalReasons: reasons,
    },
    balanceAdded,
    customer,
    version,
  };
}

/** The error for a purchase that needs an approval nobody gave. */
export function approvalMissing(reasons: readonly Reason[]): AppError {
  const code = reasons.some((r) => r.code === 'HAZARD') ? 'HAZARD_APPROVAL_REQUIRED' : 'LIMIT_EXCEEDED';
  return new AppError(code, { detail: reasons.map((r) => r.message).join('；') });
}

/** Quoted for the day the sale would be dated: the operator's open shift's, else the current business day. */
export const salesQuote: Handlers['sales.quote'] = (input, call) => {
  const shift = call.session ? findOpenShift(call.app, call.session.staffId) : undefined;
  return pricePurchase(call.app, input, shift?.businessDate ?? currentBusinessDate(call.app)).quote;
};
