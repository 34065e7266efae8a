/**
 * Shifts at head office: a counter opens and closes its own shifts (its cashiers' drawers); a sale names one of
 * them (sales.ts). A shift is closed by its operator or, when its cashier left it open, by a supervisor: the
 * closer and the approver the shift names must be the operation's. Runtime: Node.
 */
import type { Shift } from '../../../core/contract/cash';
import { APPLIED, quarantine, type World } from '../world';
import type { Rule } from './rule';

function putShift(w: World, s: Omit<Shift, 'closedBy' | 'approvedBy'>): void {
  w.shifts.set(s.id, {
    id: s.id,
    counterId: w.ctx.counterId,
    operatorId: s.operator.id,
    businessDate: s.businessDate,
    openedAt: s.openedAt,
    float: s.float,
    status: s.status,
    closedAt: s.closedAt,
    counted: s.counted,
    expected: s.expected,
    difference: s.difference,
    note: s.note,
  });
  w.dirtyShifts.add(s.id);
}

export const shiftOpened: Rule<'shift.opened'> = {
  check(w, op) {
    const s = op.read.data;
    if (w.shifts.has(s.id)) return quarantine('DUPLICATE_SHIFT', '总部已有同一编号的班次');
    return s.operator.id === op.operatorId
      ? null
      : quarantine('OPERATOR_MISMATCH', '开班的收费员与业务流水不符');
  },
  apply(w, op) {
    putShift(w, op.read.data);
    return APPLIED;
  },
};

export const shiftClosed: Rule<'shift.closed'> = {
  check(w, op) {
    const s = w.shifts.get(op.read.data.shift.id);
    if (!s || s.counterId !== w.ctx.counterId)
      return quarantine('UNKNOWN_SHIFT', '总部没有本柜台的这个班次（开班记录未到或被隔离）');
    const closed = op.read.data.shift;
    if (closed.closedBy?.id !== op.operatorId || (closed.approvedBy?.id ?? null) !== op.approverId)
      return quarantine('OPERATOR_MISMATCH', '交班人或审批人与业务流水不符');
    return s.status === 'open' ? null : quarantine('PAYLOAD_INVALID', '这个班次已经交班');
  },
  apply(w, op) {
    putShift(w, op.read.data.shift);
    return APPLIED;
  },
};
