/**
 * A work order's steps: 派单 (or 改派) to a team and a person, the team's result entered at the counter (完成:
 * materials, the fee payment it links, the new meter after 换表 — done through meters.change, never copied
 * here — and a faulty-meter register entry), or 撤销 with a reason. Each a new row through the state machine
 * of core/domain/work-orders.ts with its ledger operation and audit entry in one transaction; refused in
 * Chinese with nothing written otherwise. Runtime: Node.
 */
import type { OpParsedInput, WorkOrder } from '../../core/contract';
import { FIELD_TEAM_ZH, type FieldTeam } from '../../core/domain/appointments';
import {
  FAULT_ACTION_ZH,
  METER_FAULT_ZH,
  nextWorkOrderStatus,
  WORK_ORDER_ACTION_ZH,
  type WorkOrderAction,
  workOrderFinal,
  workOrderMoveProblem,
} from '../../core/domain/work-orders';
import { AppError } from '../../core/errors';
import type { WorkOrderStepType } from '../../core/sync/ops/work-order-ops';
import {
  findWorkOrder,
  insertMeterFault,
  insertWorkOrderStep,
  listMeterFaults,
  listWorkOrders,
  meterByNo,
  type WorkOrderRow,
  type WorkOrderStepRow,
  headOfficeStepsOf,
  workOrderStepsOf,
} from '../../db';
import type { App } from '../app';
import { type Handlers, operatorOf } from '../call';
import { currentBusinessDate } from '../cash/business-date';
import { linkedFee } from './acceptances';
import {
  faultViews,
  loadWorkOrder,
  mustBeCustomersMeter,
  refused,
  toWorkOrders,
  workStatusOf,
} from './work-orders';

const STEP_TYPE: Record<WorkOrderAction, WorkOrderStepType> = {
  assign: 'workOrder.assigned',
  complete: 'workOrder.completed',
  cancel: 'workOrder.cancelled',
};

type Complete = OpParsedInput<'workOrders.complete'>;

interface StepInput {
  team?: FieldTeam;
  assignee?: string;
  text: string;
  complete?: Complete;
}

/** What a completion brings, checked against the work order (nothing written if any is wrong). */
function completion(app: App, w: WorkOrderRow, c: Complete, date: string, stepId: string) {
  const sale = linkedFee(app, c.saleId, w.customerId);
  if (c.newMeterNo) {
    if (!w.meterNo) throw refused('newMeterNo', 'NO_METER', '工单没有表号，不能登记换表');
    mustBeCustomersMeter(app, w.customerId, c.newMeterNo, 'newMeterNo');
    if (meterByNo(app.db, w.meterNo)?.status === 'active')
      throw refused(
        'newMeterNo',
        'METER_NOT_CHANGED',
        `表 ${w.meterNo} 还没有办理换表：请先在读卡页用「换表」把旧表气量结转到新表，再登记新表号`,
      );
  }
  if (c.fault && !w.meterNo) throw refused('fault', 'NO_METER', '工单没有表号，不能登记表具故障');
  const fault = c.fault && w.meterNo ? { id: stepId, meterNo: w.meterNo, ...c.fault, date } : null;
  return { sale, fault };
}

export function stepWorkOrder(
  app: App,
  operatorId: string,
  id: string,
  action: WorkOrderAction,
  input: StepInput,
): WorkOrder {
  app.transaction(() => {
    const w = findWorkOrder(app.db, id);
    if (!w) throw new AppError('NOT_FOUND', { detail: 'workOrder' });
    const steps = workOrderStepsOf(app.db, [id]);
    const from = workStatusOf(steps, headOfficeStepsOf(app.db, [id]).get(id) ?? []);
    const to = nextWorkOrderStatus(from, action);
    if (to === null)
      throw new AppError(workOrderFinal(from) ? 'WORK_ORDER_CLOSED' : 'WORK_ORDER_STEP_NOT_ALLOWED', {
        detail: workOrderMoveProblem(from, action) ?? undefined,
        fields: { status: from, action },
      });
    const last = steps.filter((s) => s.action === 'assign').at(-1);
    const at = app.nowIso();
    const stepId = app.newId();
    const c = input.complete;
    const done = c ? completion(app, w, c, currentBusinessDate(app), app.newId()) : null;
    const step: WorkOrderStepRow = {
      id: stepId,
      workOrderId: id,
      stepNo: steps.length + 1,
      action,
      statusAfter: to,
      team: input.team ?? last?.team ?? null,
      assignee: input.assignee ?? last?.assignee ?? null,
      text: input.text,
      materials: JSON.stringify(c?.materials ?? []),
      saleId: done?.sale?.id ?? null,
      newMeterNo: c?.newMeterNo ?? null,
      operatorId,
      at,
    };
    insertWorkOrderStep(app.db, step);
    const fault = done?.fault ?? null;
    if (fault && w.customerId)
      insertMeterFault(app.db, {
        id: fault.id,
        meterNo: fault.meterNo,
        customerId: w.customerId,
        workOrderId: id,
        fault: fault.fault,
        action: fault.action,
        note: fault.note,
        date: fault.date,
        operatorId,
        at,
      });
    const { id: _i, operatorId: _o, at: _a, materials: _m, ...rest } = step;
    app.ledger().append({
      type: STEP_TYPE[action],
      payload: {
        ...rest,
        statusAfter: to,
        team: step.team as FieldTeam | null,
        materials: c?.materials ?? [],
        fault,
      },
      operatorId,
      audit: {
        action: STEP_TYPE[action],
        summary: `工单 ${w.no}：${WORK_ORDER_ACTION_ZH[action]}${
          input.team ? `（${FIELD_TEAM_ZH[input.team]} ${input.assignee}）` : ''
        }${fault ? `；表 ${fault.meterNo} ${METER_FAULT_ZH[fault.fault]}，${FAULT_ACTION_ZH[fault.action]}` : ''}`,
        reason: input.text || null,
        changes: from === to ? [] : [{ field: 'status', before: from, after: to }],
      },
    });
  });
  return loadWorkOrder(app, id);
}

export const workOrdersAssign: Handlers['workOrders.assign'] = (input, call) =>
  stepWorkOrder(call.app, operatorOf(call).staffId, input.id, 'assign', {
    team: input.team,
    assignee: input.assignee,
    text: input.note,
  });

export const workOrdersComplete: Handlers['workOrders.complete'] = (input, call) =>
  stepWorkOrder(call.app, operatorOf(call).staffId, input.id, 'complete', {
    text: input.result,
    complete: input,
  });

export const workOrdersCancel: Handlers['workOrders.cancel'] = (input, call) =>
  stepWorkOrder(call.app, operatorOf(call).staffId, input.id, 'cancel', { text: input.reason });

export const workOrdersGet: Handlers['workOrders.get'] = (input, { app }) => loadWorkOrder(app, input.id);

export const workOrdersList: Handlers['workOrders.list'] = (input, { app }) => ({
  items: toWorkOrders(
    app,
    listWorkOrders(app.db, {
      customerId: input.customerId,
      sourceId: input.sourceId,
      statuses: input.open ? ['pending', 'assigned'] : undefined,
      limit: input.limit,
    }),
  ),
});

export const meterFaultsList: Handlers['meterFaults.list'] = (input, { app }) => ({
  items: faultViews(app, listMeterFaults(app.db, { ...input })),
});
