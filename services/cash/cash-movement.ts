/**
 * 现金存入 / 取出: cash put into or taken out of the drawer during the open shift, with a reason. Taking out
 * more than the drawer should hold (its expected cash) is refused. Runtime: Node.
 */
import { AppError } from '../../core/errors';
import { formatYuan } from '../../core/quantities';
import { insertCashMovement } from '../../db';
import { type Handlers, operatorOf } from '../call';
import { requireOpenShift } from './shift-guard';
import { cashFiguresOf, loadShiftReport } from './shift-report';

const KIND_ZH = { in: '现金存入', out: '现金取出' } as const;

export const shiftsCashMovement: Handlers['shifts.cashMovement'] = (input, call) => {
  const { app } = call;
  const operatorId = operatorOf(call).staffId;
  const shiftId = app.transaction(() => {
    const open = requireOpenShift(app, operatorId);
    if (input.kind === 'out') {
      const { expected } = cashFiguresOf(app.db, open);
      if (input.amount > expected)
        throw new AppError('CASH_OUT_EXCEEDS_DRAWER', {
          detail: `expected ${expected}, out ${input.amount}`,
          issues: [
            {
              path: ['amount'],
              code: 'CASH_OUT_EXCEEDS_DRAWER',
              message: `钱箱应有现金 ¥${formatYuan(expected)}，取出金额不能超过它`,
            },
          ],
        });
    }
    const id = app.newId();
    const hlc = app.tick();
    const movement = {
      id,
      shiftId: open.id,
      kind: input.kind,
      amount: input.amount,
      reason: input.reason,
      at: app.nowIso(),
      operatorId,
    };
    insertCashMovement(app.db, movement);
    app.ledger().append({
      type: 'shift.cash_moved',
      payload: { ...movement, businessDate: open.businessDate },
      operatorId,
      hlc,
      audit: {
        action: 'shift.cash_moved',
        summary: `${KIND_ZH[input.kind]}：¥${formatYuan(input.amount)}`,
        reason: input.reason,
      },
    });
    return open.id;
  });
  return loadShiftReport(app, shiftId);
};
