/**
 * 交班: the operator counts the drawer (optionally by denomination); the system computes the expected cash
 * from the shift's ledger and the difference (counted − expected), which needs a note unless it is zero.
 * Closing is the only update a shift ever gets. Runtime: Node.
 */
import { DENOMINATIONS } from '../../core/domain/cash';
import { AppError, type FieldIssue } from '../../core/errors';
import { formatYuan } from '../../core/quantities';
import { closeShiftRow, findCurrentOrLastShift, findShift, toShift } from '../../db';
import { type Handlers, operatorOf } from '../call';
import { findOpenShift } from './shift-guard';
import { buildShiftReport, cashFiguresOf } from './shift-report';

type Count = { value: number; count: number };

/** Denominations must be distinct and add up to the counted amount; kept in DENOMINATIONS order, no zeros. */
export function checkDenominations(counted: number, given: Count[] | undefined): Count[] | null {
  if (!given) return null;
  const issues: FieldIssue[] = [];
  const seen = new Set<number>();
  given.forEach((d, i) => {
    if (seen.has(d.value))
      issues.push({
        path: ['denominations', i, 'value'],
        code: 'DUPLICATE_DENOMINATION',
        message: `面额 ¥${formatYuan(d.value)} 填写了两次`,
      });
    seen.add(d.value);
  });
  const sum = given.reduce((s, d) => s + d.value * d.count, 0);
  if (sum !== counted)
    issues.push({
      path: ['denominations'],
      code: 'DENOMINATIONS_MISMATCH',
      message: `按面额合计 ¥${formatYuan(sum)}，与实点现金 ¥${formatYuan(counted)} 不符`,
    });
  if (issues.length) throw new AppError('VALIDATION_FAILED', { issues });
  return DENOMINATIONS.flatMap((value) => {
    const count = given.find((d) => d.value === value)?.count ?? 0;
    return count > 0 ? [{ value, count }] : [];
  });
}

export const shiftsClose: Handlers['shifts.close'] = (input, call) => {
  const { app } = call;
  const operatorId = operatorOf(call).staffId;
  const shiftId = app.transaction(() => {
    const open = findOpenShift(app, operatorId);
    if (!open) {
      const last = findCurrentOrLastShift(app.db, operatorId);
      if (last?.status === 'closed')
        throw new AppError('SHIFT_ALREADY_CLOSED', { detail: `shift ${last.id} closed at ${last.closedAt}` });
      throw new AppError('NO_OPEN_SHIFT');
    }
    const denominations = checkDenominations(input.counted, input.denominations);
    const figures = cashFiguresOf(app.db, open);
    const difference = input.counted - figures.expected;
    const note = input.note ?? null;
    if (difference !== 0 && !note)
      throw new AppError('NOTE_REQUIRED', {
        detail: `expected ${figures.expected}, counted ${input.counted}`,
        issues: [
          {
            path: ['note'],
            code: 'NOTE_REQUIRED',
            message: `${difference > 0 ? '长款' : '短款'} ¥${formatYuan(Math.abs(difference))}，请填写差异说明`,
          },
        ],
      });
    const hlc = app.tick();
    const closed = closeShiftRow(app.db, open.id, {
      closedAt: app.nowIso(),
      counted: input.counted,
      expected: figures.expected,
      difference,
      note,
      denominations: denominations ? JSON.stringify(denominations) : null,
    });
    if (!closed) throw new AppError('SHIFT_ALREADY_CLOSED');
    app.ledger().append({
      type: 'shift.closed',
      payload: { shift: toShift(findShift(app.db, open.id)!), cash: figures, denominations },
      operatorId,
      hlc,
      audit: {
        action: 'shift.closed',
        summary:
          `交班：应有现金 ¥${formatYuan(figures.expected)}，实点 ¥${formatYuan(input.counted)}` +
          (difference === 0
            ? '，相符'
            : `，${difference > 0 ? '长款' : '短款'} ¥${formatYuan(Math.abs(difference))}`),
        reason: note,
      },
    });
    return open.id;
  });
  return buildShiftReport(app.db, findShift(app.db, shiftId)!);
};
