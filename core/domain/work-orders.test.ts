import { describe, expect, it } from 'vitest';
import { addDays } from './inspections';
import {
  allowedWorkOrderActions,
  nextWorkOrderStatus,
  WORK_ORDER_ACTIONS,
  WORK_ORDER_STATUSES,
  workOrderMoveProblem,
} from './work-orders';

describe('the work order state machine', () => {
  it('takes every status by every action as the table says; completed and cancelled are final', () => {
    const table = Object.fromEntries(
      WORK_ORDER_STATUSES.map((s) => [s, WORK_ORDER_ACTIONS.map((a) => nextWorkOrderStatus(s, a))]),
    );
    // Actions in order: assign, complete, cancel.
    expect(table).toEqual({
      pending: ['assigned', null, 'cancelled'],
      assigned: ['assigned', 'completed', 'cancelled'],
      completed: [null, null, null],
      cancelled: [null, null, null],
    });
    expect(allowedWorkOrderActions('pending')).toEqual(['assign', 'cancel']);
    expect(allowedWorkOrderActions('completed')).toEqual([]);
  });

  it('says in Chinese why a move is refused, and what can be done instead', () => {
    expect(workOrderMoveProblem('assigned', 'complete')).toBeNull();
    expect(workOrderMoveProblem('pending', 'complete')).toBe(
      '工单当前为「待派」，不能登记完成结果；现在可以：派单（改派）、撤销。',
    );
    expect(workOrderMoveProblem('cancelled', 'assign')).toBe(
      '该工单已撤销，不能再修改；如还需上门，请另开一张工单。',
    );
  });

  it('counts inspection periods in calendar days', () => {
    expect(addDays('2026-11-26', -365)).toBe('2025-11-26');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
  });
});
