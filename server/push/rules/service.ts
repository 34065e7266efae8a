/**
 * The service desk at head office (服务台): an acceptance or a complaint is the hall's — a customer it names must
 * be the hall's, and its id new; a complaint's steps and 回访 come only from a counter of the complaint's hall,
 * in order (step n + 1 after step n), each a move the state machine of core/domain/service-desk.ts allows — so a
 * closed complaint is not changed at head office either, nor one head office closed (a counter step numbered
 * after the close is quarantined, CLOSED_AT_HEAD_OFFICE); a 回访 only of a closed complaint, once reached.
 * Runtime: Node.
 */
import { nextComplaintStatus } from '../../../core/domain/service-desk';
import {
  COMPLAINT_STEP_TYPES,
  type ComplaintStepType,
  STEP_TYPE_ACTIONS,
} from '../../../core/sync/ops/service-ops';
import {
  APPLIED,
  isQuarantine,
  type PushedOp,
  type Quarantine,
  quarantine,
  type Rec,
  type ServiceRecordState,
  serviceMark,
  type World,
} from '../world';
import type { Rule } from './rule';

/** A record's status as recorded (an acceptance has none; an inspection's is its result). */
const INITIAL_STATUS: Record<ServiceRecordState['kind'], (p: Rec) => string | null> = {
  acceptance: () => null,
  complaint: () => 'recorded',
  appointment: () => 'booked',
  work_order: () => 'pending',
  inspection: (p) => String(p.result),
  installation: () => 'accepted',
};

/** A new record of the hall: its customer (if any) the hall's, its id not held already. */
export function newRecord(w: World, id: string, customerId: string | null): Quarantine | null {
  if (w.serviceRecords.has(id)) return quarantine('DUPLICATE_RECORD', '总部已有同一编号的受理单、投诉或预约');
  if (customerId === null) return null;
  const c = w.ownCustomer(customerId);
  return isQuarantine(c) ? c : null;
}

export function putRecord(
  w: World,
  op: PushedOp,
  kind: ServiceRecordState['kind'],
  p: { id: string; no: string; customerId: string | null } & Rec,
): void {
  w.serviceRecords.set(p.id, {
    id: p.id,
    hallId: w.ctx.hallId,
    counterId: w.ctx.counterId,
    kind,
    no: p.no,
    customerId: p.customerId,
    status: INITIAL_STATUS[kind](p),
    stepCount: 0,
    data:
      kind === 'complaint'
        ? { ...p, operatorId: op.operatorId, steps: [], followups: [] }
        : kind === 'appointment' || kind === 'work_order' || kind === 'installation'
          ? { ...p, operatorId: op.operatorId, steps: [] }
          : { ...p, operatorId: op.operatorId },
    createdAt: op.createdAt,
    updatedAt: op.createdAt,
  });
  w.dirtyServiceRecords.add(p.id);
  w.effect(op, { kind: 'service', id: p.id, before: null, after: serviceMark(w.serviceRecords.get(p.id)!) });
}

/**
 * A counter step numbered after head office closed the record (core/domain/head-office-steps.ts): not taken,
 * whatever it says — head office's close is final.
 */
export function closedAtHeadOffice(r: ServiceRecordState, stepNo: number, zh: string): Quarantine | null {
  const close = (r.data.hoSteps ?? []).find((h) => h.action === 'close');
  if (!close || stepNo <= Number(close.afterStepNo)) return null;
  return quarantine(
    'CLOSED_AT_HEAD_OFFICE',
    `${zh} ${r.no} 已于 ${String(close.at)} 由总部${zh === '预约' ? '取消' : '结案'}（${String(close.reason)}），柜台的第 ${stepNo} 步不再采纳`,
  );
}

/** Changes a record the op moves on, keeping what it was for a later revert (server/admin/revert.ts). */
export function moveOn(
  w: World,
  op: PushedOp,
  r: ServiceRecordState,
  change: (r: ServiceRecordState) => void,
): void {
  const before = { ...serviceMark(r), data: r.data };
  change(r);
  r.updatedAt = op.createdAt;
  w.dirtyServiceRecords.add(r.id);
  w.effect(op, { kind: 'service', id: r.id, before, after: serviceMark(r) });
}

export const acceptanceRecorded: Rule<'acceptance.recorded'> = {
  check: (w, op) => newRecord(w, op.read.data.id, op.read.data.customerId),
  apply(w, op) {
    putRecord(w, op, 'acceptance', op.read.data);
    return APPLIED;
  },
};

export const complaintRecorded: Rule<'complaint.recorded'> = {
  check: (w, op) => newRecord(w, op.read.data.id, op.read.data.customerId),
  apply(w, op) {
    putRecord(w, op, 'complaint', op.read.data);
    return APPLIED;
  },
};

export const complaintStepped: Rule<ComplaintStepType> = {
  check(w, op) {
    const s = op.read.data;
    if (!STEP_TYPE_ACTIONS[op.read.type as ComplaintStepType].includes(s.action))
      return quarantine('PAYLOAD_INVALID', `${op.read.type} 不能记录 ${s.action}`);
    const c = w.ownComplaint(s.complaintId);
    if (isQuarantine(c)) return c;
    const closed = closedAtHeadOffice(c, s.stepNo, '投诉');
    if (closed) return closed;
    if (s.stepNo !== c.stepCount + 1)
      return quarantine(
        'STEP_OUT_OF_ORDER',
        `投诉 ${c.no} 的第 ${s.stepNo} 步不接续总部所记的第 ${c.stepCount} 步`,
      );
    const to = nextComplaintStatus(c.status as never, s.action);
    if (to === null || to !== s.statusAfter)
      return quarantine('STEP_OUT_OF_ORDER', `投诉 ${c.no} 当前为 ${c.status}，不能 ${s.action}`);
    return null;
  },
  apply(w, op) {
    const s = op.read.data;
    moveOn(w, op, w.serviceRecords.get(s.complaintId)!, (c) => {
      c.status = s.statusAfter;
      c.stepCount = s.stepNo;
      c.data = {
        ...c.data,
        steps: [...(c.data.steps ?? []), { ...s, operatorId: op.operatorId, at: op.createdAt }],
      };
    });
    return APPLIED;
  },
};

export const followupRecorded: Rule<'followup.recorded'> = {
  check(w, op) {
    const c = w.ownComplaint(op.read.data.complaintId);
    if (isQuarantine(c)) return c;
    if (c.status !== 'closed') return quarantine('STEP_OUT_OF_ORDER', `投诉 ${c.no} 尚未结案，不能回访`);
    if ((c.data.followups ?? []).some((f) => f.outcome === 'reached'))
      return quarantine('STEP_OUT_OF_ORDER', `投诉 ${c.no} 已经回访过`);
    return null;
  },
  apply(w, op) {
    const f = { ...op.read.data, operatorId: op.operatorId, at: op.createdAt };
    moveOn(w, op, w.serviceRecords.get(op.read.data.complaintId)!, (c) => {
      c.data = { ...c.data, followups: [...(c.data.followups ?? []), f] };
    });
    return APPLIED;
  },
};

export { COMPLAINT_STEP_TYPES };
