/**
 * 交班: the drawer is counted (optionally by denomination); the system computes the expected cash from the
 * shift's ledger and the difference (counted − expected), which needs a note unless it is zero, and a
 * supervisor's approval when it is above the tolerance (settings: shiftTolerance). A supervisor may close a
 * shift its cashier left open, with the count they typed; the shift names who closed it. Closing is the only
 * update a shift ever gets. Runtime: Node.
 */
import { differenceNeedsApproval } from '../../core/domain/cash';
import { APPROVER_ROLES, hasAnyRole } from '../../core/domain/roles';
import { AppError } from '../../core/errors';
import { formatYuan } from '../../core/quantities';
import { closeShiftRow, findCurrentOrLastShift, findShift, type ShiftWithOperator, toShift } from '../../db';
import type { App } from '../app';
import type { Session } from '../auth/sessions';
import { requireApproval } from '../auth/approval';
import { type Handlers, operatorOf } from '../call';
import { shiftTolerance } from '../system/system-ops';
import { checkDenominations } from './denominations';
import { findOpenShift } from './shift-guard';
import { buildShiftReport, cashFiguresOf } from './shift-report';

const sign = (difference: number) =>
  `${difference > 0 ? '长款' : '短款'} ¥${formatYuan(Math.abs(difference))}`;

/** The open shift to close: the operator's own, or — for a supervisor — the one `shiftId` names. */
function shiftToClose(app: App, me: Session, shiftId: string | undefined): ShiftWithOperator {
  if (shiftId) {
    const s = findShift(app.db, shiftId);
    if (!s) throw new AppError('NOT_FOUND', { detail: `shift ${shiftId}` });
    if (s.operatorId !== me.staffId && !hasAnyRole(me.roles, APPROVER_ROLES))
      throw new AppError('PERMISSION_DENIED', { detail: '只有班长可以代为交班' });
    if (s.status === 'closed')
      throw new AppError('SHIFT_ALREADY_CLOSED', { detail: `shift ${s.id} closed at ${s.closedAt}` });
    return s;
  }
  const open = findOpenShift(app, me.staffId);
  if (open) return findShift(app.db, open.id)!;
  const last = findCurrentOrLastShift(app.db, me.staffId);
  if (last?.status === 'closed')
    throw new AppError('SHIFT_ALREADY_CLOSED', { detail: `shift ${last.id} closed at ${last.closedAt}` });
  throw new AppError('NO_OPEN_SHIFT');
}

/**
 * Whether this close needs an approver: the operator closes their own shift with a difference above the
 * tolerance. A supervisor closing another's shift is the supervisor's own act (named as its closer).
 */
function needsApproval(app: App, me: Session, shift: ShiftWithOperator, counted: number): boolean {
  const difference = counted - cashFiguresOf(app.db, shift).expected;
  return shift.operatorId === me.staffId && differenceNeedsApproval(difference, shiftTolerance(app));
}

export const shiftsClose: Handlers['shifts.close'] = async (input, call) => {
  const { app } = call;
  const me = operatorOf(call);
  // The approver is checked only when the close needs one (checking is asynchronous, so it runs before the
  // transaction); the transaction decides again and refuses a close that needs one without it.
  const pre = shiftToClose(app, me, input.shiftId);
  const approver =
    input.approval && needsApproval(app, me, pre, input.counted)
      ? await requireApproval(app, input.approval, '交班差额', me.staffId)
      : undefined;
  const shiftId = app.transaction(() => {
    const open = shiftToClose(app, me, input.shiftId);
    const denominations = checkDenominations(input.counted, input.denominations);
    const figures = cashFiguresOf(app.db, open);
    const difference = input.counted - figures.expected;
    const note = input.note ?? null;
    if (difference !== 0 && !note)
      throw new AppError('NOTE_REQUIRED', {
        detail: `expected ${figures.expected}, counted ${input.counted}`,
        issues: [{ path: ['note'], code: 'NOTE_REQUIRED', message: `${sign(difference)}，请填写差异说明` }],
      });
    const needed = needsApproval(app, me, open, input.counted);
    const approved = needed ? approver : undefined;
    if (needed && !approved)
      throw new AppError('SHIFT_DIFFERENCE_APPROVAL', {
        detail: `${sign(difference)}，允许范围 ¥${formatYuan(shiftTolerance(app))}`,
        issues: [
          {
            path: ['approval'],
            code: 'SHIFT_DIFFERENCE_APPROVAL',
            message: `${sign(difference)}，超过允许范围 ¥${formatYuan(shiftTolerance(app))}，须班长审批`,
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
      closedBy: me.staffId,
      approvedBy: approved?.id ?? null,
    });
    if (!closed) throw new AppError('SHIFT_ALREADY_CLOSED');
    const forOther = open.operatorId !== me.staffId;
    app.ledger().append({
      type: 'shift.closed',
      payload: { shift: toShift(findShift(app.db, open.id)!), cash: figures, denominations },
      operatorId: me.staffId,
      approverId: approved?.id ?? null,
      hlc,
      audit: {
        action: 'shift.closed',
        summary:
          (forOther ? `代为交班（${open.operatorName} 的班次，班长清点）` : '交班') +
          `：应有现金 ¥${formatYuan(figures.expected)}，实点 ¥${formatYuan(input.counted)}` +
          (difference === 0 ? '，相符' : `，${sign(difference)}`) +
          (approved ? `，审批人 ${approved.displayName}` : ''),
        reason: note,
      },
    });
    return open.id;
  });
  return buildShiftReport(app.db, findShift(app.db, shiftId)!);
};
