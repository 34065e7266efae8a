/**
 * The tender panel's arithmetic, kept pure: the first row pays whatever the other rows leave of the amount
 * due; cash rows may say what the customer handed over (实收), and the change is what exceeds it. All in 分.
 * Runtime: any.
 */
import type { TenderInput } from '../../../core/contract';
import type { TenderMethod } from '../../../core/domain/cash';
import { fenOf } from '../../shell/money';

export interface TenderRow {
  method: TenderMethod;
  /** 元 text; ignored on the first row, whose amount is the remainder. */
  amount?: string;
  /** 元 text, cash only. */
  received?: string;
  reference?: string;
}

export type TenderProblem =
  | 'amountInvalid'
  | 'amountZero'
  | 'overpaid'
  | 'receivedInvalid'
  | 'receivedShort'
  | 'referenceRequired';

export const FIRST_ROW: TenderRow = { method: 'cash' };

/** Each row's amount: rows after the first as typed (invalid → 0), the first the remainder. */
export function rowAmounts(due: number, rows: readonly TenderRow[]): number[] {
  const others = rows.slice(1).map((r) => fenOf(r.amount) ?? 0);
  const rest = others.reduce((a, b) => a + b, 0);
  return [due - rest, ...others];
}

/** Change given back: for each cash row with 实收, 实收 − its amount (never negative). */
export function changeOf(due: number, rows: readonly TenderRow[]): number {
  const amounts = rowAmounts(due, rows);
  return rows.reduce((sum, r, i) => {
    if (r.method !== 'cash') return sum;
    const received = fenOf(r.received);
    return received === undefined ? sum : sum + Math.max(0, received - amounts[i]!);
  }, 0);
}

/** What is wrong with one field of one row, if anything. */
export function rowProblem(
  due: number,
  rows: readonly TenderRow[],
  index: number,
  field: 'amount' | 'received' | 'reference',
  opts: { refund?: boolean } = {},
): TenderProblem | undefined {
  const row = rows[index];
  if (!row) return undefined;
  const amounts = rowAmounts(due, rows);
  if (field === 'amount') {
    if (index === 0) return amounts[0]! < 0 ? 'overpaid' : undefined;
    const n = fenOf(row.amount);
    if (n === undefined) return 'amountInvalid';
    if (n === 0) return 'amountZero';
    return amounts[0]! < 0 ? 'overpaid' : undefined;
  }
  if (field === 'received') {
    if (opts.refund || row.method !== 'cash' || !row.received?.trim()) return undefined;
    const n = fenOf(row.received);
    if (n === undefined) return 'receivedInvalid';
    return n < amounts[index]! ? 'receivedShort' : undefined;
  }
  if (row.method !== 'cash' && !row.reference?.trim()) return 'referenceRequired';
  return undefined;
}

/** Every problem of the panel, as form paths under `tenders`. */
export function tenderProblems(
  due: number,
  rows: readonly TenderRow[],
  opts: { refund?: boolean } = {},
): { path: [number, 'amount' | 'received' | 'reference']; problem: TenderProblem }[] {
  const out: { path: [number, 'amount' | 'received' | 'reference']; problem: TenderProblem }[] = [];
  rows.forEach((_r, i) => {
    for (const field of ['amount', 'received', 'reference'] as const) {
      const problem = rowProblem(due, rows, i, field, opts);
      if (problem) out.push({ path: [i, field], problem });
    }
  });
  return out;
}

/** The contract's tenders; rows paying nothing (a first row left with 0) are left out. */
export function toTenders(
  due: number,
  rows: readonly TenderRow[],
  opts: { refund?: boolean } = {},
): TenderInput[] {
  const amounts = rowAmounts(due, rows);
  const out: TenderInput[] = [];
  rows.forEach((r, i) => {
    const amount = amounts[i]!;
    if (amount <= 0) return;
    const received = !opts.refund && r.method === 'cash' ? fenOf(r.received) : undefined;
    const reference = r.method !== 'cash' ? r.reference?.trim() : undefined;
    out.push({
      method: r.method,
      amount,
      ...(received !== undefined ? { received } : {}),
      ...(reference ? { reference } : {}),
    });
  });
  return out;
}
