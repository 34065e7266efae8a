/**
 * 工单 (work orders): opened from an acceptance, an appointment, a complaint, a meter alarm seen on a card
 * read or head office's 核表请求 (once per request), with the source's customer; a meter named must be that customer's and still installed. Each opening
 * one row with its ledger operation and audit entry in one transaction. Views with their steps and the
 * faulty-meter entries their results made. Runtime: Node.
 */
import type { OpParsedInput, WorkOrder } from '../../core/contract';
import type { FieldTeam } from '../../core/domain/appointments';
import {
  allowedWorkOrderActions,
  type FaultAction,
  type MeterFault,
  type WorkKind,
  WORK_KIND_ZH,
  WORK_SOURCE_ZH,
  type WorkOrderAction,
  type WorkOrderStatus,
  type WorkSource,
} from '../../core/domain/work-orders';
import { effectiveState, type HeadOfficeStep, supersededBy } from '../../core/domain/head-office-steps';
import { AppError } from '../../core/errors';
import {
  findAcceptance,
  findAppointment,
  findComplaint,
  findSale,
  findUsageReferral,
  findWorkOrder,
  headOfficeStepsOf,
  insertWorkOrder,
  listMeterFaults,
  listWorkOrders,
  meterByNo,
  type MeterFaultRow,
  readingById,
  takeNumber,
  type WorkOrderRow,
  type WorkOrderStepRow,
  workOrderStepsOf,
} from '../../db';
import type { App } from '../app';
import { type Handlers, operatorOf } from '../call';
import { headOfficeView, type Party, partyOf, readableNo, staffRef } from './party';

export const refused = (path: string, code: string, message: string) =>
  new AppError('VALIDATION_FAILED', { issues: [{ path: [path], code, message }] });

/** A work order's state: its last step's, 待派 without one, 已撤销 once head office closed it. */
export const workStatusOf = (
  steps: readonly WorkOrderStepRow[],
  ho: readonly HeadOfficeStep[] = [],
): WorkOrderStatus => effectiveState('work_order', 'pending', steps, ho).status as WorkOrderStatus;

const ALARM_ZH: Record<string, string> = {
  lowBattery: '电池电量低',
  valveClosed: '阀门关闭',
  tamper: '表具被拆动',
  leakAlarm: '泄漏报警',
};

/** The record a work order is opened from: its number, who it is for, and the meter it names (an alarm's). */
function sourceOf(
  app: App,
  type: WorkSource,
  id: string,
): { no: string; party: Party; meterNo: string | null; alarms: string[] } {
  const missing = () => refused('sourceId', 'NOT_FOUND', `没有这条${WORK_SOURCE_ZH[type]}记录`);
  if (type === 'alarm') {
    const r = readingById(app.db, id);
    if (!r) throw missing();
    const status = JSON.parse(r.status) as Record<string, boolean>;
    const alarms = Object.keys(ALARM_ZH).filter((k) => status[k]);
    if (alarms.length === 0) throw refused('sourceId', 'NO_ALARM', '这次读卡没有表具报警，不能据此开工单');
    return {
      no: `表 ${r.meterNo}`,
      party: partyOf(app, { customerId: r.customerId }),
      meterNo: r.meterNo,
      alarms,
    };
  }
  if (type === 'referral') {
    const r = findUsageReferral(app.db, id);
    if (!r) throw missing();
    if (listWorkOrders(app.db, { sourceId: id, limit: 1 }).some((w) => w.sourceType === 'referral'))
      throw new AppError('USAGE_REFERRAL_TAKEN');
    return { no: r.no, party: partyOf(app, { customerId: r.customerId }), meterNo: null, alarms: [] };
  }
  const rec =
    type === 'acceptance'
      ? findAcceptance(app.db, id)
      : type === 'appointment'
        ? findAppointment(app.db, id)
        : findComplaint(app.db, id);
  if (!rec) throw missing();
  const { customerId, accountNo, name, phone, address } = rec;
  return { no: rec.no, party: { customerId, accountNo, name, phone, address }, meterNo: null, alarms: [] };
}

/** Refused unless the meter is one of the customer's and still installed. */
export function mustBeCustomersMeter(app: App, customerId: string | null, meterNo: string, path: string) {
  if (!customerId) throw refused(path, 'NO_CUSTOMER', '工单没有关联已开户的用户，不能指定表号');
  const m = meterByNo(app.db, meterNo);
  if (!m || m.customerId !== customerId || m.status !== 'active')
    throw new AppError('METER_NOT_CUSTOMERS', { detail: meterNo, fields: { meterNo } });
}

function faultView(app: App, f: MeterFaultRow, noOf: (id: string) => string) {
  return {
    id: f.id,
    meterNo: f.meterNo,
    customerId: f.customerId,
    workOrderId: f.workOrderId,
    workOrderNo: noOf(f.workOrderId),
    fault: f.fault as MeterFault,
    action: f.action as FaultAction,
    note: f.note,
    date: f.date,
    operator: staffRef(app, f.operatorId),
    at: f.at,
  };
}

export const faultViews = (app: App, rows: readonly MeterFaultRow[]) =>
  rows.map((f) => faultView(app, f, (id) => findWorkOrder(app.db, id)?.no ?? ''));

export function toWorkOrders(app: App, rows: readonly WorkOrderRow[]): WorkOrder[] {
  const byId = new Map<string, WorkOrderStepRow[]>();
  for (const s of workOrderStepsOf(
    app.db,
    rows.map((r) => r.id),
  ))
    byId.set(s.workOrderId, [...(byId.get(s.workOrderId) ?? []), s]);
  const hoById = headOfficeStepsOf(
    app.db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => {
    const steps = byId.get(r.id) ?? [];
    const ho = hoById.get(r.id) ?? [];
    const state = effectiveState('work_order', 'pending', steps, ho, (s) => s.assignee);
    const status = state.status as WorkOrderStatus;
    const faults = r.meterNo
      ? listMeterFaults(app.db, { meterNo: r.meterNo, limit: 100 }).filter((f) => f.workOrderId === r.id)
      : [];
    return {
      id: r.id,
      no: r.no,
      kind: r.kind as WorkKind,
      source: { type: r.sourceType as WorkSource, id: r.sourceId, no: r.sourceNo },
      party: {
        customerId: r.customerId,
        accountNo: r.accountNo,
        name: r.name,
        phone: r.phone,
        address: r.address,
      },
      meterNo: r.meterNo,
      description: r.description,
      status,
      team: (state.team as FieldTeam | null) ?? null,
      assignee: state.assignee,
      result: steps.find((s) => s.action === 'complete' && !supersededBy(ho, s.stepNo))?.text ?? null,
      allowed: allowedWorkOrderActions(status),
      steps: steps.map((s) => {
        const sale = s.saleId ? findSale(app.gdb.sqlite, s.saleId) : undefined;
        return {
          id: s.id,
          stepNo: s.stepNo,
          superseded: supersededBy(ho, s.stepNo),
          action: s.action as WorkOrderAction,
          statusAfter: s.statusAfter as WorkOrderStatus,
          team: (s.team as FieldTeam | null) ?? null,
          assignee: s.assignee,
          text: s.text,
          materials: JSON.parse(s.materials) as { name: string; qty: number }[],
          sale: sale ? { id: sale.id, receiptNo: sale.receiptNo, amount: sale.amount } : null,
          newMeterNo: s.newMeterNo,
          operator: staffRef(app, s.operatorId),
          at: s.at,
        };
      }),
      headOffice: headOfficeView(ho),
      faults: faults.map((f) => faultView(app, f, () => r.no)),
      operator: staffRef(app, r.operatorId),
      createdAt: r.createdAt,
    };
  });
}

export function loadWorkOrder(app: App, id: string): WorkOrder {
  const r = findWorkOrder(app.db, id);
  if (!r) throw new AppError('NOT_FOUND', { detail: 'workOrder' });
  return toWorkOrders(app, [r])[0]!;
}

export function openWorkOrder(
  app: App,
  operatorId: string,
  input: OpParsedInput<'workOrders.open'>,
): WorkOrder {
  const id = app.newId();
  app.transaction(() => {
    const src = sourceOf(app, input.sourceType, input.sourceId);
    const meterNo = input.meterNo ?? src.meterNo;
    if (meterNo) mustBeCustomersMeter(app, src.party.customerId, meterNo, 'meterNo');
    const description = src.alarms.length
      ? `${input.description}（报警：${src.alarms.map((a) => ALARM_ZH[a]).join('、')}）`
      : input.description;
    const row: WorkOrderRow = {
      id,
      no: readableNo(app, 'GD', takeNumber(app.gdb.sqlite, 'workOrder')),
      kind: input.kind,
      sourceType: input.sourceType,
      sourceId: input.sourceId,
      sourceNo: src.no,
      ...src.party,
      meterNo,
      description,
      operatorId,
      createdAt: app.nowIso(),
    };
    insertWorkOrder(app.db, row);
    const { operatorId: _o, createdAt: _c, ...payload } = row;
    app.ledger().append({
      type: 'workOrder.opened',
      payload: { ...payload, kind: input.kind, sourceType: input.sourceType },
      operatorId,
      audit: {
        action: 'workOrder.opened',
        summary: `开工单 ${row.no}：${WORK_KIND_ZH[input.kind]}，来自${WORK_SOURCE_ZH[input.sourceType]} ${src.no}，${src.party.name}${
          meterNo ? `，表 ${meterNo}` : ''
        }`,
      },
    });
  });
  return loadWorkOrder(app, id);
}

export const workOrdersOpen: Handlers['workOrders.open'] = (input, call) =>
  openWorkOrder(call.app, operatorOf(call).staffId, input);
