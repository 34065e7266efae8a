/**
 * Honest payloads of the sync contract for hand-made outboxes (synthetic-ops.ts, the scripted counters of the
 * head-office tests): a household's file, a shift, a gas sale priced at a price version's tier 1, its
 * card-write outcome. Typed by the contract, so a changed schema fails here first.
 */
import type { Customer } from '../../core/contract';
import { CHANGSHU_RESIDENTIAL, sliceAmount } from '../../core/pricing';
import type { OpPayload } from '../../core/sync/ops';
import { fakeHousehold } from '../../services/setup/fake-households';

/** The residential tier-1 price the gas sales charge (the 常熟 table head office publishes). */
export const TIER1_LI = CHANGSHU_RESIDENTIAL.tiers[0]!.priceLi;

/** A household's file as `customer.opened` carries it. */
export function customerFile(
  rand: () => number,
  index: number,
  id: string,
  accountNo: string,
  at: string,
): Customer {
  const h = fakeHousehold(rand, index);
  return {
    id,
    accountNo,
    name: h.name,
    idNumber: h.idNumber ?? null,
    creditCode: null,
    phone: h.phone,
    altPhone: null,
    address: { ...h.address, unit: h.address.unit ?? null },
    fullAddress: `${h.address.community}${h.address.building}${h.address.room}`,
    userClass: 'residential',
    householdSize: h.householdSize,
    inspection: { status: 'normal', date: null },
    contract: h.contract,
    documents: h.documents,
    status: 'active',
    statusChangedAt: at,
    openedAt: at,
    closedAt: null,
    notes: null,
    version: 1,
    meters: [],
  };
}

/** An open shift of `operatorId`. */
export function openShift(
  id: string,
  operatorId: string,
  businessDate: string,
  at: string,
): OpPayload<'shift.opened'> {
  return {
    id,
    operator: { id: operatorId, displayName: '王芳' },
    businessDate,
    openedAt: at,
    float: 50_000,
    status: 'open',
    closedAt: null,
    counted: null,
    expected: null,
    difference: null,
    note: null,
  };
}

export interface GasSale {
  readonly id: string;
  readonly receiptNo: string;
  readonly customerId: string;
  readonly shiftId: string;
  readonly operatorId: string;
  readonly priceVersionId: string;
  readonly businessDate: string;
  readonly at: string;
  /** Volume units (0.01 m³), all in tier 1. */
  readonly volume: number;
  readonly balanceUsed?: number;
  readonly balanceAdded?: number;
}

/** A gas sale paid in cash, all in tier 1, whose figures add up. */
export function gasSale(s: GasSale): OpPayload<'sale.gasSold'> {
  const amount = sliceAmount(s.volume, TIER1_LI);
  const amountPaid = amount - (s.balanceUsed ?? 0) + (s.balanceAdded ?? 0);
  return {
    id: s.id,
    receiptNo: s.receiptNo,
    invoiceNo: null,
    kind: 'gas',
    status: 'pending_card_write',
    customerId: s.customerId,
    userClass: 'residential',
    shiftId: s.shiftId,
    businessDate: s.businessDate,
    operatorId: s.operatorId,
    approverId: null,
    volume: s.volume,
    amount,
    balanceUsed: s.balanceUsed ?? 0,
    balanceAdded: s.balanceAdded ?? 0,
    amountPaid,
    priceVersionId: s.priceVersionId,
    periodStart: '2026-01-01',
    usedBefore: 0,
    correctsSaleId: null,
    reason: null,
    createdAt: s.at,
    lines: [
      {
        lineNo: 1,
        kind: 'gas',
        tier: 1,
        feeItemId: null,
        name: '第1档',
        volume: s.volume,
        priceLi: TIER1_LI,
        qty: null,
        amount,
      },
    ],
    tenders: [{ lineNo: 1, method: 'cash', amount: amountPaid, received: null, change: 0, reference: null }],
  };
}
