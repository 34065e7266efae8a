/**
 * 购气收款: re-quotes inside one immediate transaction and records the gas sale as pending_card_write with its
 * tier slices, tenders, receipt (and invoice) number, balance change and ledger operation; then the card write
 * (second phase). A purchase by a household with a safety issue, or over a limit, needs a supervisor's
 * approval, verified before the transaction (it is asynchronous) and recorded with the sale. Before any of it,
 * the card is checked (card-ready.ts): a card that cannot take the write refuses the sale, nothing paid.
 * Runtime: Node.
 */
import type { OpParsedInput, Sale } from '../../core/contract';
import { AppError } from '../../core/errors';
import { formatCubicMetres, formatYuan } from '../../core/quantities';
import type { StaffRow } from '../../db';
import type { App } from '../app';
import { requireApproval } from '../auth/approval';
import { type Handlers, operatorOf } from '../call';
import { type OpenShift, requireOpenShift } from '../cash/shift-guard';
import { cardReadyForSale } from './card-ready';
import { writeCard } from './card-write';
import { approvalMissing, type PricedPurchase, pricePurchase } from './quote';
import { recordSale } from './record-sale';
import { toSale } from './sale-view';
import { type TenderDraft, takeTenders } from './tenders';
import { failpoint } from '../../drivers/failpoint';

export type SellGasInput = OpParsedInput<'sales.sellGas'>;

interface Checked {
  readonly shift: OpenShift;
  readonly date: string;
  readonly priced: PricedPurchase;
  readonly tenders: TenderDraft[];
}

/** Every refusal, in the order the cashier can act on them (again inside the transaction). */
function check(app: App, operatorId: string, input: SellGasInput, approved: boolean): Checked {
  const shift = requireOpenShift(app, operatorId);
  // A sale belongs to its shift's business day, so a day's report always equals the sum of its shifts.
  const date = shift.businessDate;
  const priced = pricePurchase(app, input.purchase, date);
  const q = priced.quote;
  if (q.amountDue !== input.expectedAmountDue)
    throw new AppError('QUOTE_CHANGED', {
      detail: `应收 ${formatYuan(q.amountDue)}，报价时 ${formatYuan(input.expectedAmountDue)}`,
    });
  const tenders = takeTenders(input.tenders, q.amountDue);
  if (q.approvalReasons.length > 0 && !approved) throw approvalMissing(q.approvalReasons);
  return { shift, date, priced, tenders };
}

export function sellGas(app: App, operatorId: string, input: SellGasInput): Promise<Sale> {
  // The check, the payment and the write in one turn of the reader: one read of the card, one PSC presented.
  const station = app.cardStation;
  return station
    ? station.exclusive(() => sellInTurn(app, operatorId, input))
    : sellInTurn(app, operatorId, input);
}

async function sellInTurn(app: App, operatorId: string, input: SellGasInput): Promise<Sale> {
  // With an approval given, check everything first and verify the approver only when the purchase needs one
  // (it is asynchronous, so it cannot run inside the transaction). Without one, the transaction's own check
  // refuses a purchase that needs it — one quote, not two, on the common path.
  // The card must be ready before anything is recorded: the customer's own, nothing left unloaded on it, its PSC
  // accepted (the last try only with the clerk's confirmation; a flagged card only with a 班长's approval).
  const ready = await cardReadyForSale(app, input.purchase.customerId, operatorId, {
    confirmLastTry: input.confirmLastTry,
    approval: input.approval,
  });
  let approver: StaffRow | undefined;
  if (input.approval) {
    const pre = check(app, operatorId, input, true);
    if (pre.priced.quote.approvalReasons.length > 0)
      approver = await requireApproval(app, input.approval, '购气', operatorId);
  }
  const id = app.newId();
  const sale = app.transaction(() => {
    const { shift, date, priced, tenders } = check(app, operatorId, input, approver !== undefined);
    const { quote: q, customer, version } = priced;
    const approverId = q.approvalReasons.length > 0 ? approver!.id : null;
    const recorded = recordSale(app, {
      id,
      kind: 'gas',
      status: 'pending_card_write',
      customerId: customer.id,
      userClass: customer.userClass,
      shiftId: shift.id,
      businessDate: date,
      operatorId,
      approverId,
      volume: q.volume,
      amount: q.amount,
      balanceUsed: q.balanceUsed,
      balanceAdded: priced.balanceAdded,
      amountPaid: q.amountDue,
      priceVersionId: version.id,
      periodStart: q.periodStart,
      usedBefore: q.usedInPeriod,
      correctsSaleId: null,
      reason: approverId ? q.approvalReasons.map((r) => r.message).join('；') : null,
      lines: q.slices.map((s) => ({
        kind: 'gas' as const,
        tier: s.tier,
        feeItemId: null,
        name: `第${s.tier}档`,
        volume: s.volume,
        priceLi: s.priceLi,
        qty: null,
        amount: s.amount,
      })),
      tenders,
      issueInvoice: input.issueInvoice,
      opType: 'sale.gasSold',
      summary: (receiptNo) =>
        `购气：${customer.name}（${customer.accountNo}）${formatCubicMetres(q.volume)} m³，` +
        `金额 ¥${formatYuan(q.amount)}，实收 ¥${formatYuan(q.amountDue)}，收据 ${receiptNo}`,
    });
    // What is being committed, without reading it back; inside the transaction, where the operator's name is
    // read without opening a read transaction of its own.
    return toSale(app, recorded.row, { ...recorded, customer, corrections: [], writes: [] });
  });
  failpoint('sale:committed');
  return writeCard(app, sale, operatorId, { confirmLastTry: input.confirmLastTry, ready });
}

export const salesSellGas: Handlers['sales.sellGas'] = (input, call) =>
  sellGas(call.app, operatorOf(call).staffId, input);
