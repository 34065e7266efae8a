/**
 * 工单 and 安检 at head office: a work order or an inspection is the hall's — a customer it names must be the
 * hall's, its id new; a work order's 派单, 完成 or 撤销 comes only from a counter of the work order's hall, in
 * order (step n + 1 after step n), each a move core/domain/work-orders.ts allows — so a completed or
 * cancelled work order is not changed at head office either, nor one head office closed; an inspection's hazards are rectified once, and
 * only an inspection that found hazards. Runtime: Node.
 */
import { nextWorkOrderStatus, type WorkOrderStatus } from '../../../core/domain/work-orders';
import {
  WORK_ORDER_STEP_TYPES,
  WORK_STEP_ACTION,
  type WorkOrderStepType,
} from '../../../core/sync/ops/work-order-ops';
import { APPLIED, isQuarantine, quarantine } from '../world';
import type { Rule } from './rule';
import { closedAtHeadOffice, moveOn, newRecord, putRecord } from './service';

export const workOrderOpened: Rule<'workOrder.opened'> = {
  check: (w, op) => newRecord(w, op.read.data.id, op.read.data.customerId),
  apply(w, op) {
    putRecord(w, op, 'work_order', op.read.data);
    return APPLIED;
  },
};

export const workOrderStepped: Rule<WorkOrderStepType> = {
  check(w, op) {
    const s = op.read.data;
    if (WORK_STEP_ACTION[op.read.type as WorkOrderStepType] !== s.action)
      return quarantine('PAYLOAD_INVALID', `${op.read.type} 不能记录 ${s.action}`);
    const r = w.ownRecord(s.workOrderId, 'work_order', '工单');
    if (isQuarantine(r)) return r;
    const closed = closedAtHeadOffice(r, s.stepNo, '工单');
    if (closed) return closed;
    if (s.stepNo !== r.stepCount + 1)
      return quarantine(
        'STEP_OUT_OF_ORDER',
        `工单 ${r.no} 的第 ${s.stepNo} 步不接续总部所记的第 ${r.stepCount} 步`,
      );
    const to = nextWorkOrderStatus(r.status as WorkOrderStatus, s.action);
    if (to === null || to !== s.statusAfter)
      return quarantine('STEP_OUT_OF_ORDER', `工单 ${r.no} 当前为 ${r.status}，不能 ${s.action}`);
    return null;
  },
  apply(w, op) {
    const s = op.read.data;
    moveOn(w, op, w.serviceRecords.get(s.workOrderId)!, (r) => {
      r.status = s.statusAfter;
      r.stepCount = s.stepNo;
      r.data = {
        ...r.data,
        steps: [...(r.data.steps ?? []), { ...s, operatorId: op.operatorId, at: op.createdAt }],
      };
    });
    return APPLIED;
  },
};

export const inspectionRecorded: Rule<'inspection.recorded'> = {
  check: (w, op) => newRecord(w, op.read.data.id, op.read.data.customerId),
  apply(w, op) {
    putRecord(w, op, 'inspection', op.read.data);
    return APPLIED;
  },
};

export const inspectionRectified: Rule<'inspection.rectified'> = {
  check(w, op) {
    const s = op.read.data;
    const r = w.ownRecord(s.inspectionId, 'inspection', '安检');
    if (isQuarantine(r)) return r;
    if (r.status !== 'hazard')
      return quarantine(
        'STEP_OUT_OF_ORDER',
        `安检 ${r.no} 当前为 ${r.status}，不能登记整改（没有隐患，或已整改过）`,
      );
    return null;
  },
  apply(w, op) {
    const s = op.read.data;
    moveOn(w, op, w.serviceRecords.get(s.inspectionId)!, (r) => {
      r.status = 'rectified';
      r.stepCount = 1;
      r.data = { ...r.data, rectification: { ...s, operatorId: op.operatorId, at: op.createdAt } };
    });
    return APPLIED;
  },
};

export { WORK_ORDER_STEP_TYPES };
