/**
 * 收费: fees from the catalogue (初装费, 改管线, 换表, 补卡 …), active items only, for a customer or a walk-in;
 * the same tender, receipt, invoice and ledger rules as a gas sale; completed at once. Runtime: Node.
 */
import type { OpParsedInput, Sale } from '../../core/contract';
import { AppError } from '../../core/errors';
import { formatYuan } from '../../core/quantities';
import { type FeeItemRow, findFeeItem } from '../../db';
import type { App } from '../app';
import { type Handlers, operatorOf } from '../call';
import { requireOpenShift } from '../cash/shift-guard';
import { activeCustomer } from './quote';
import { recordSale } from './record-sale';
import { loadSale } from './sale-view';
import { takeTenders } from './tenders';

export type PayFeesInput = OpParsedInput<'sales.payFees'>;

function feeItems(app: App, lines: PayFeesInput['lines']): FeeItemRow[] {
  return lines.map((l, i) => {
    const item = findFeeItem(app.db, l.feeItemId);
    if (!item?.active)
      throw new AppError('VALIDATION_FAILED', {
        issues: [
          {
            path: ['lines', i, 'feeItemId'],
            code: item ? 'FEE_ITEM_INACTIVE' : 'NOT_FOUND',
            message: item ? `收费项目「${item.name}」已停用` : '没有这个收费项目',
          },
        ],
      });
    return item;
  });
}

export function payFees(app: App, operatorId: string, input: PayFeesInput): Sale {
  const id = app.newId();
  app.transaction(() => {
    const shift = requireOpenShift(app, operatorId);
    const customer = input.customerId ? activeCustomer(app, input.customerId) : null;
    const items = feeItems(app, input.lines);
    const lines = input.lines.map((l, i) => ({
      kind: 'fee' as const,
      tier: null,
      feeItemId: items[i]!.id,
      name: items[i]!.name,
      volume: null,
      priceLi: null,
      qty: l.qty,
      amount: items[i]!.amountFen * l.qty,
    }));
    const total = lines.reduce((a, l) => a + l.amount, 0);
    if (total <= 0) throw new AppError('NOTHING_TO_BUY');
    if (total !== input.expectedAmountDue)
      throw new AppError('QUOTE_CHANGED', {
        detail: `应收 ${formatYuan(total)}，页面显示 ${formatYuan(input.expectedAmountDue)}`,
      });
    const tenders = takeTenders(input.tenders, total);
    recordSale(app, {
      id,
      kind: 'fee',
      status: 'completed',
      customerId: customer?.id ?? null,
      userClass: customer?.userClass ?? null,
      shiftId: shift.id,
      businessDate: shift.businessDate,
      operatorId,
      approverId: null,
      volume: 0,
      amount: total,
      balanceUsed: 0,
      balanceAdded: 0,
      amountPaid: total,
      priceVersionId: null,
      periodStart: null,
      usedBefore: null,
      correctsSaleId: null,
      reason: null,
      lines,
      tenders,
      issueInvoice: input.issueInvoice,
      opType: 'sale.feesPaid',
      summary: (receiptNo) =>
        `收费：${lines.map((l) => `${l.name}×${l.qty}`).join('、')}` +
        `${customer ? `，${customer.name}（${customer.accountNo}）` : ''}，¥${formatYuan(total)}，收据 ${receiptNo}`,
    });
  });
  return loadSale(app, id);
}

export const salesPayFees: Handlers['sales.payFees'] = (input, call) =>
  payFees(call.app, operatorOf(call).staffId, input);
