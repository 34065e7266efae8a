/**
 * 开班: the operator opens a shift with a float (备用金) on the current business day; and the operator's
 * current shift. Runtime: Node.
 */
import { AppError } from '../../core/errors';
import { formatYuan } from '../../core/quantities';
import { findShift, insertShift, toShift } from '../../db';
import { type Handlers, operatorOf } from '../call';
import { currentBusinessDate } from './business-date';
import { findOpenShift } from './shift-guard';

export const shiftsOpen: Handlers['shifts.open'] = (input, call) => {
  const { app } = call;
  const operatorId = operatorOf(call).staffId;
  const id = app.newId();
  app.transaction(() => {
    const open = findOpenShift(app, operatorId);
    if (open)
      throw new AppError('SHIFT_ALREADY_OPEN', {
        detail: `shift ${open.id} of business date ${open.businessDate}`,
      });
    const businessDate = currentBusinessDate(app);
    const hlc = app.tick();
    insertShift(app.db, {
      id,
      operatorId,
      businessDate,
      openedAt: app.nowIso(),
      float: input.float,
      status: 'open',
    });
    const { closedBy: _c, approvedBy: _a, ...shift } = toShift(findShift(app.db, id)!);
    app.ledger().append({
      type: 'shift.opened',
      payload: shift,
      operatorId,
      hlc,
      audit: {
        action: 'shift.opened',
        summary: `开班：营业日 ${businessDate}，备用金 ¥${formatYuan(input.float)}`,
      },
    });
  });
  return toShift(findShift(app.db, id)!);
};

export const shiftsCurrent: Handlers['shifts.current'] = (_input, call) => {
  const { app } = call;
  const open = findOpenShift(app, operatorOf(call).staffId);
  const row = open && findShift(app.db, open.id);
  return { shift: row ? toShift(row) : null, businessDate: currentBusinessDate(app) };
};
