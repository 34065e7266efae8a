/** 交班报表 and the shifts of a business day. Runtime: Node. */
import { AppError } from '../../core/errors';
import { findCurrentOrLastShift, listShiftsOfDate, toShift } from '../../db';
import { type Handlers, operatorOf } from '../call';
import { currentBusinessDate } from './business-date';
import { requireCalendarDate } from './business-date-at';
import { buildShiftReport, loadShiftReport } from './shift-report';

/** A given shift's report, or by default the operator's open shift's, else their last one's. */
export const shiftsReport: Handlers['shifts.report'] = (input, call) => {
  const { app } = call;
  if (input.shiftId) return loadShiftReport(app, input.shiftId);
  const shift = findCurrentOrLastShift(app.db, operatorOf(call).staffId);
  if (!shift) throw new AppError('NOT_FOUND', { detail: 'the operator has no shift yet' });
  return buildShiftReport(app.db, shift);
};

export const shiftsList: Handlers['shifts.list'] = (input, { app }) => {
  const date = input.businessDate ?? currentBusinessDate(app);
  requireCalendarDate(date);
  return { items: listShiftsOfDate(app.db, date).map(toShift) };
};
