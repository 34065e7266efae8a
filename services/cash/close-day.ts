/**
 * 日结（扎帐）: a supervisor ends a business day once every shift of it (or earlier) is closed. The day's
 * report is frozen in day_closes; from then on, operations go to the next business day. Runtime: Node.
 */
import { AppError } from '../../core/errors';
import { formatYuan } from '../../core/quantities';
import { findDayClose, findStaffById, insertDayClose, openShiftsUpTo } from '../../db';
import { type Handlers, operatorOf } from '../call';
import { refuseFutureDate } from './business-date-at';
import { buildDayReport } from './day-report';

export const daysClose: Handlers['days.close'] = (input, call) => {
  const { app } = call;
  const operatorId = operatorOf(call).staffId;
  const date = input.businessDate;
  return app.transaction(() => {
    if (findDayClose(app.db, date)) throw new AppError('DAY_ALREADY_CLOSED', { detail: date });
    refuseFutureDate(app, date);
    const open = openShiftsUpTo(app.db, date);
    if (open.length)
      throw new AppError('OPEN_SHIFTS', {
        detail: open.map((s) => `${s.operatorName}（营业日 ${s.businessDate}）`).join('、'),
      });
    const closedAt = app.nowIso();
    const closedBy = findStaffById(app.db, operatorId)?.displayName ?? operatorId;
    // What is frozen and synced leaves out the list of paid sales not on a card: it is read as it stands.
    const { unsettled, ...report } = buildDayReport(app, date, { closedAt, closedBy });
    const hlc = app.tick();
    insertDayClose(app.db, {
      businessDate: date,
      closedAt,
      closedBy: operatorId,
      report: JSON.stringify(report),
    });
    app.ledger().append({
      type: 'day.closed',
      payload: report,
      operatorId,
      hlc,
      audit: {
        action: 'day.closed',
        summary:
          `日结：营业日 ${date}，业务 ${report.counts.sales} 笔，冲正 ${report.counts.reversals} 笔，` +
          `退款 ${report.counts.refunds} 笔，备用金 ¥${formatYuan(report.cash.floats)}，` +
          `应缴现金 ¥${formatYuan(report.cash.toDeposit)}，已缴款 ¥${formatYuan(report.deposited)}，` +
          `应有未缴 ¥${formatYuan(report.cash.undeposited)}` +
          (unsettled.count > 0
            ? `；已收款未写卡 ${unsettled.count} 笔 ¥${formatYuan(unsettled.amount)}（${unsettled.sales.map((x) => x.receiptNo).join('、')}）`
            : ''),
      },
    });
    return { ...report, unsettled };
  });
};
