/**
 * 日报: one business day's figures, from the sales, tenders and lines dated that day, its shifts, deposits
 * and the ledger. A closed day's report is the one frozen at its close (日结). Runtime: Node.
 */
import type { DayReport } from '../../core/contract';
import { dayReportSchema } from '../../core/contract';
import { dayCashOf } from '../../core/domain/cash';
import { USER_CLASSES } from '../../core/domain/customer';
import {
  type BankDepositRow,
  customerOpenedTimes,
  type Drizzle,
  feeTotals,
  findDayClose,
  listDeposits,
  listShiftsOfDate,
  operatorTotals,
  reprintCount,
  staffNames,
  tierTotals,
  userClassTotals,
} from '../../db';
import type { App } from '../app';
import type { Handlers } from '../call';
import { currentBusinessDate } from './business-date';
import { businessDateAt, closeTimes, momentsRange, requireCalendarDate } from './business-date-at';
import { cashFiguresOf, expectedOf, salesSums, unsettledOf } from './shift-report';

const depositLine = (d: BankDepositRow) => ({
  amount: d.amount,
  bank: d.bank,
  reference: d.reference,
  at: d.at,
  late: d.late,
});

/** Each shift of the day with its cash figures (frozen at its close: nothing is dated into it afterwards). */
function shiftCash(db: Drizzle, date: string) {
  return listShiftsOfDate(db, date).map((s) => ({
    row: s,
    figures: cashFiguresOf(db, s),
    difference: s.difference,
  }));
}

/** Customers opened on the business day: `customer.opened` operations whose moment belongs to it. */
function newAccounts(db: Drizzle, date: string, zone: string): number {
  const closes = closeTimes(db);
  const { fromIso, toIso } = momentsRange(date, closes, zone);
  return customerOpenedTimes(db, fromIso, toIso).filter((at) => businessDateAt(at, closes, zone) === date)
    .length;
}

export function buildDayReport(
  app: App,
  date: string,
  close: { closedAt: string; closedBy: string } | null = null,
): DayReport {
  const db = app.db;
  const names = staffNames(db);
  const nameOf = (id: string) => names.get(id) ?? '—';
  const { byKind, byTender } = salesSums(db, { businessDate: date });
  const classRows = userClassTotals(db, date);
  const withCash = shiftCash(db, date);
  const shifts = withCash.map(({ row: s }) => ({
    id: s.id,
    operator: s.operatorName,
    operatorId: s.operatorId,
    expected: expectedOf(db, s),
    counted: s.counted,
    difference: s.difference,
    status: s.status,
  }));
  const deposits = listDeposits(db, date).map(depositLine);
  const deposited = deposits.reduce((sum, d) => sum + d.amount, 0);
  const opRows = operatorTotals(db, date);
  const operatorIds = [...new Set([...shifts.map((s) => s.operatorId), ...opRows.map((r) => r.operatorId)])];
  const kindCount = (k: string) => byKind.find((x) => x.kind === k)?.count ?? 0;
  return {
    businessDate: date,
    closed: close !== null,
    closedAt: close?.closedAt ?? null,
    closedBy: close?.closedBy ?? null,
    byUserClass: USER_CLASSES.map((userClass) => {
      const r = classRows.find((x) => x.userClass === userClass);
      return { userClass, count: r?.count ?? 0, volume: r?.volume ?? 0, amount: r?.amount ?? 0 };
    }),
    byTier: tierTotals(db, date),
    byTender,
    byOperator: operatorIds.map((operatorId) => {
      const r = opRows.find((x) => x.operatorId === operatorId);
      return {
        operatorId,
        displayName: nameOf(operatorId),
        count: r?.count ?? 0,
        taken: r?.taken ?? 0,
        refunded: r?.refunded ?? 0,
      };
    }),
    byKind,
    fees: feeTotals(db, date),
    counts: {
      sales: kindCount('gas') + kindCount('fee'),
      reversals: kindCount('reversal'),
      refunds: kindCount('refund'),
      reprints: reprintCount(db, date),
      newAccounts: newAccounts(db, date, app.timeZone()),
    },
    shifts: shifts.map(({ operatorId: _id, ...s }) => s),
    deposits,
    cashExpected: shifts.reduce((sum, s) => sum + s.expected, 0),
    deposited,
    cash: dayCashOf(withCash, deposited),
    unsettled: unsettledOf(db, { businessDate: date }),
  };
}

/**
 * The report of `date`: frozen if the day is closed, else computed now. A closed day's report is the one frozen
 * at its close, plus the deposits recorded late (补录) against it since, which move its 已缴款 and 应有未缴.
 * A report frozen before the cash lines existed gets them from its shifts (closed, so unchanged since).
 */
export function loadDayReport(app: App, date: string): DayReport {
  const closed = findDayClose(app.db, date);
  if (!closed) return buildDayReport(app, date);
  const frozen = JSON.parse(closed.report) as Omit<DayReport, 'cash'> & { cash?: DayReport['cash'] };
  const deposits = [
    ...frozen.deposits.map((d) => ({ ...d, late: false })),
    ...listDeposits(app.db, date)
      .filter((d) => d.late)
      .map(depositLine),
  ];
  const deposited = deposits.reduce((sum, d) => sum + d.amount, 0);
  const cash = frozen.cash ?? dayCashOf(shiftCash(app.db, date), 0);
  return dayReportSchema.parse({
    ...frozen,
    deposits,
    deposited,
    cash: { ...cash, undeposited: cash.toDeposit - deposited },
    // As it stands now: a sale written or refunded after the close leaves the list.
    unsettled: unsettledOf(app.db, { businessDate: date }),
  });
}

export const daysReport: Handlers['days.report'] = (input, { app }) => {
  const date = input.businessDate ?? currentBusinessDate(app);
  requireCalendarDate(date);
  return loadDayReport(app, date);
};
