/**
 * A shift's cash figures and its 交班报表, computed from the shift's own ledger: its tenders (through its
 * sales), its cash movements and its float. The formula is core/domain/cash.ts `expectedCash`.
 * Runtime: Node.
 */
import type { ShiftReport, Unsettled } from '../../core/contract';
import { type CashFigures, expectedCash, SALE_KINDS, TENDER_METHODS } from '../../core/domain/cash';
import { AppError } from '../../core/errors';
import {
  type Drizzle,
  findShift,
  type KindTotal,
  kindTotals,
  listCashMovements,
  movementTotals,
  type SaleScope,
  type ShiftWithOperator,
  type TenderTotal,
  tenderTotals,
  toShift,
  unsettledGasSales,
} from '../../db';
import type { App } from '../app';

export type ShiftCash = CashFigures & { readonly expected: number };

/** Cash taken / refunded are the cash tenders' positive / negative amounts (amount = received − change). */
export function cashFiguresOf(db: Drizzle, shift: Pick<ShiftWithOperator, 'id' | 'float'>): ShiftCash {
  const cash = tenderTotals(db, { shiftId: shift.id }).find((t) => t.method === 'cash');
  const { cashIn, cashOut } = movementTotals(db, shift.id);
  const figures: CashFigures = {
    float: shift.float,
    cashTaken: cash?.taken ?? 0,
    cashRefunded: cash?.refunded ?? 0,
    cashIn,
    cashOut,
  };
  return { ...figures, expected: expectedCash(figures) };
}

/** Every tender method, zero when unused, in the catalogue's order. */
export function byTenderOf(rows: TenderTotal[]): ShiftReport['byTender'] {
  return TENDER_METHODS.map((method) => {
    const r = rows.find((x) => x.method === method);
    return { method, taken: r?.taken ?? 0, refunded: r?.refunded ?? 0, count: r?.count ?? 0 };
  });
}

/** Every sale kind, zero when absent; amount is the money paid (negative for reversals and refunds). */
export function byKindOf(rows: KindTotal[]): ShiftReport['byKind'] {
  return SALE_KINDS.map((kind) => {
    const r = rows.find((x) => x.kind === kind);
    return { kind, count: r?.count ?? 0, amount: r?.amount ?? 0, volume: r?.volume ?? 0 };
  });
}

export function salesSums(db: Drizzle, scope: SaleScope) {
  return { byKind: byKindOf(kindTotals(db, scope)), byTender: byTenderOf(tenderTotals(db, scope)) };
}

/** The expected cash a shift reports: frozen at its close, live while it is open. */
export function expectedOf(db: Drizzle, shift: ShiftWithOperator): number {
  return shift.status === 'closed' && shift.expected !== null
    ? shift.expected
    : cashFiguresOf(db, shift).expected;
}

/** Paid gas sales of a shift or day whose gas is not on a card: count, amount, each receipt. */
export function unsettledOf(db: Drizzle, scope: { shiftId: string } | { businessDate: string }): Unsettled {
  const sales = unsettledGasSales(db, scope);
  return { count: sales.length, amount: sales.reduce((sum, x) => sum + x.amount, 0), sales };
}

export function buildShiftReport(db: Drizzle, shift: ShiftWithOperator): ShiftReport {
  const figures = cashFiguresOf(db, shift);
  const movements = listCashMovements(db, shift.id).map((m) => ({
    kind: m.kind,
    amount: m.amount,
    reason: m.reason,
    at: m.at,
  }));
  return {
    shift: toShift(shift),
    cash: { ...figures, expected: expectedOf(db, shift) },
    ...salesSums(db, { shiftId: shift.id }),
    movements,
    denominations: shift.denominations
      ? (JSON.parse(shift.denominations) as { value: number; count: number }[])
      : null,
    unsettled: unsettledOf(db, { shiftId: shift.id }),
  };
}

export function loadShiftReport(app: App, shiftId: string): ShiftReport {
  const shift = findShift(app.db, shiftId);
  if (!shift) throw new AppError('NOT_FOUND', { detail: `shift ${shiftId}` });
  return buildShiftReport(app.db, shift);
}
