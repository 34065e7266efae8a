/**
 * Writes one sale — gas, fees, reversal or refund — inside the caller's transaction: receipt (and invoice)
 * number, the sale row, its lines and tenders, the customer's balance, and the ledger operation with its
 * audit entry and approver. Runtime: Node.
 */
import type { SaleKind, SaleStatus } from '../../core/domain/cash';
import type { UserClass } from '../../core/domain/customer';
import type { SaleOpType } from '../../core/sync/ops/sale-ops';
import { AppError } from '../../core/errors';
import {
  balanceOf,
  insertSale,
  insertSaleLine,
  insertTender,
  type SaleInsert,
  type SaleLineRow,
  setBalance,
  type TenderRow,
} from '../../db';
import type { App } from '../app';
import { nextInvoiceNo, nextReceiptNo } from './numbers';
import type { TenderDraft } from './tenders';

export type LineDraft = Omit<SaleLineRow, 'saleId' | 'lineNo'>;

export interface SaleDraft {
  readonly id: string;
  readonly kind: SaleKind;
  readonly status: SaleStatus;
  readonly customerId: string | null;
  readonly userClass: UserClass | null;
  readonly shiftId: string;
  readonly businessDate: string;
  readonly operatorId: string;
  readonly approverId: string | null;
  readonly volume: number;
  readonly amount: number;
  readonly balanceUsed: number;
  readonly balanceAdded: number;
  readonly amountPaid: number;
  readonly priceVersionId: string | null;
  readonly periodStart: string | null;
  readonly usedBefore: number | null;
  readonly correctsSaleId: string | null;
  readonly reason: string | null;
  readonly lines: readonly LineDraft[];
  readonly tenders: readonly TenderDraft[];
  readonly issueInvoice: boolean;
  /** The ledger operation's type, e.g. 'sale.gasSold'. */
  readonly opType: SaleOpType;
  /** The audit line, given the receipt number. */
  readonly summary: (receiptNo: string) => string;
}

export interface RecordedSale {
  readonly row: SaleInsert;
  readonly lines: SaleLineRow[];
  readonly tenders: TenderRow[];
}

export function recordSale(app: App, d: SaleDraft): RecordedSale {
  const sqlite = app.gdb.sqlite;
  const receiptNo = nextReceiptNo(app);
  const invoiceNo = d.issueInvoice ? nextInvoiceNo(app, d.operatorId) : null;
  const row: SaleInsert = {
    id: d.id,
    receiptNo,
    invoiceNo,
    kind: d.kind,
    status: d.status,
    customerId: d.customerId,
    userClass: d.userClass,
    shiftId: d.shiftId,
    businessDate: d.businessDate,
    operatorId: d.operatorId,
    approverId: d.approverId,
    volume: d.volume,
    amount: d.amount,
    balanceUsed: d.balanceUsed,
    balanceAdded: d.balanceAdded,
    amountPaid: d.amountPaid,
    priceVersionId: d.priceVersionId,
    periodStart: d.periodStart,
    usedBefore: d.usedBefore,
    correctsSaleId: d.correctsSaleId,
    reason: d.reason,
    createdAt: app.nowIso(),
  };
  insertSale(sqlite, row);
  const lines = d.lines.map((l, i) => ({ saleId: d.id, lineNo: i + 1, ...l }));
  for (const l of lines) insertSaleLine(sqlite, l);
  const tenders = d.tenders.map((t, i) => ({ saleId: d.id, lineNo: i + 1, ...t }));
  for (const t of tenders) insertTender(sqlite, t);

  let balance: { before: number; after: number } | undefined;
  const delta = d.balanceAdded - d.balanceUsed;
  if (delta !== 0) {
    if (!d.customerId) throw new Error('a balance change needs a customer');
    const before = balanceOf(sqlite, d.customerId);
    if (before + delta < 0) throw new AppError('BALANCE_ALREADY_USED');
    setBalance(sqlite, d.customerId, before + delta);
    balance = { before, after: before + delta };
  }

  app.ledger().append({
    type: d.opType,
    payload: {
      ...row,
      lines: lines.map(({ saleId: _s, ...l }) => l),
      tenders: tenders.map(({ saleId: _s, ...t }) => t),
      ...(balance ? { balance } : {}),
    },
    operatorId: d.operatorId,
    approverId: d.approverId,
    audit: {
      action: d.opType,
      summary: d.summary(receiptNo),
      reason: d.reason,
      ...(balance ? { changes: [{ field: 'balance', before: balance.before, after: balance.after }] } : {}),
    },
  });
  return { row, lines, tenders };
}
