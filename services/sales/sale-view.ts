/** A stored sale as the contract shows it: customer, operator, approver, lines, tenders, corrections. */
import { classifyWriteReason, problemText } from '../../core/card/write-problems';
import type { Sale } from '../../core/contract';
import type { UserClass } from '../../core/domain/customer';
import { AppError } from '../../core/errors';
import {
  type CardWriteRow,
  correctionsOf,
  customerForSale,
  findSale,
  recordedWriteFailure,
  type SaleCustomerRow,
  type SaleInsert,
  type SaleLineRow,
  type SaleRow,
  saleLinesOf,
  staffName,
  type TenderRow,
  tendersOf,
  writesOfSale,
} from '../../db';
import type { App } from '../app';

/** Parts of a sale the caller already holds (it just wrote them), so they need not be read back. */
export interface KnownParts {
  readonly lines?: readonly SaleLineRow[];
  readonly tenders?: readonly TenderRow[];
  readonly customer?: SaleCustomerRow | null;
  readonly corrections?: readonly SaleRow[];
  /** The sale's card writes (a sale just recorded has none yet). */
  readonly writes?: readonly CardWriteRow[];
}

export function toSale(app: App, r: SaleInsert, known: KnownParts = {}): Sale {
  const sqlite = app.gdb.sqlite;
  const c =
    known.customer !== undefined
      ? known.customer
      : r.customerId
        ? customerForSale(sqlite, r.customerId)
        : undefined;
  return {
    id: r.id,
    receiptNo: r.receiptNo,
    invoiceNo: r.invoiceNo,
    kind: r.kind,
    status: r.status,
    customer: c
      ? {
          id: c.id,
          accountNo: c.accountNo,
          name: c.name,
          fullAddress: c.fullAddress,
          userClass: (r.userClass ?? c.userClass) as UserClass,
        }
      : null,
    businessDate: r.businessDate,
    createdAt: r.createdAt,
    shiftId: r.shiftId,
    operator: { id: r.operatorId, displayName: staffName(sqlite, r.operatorId) ?? '—' },
    approver: r.approverId ? { id: r.approverId, displayName: staffName(sqlite, r.approverId) ?? '—' } : null,
    volume: r.volume,
    amount: r.amount,
    balanceUsed: r.balanceUsed,
    balanceAdded: r.balanceAdded,
    amountPaid: r.amountPaid,
    priceVersionId: r.priceVersionId,
    periodStart: r.periodStart,
    usedBefore: r.usedBefore,
    lines: (known.lines ?? saleLinesOf(sqlite, r.id)).map((l) => ({
      kind: l.kind,
      tier: l.tier,
      name: l.name,
      volume: l.volume,
      priceLi: l.priceLi,
      qty: l.qty,
      amount: l.amount,
    })),
    tenders: (known.tenders ?? tendersOf(sqlite, r.id)).map((t) => ({
      method: t.method,
      amount: t.amount,
      received: t.received,
      change: t.change,
      reference: t.reference,
    })),
    correctsSaleId: r.correctsSaleId,
    correctedBy: (known.corrections ?? correctionsOf(sqlite, r.id)).map((x) => ({
      id: x.id,
      kind: x.kind,
      receiptNo: x.receiptNo,
      amountPaid: x.amountPaid,
    })),
    reason: r.reason,
    ...cardOf(known.writes ?? writesOfSale(sqlite, r.id), r, () => recordedWriteFailure(sqlite, r.id)),
  };
}

/** The card a gas sale went onto (its latest write), and why the last attempt failed, if it did. */
function cardOf(
  all: readonly CardWriteRow[],
  r: Pick<SaleInsert, 'kind' | 'status'>,
  recorded: () => string | undefined,
): Pick<Sale, 'card' | 'cardProblem' | 'cardProblemCode'> {
  if (r.kind !== 'gas') return { card: null, cardProblem: null, cardProblemCode: null };
  const writes = all.filter((w) => w.kind === 'purchase');
  const ok = writes.find((w) => w.status === 'confirmed');
  const last = writes.at(-1);
  // Failed with no write of its own (refused before the journal, or interrupted): the reason it was recorded with.
  const failed = !ok && (last?.status === 'failed' || (!last && r.status === 'card_write_failed'));
  // Said in Chinese with the next step, whatever the writer stored (core/card/write-problems.ts).
  const problem = failed ? classifyWriteReason(last ? last.reason : (recorded() ?? '写卡前中断')) : null;
  return {
    card: ok ? { cardNo: ok.cardNo, purchaseCount: ok.count } : null,
    cardProblem: problem ? problemText(problem) : null,
    cardProblemCode: problem?.code ?? null,
  };
}

export function loadSale(app: App, id: string): Sale {
  const r = findSale(app.gdb.sqlite, id);
  if (!r) throw new AppError('NOT_FOUND', { detail: `sale ${id}` });
  return toSale(app, r);
}
