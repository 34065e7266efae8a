/**
 * 安检 (safety inspections): a household's inspection recorded (day, inspector, items checked, hazards found,
 * rectification deadline) and its hazards' rectification (once, a new row) — each with its ledger operation
 * and audit entry in one transaction. A hazard not rectified keeps 需班长审批 on the household's purchases
 * (services/sales/quote.ts asks `hazardApprovalReason`). Households not inspected within the period are
 * overdue. Days are the counter's (its time zone). Runtime: Node.
 */
import type { Inspection, OpParsedInput } from '../../core/contract';
import { dayIn } from '../../core/business-day';
import { INSPECTION_ZH } from '../../core/domain/customer';
import {
  addDays,
  INSPECTION_ITEM_ZH,
  type InspectionItem,
  type InspectionResult,
} from '../../core/domain/inspections';
import { AppError } from '../../core/errors';
import {
  findCustomer,
  findInspection,
  findWorkOrder,
  householdsNotInspectedSince,
  type InspectionRow,
  insertInspection,
  insertRectification,
  listInspections,
  openHazardsOf,
  rectificationsOf,
  takeNumber,
} from '../../db';
import type { App } from '../app';
import { type Handlers, operatorOf } from '../call';
import { readableNo, staffRef } from './party';
import { serviceLimits } from './service-limits';
import { refused } from './work-orders';

const today = (app: App) => dayIn(app.timeZone(), app.clock.nowMs());

export function toInspections(app: App, rows: readonly InspectionRow[]): Inspection[] {
  const rect = new Map(
    rectificationsOf(
      app.db,
      rows.map((r) => r.id),
    ).map((x) => [x.inspectionId, x]),
  );
  const now = today(app);
  return rows.map((r) => {
    const x = rect.get(r.id);
    const open = r.result === 'hazard' && !x;
    return {
      id: r.id,
      no: r.no,
      customerId: r.customerId,
      accountNo: r.accountNo,
      name: r.name,
      phone: r.phone,
      address: r.address,
      date: r.date,
      inspector: r.inspector,
      result: r.result as InspectionResult,
      items: JSON.parse(r.items) as InspectionItem[],
      hazards: JSON.parse(r.hazards) as Inspection['hazards'],
      deadline: r.deadline,
      workOrderId: r.workOrderId,
      notes: r.notes,
      open,
      overdue: open && r.deadline !== null && r.deadline < now,
      rectification: x
        ? {
            rectifiedOn: x.rectifiedOn,
            checker: x.checker,
            note: x.note,
            operator: staffRef(app, x.operatorId),
            at: x.at,
          }
        : null,
      operator: staffRef(app, r.operatorId),
      createdAt: r.createdAt,
    };
  });
}

export function loadInspection(app: App, id: string): Inspection {
  const r = findInspection(app.db, id);
  if (!r) throw new AppError('NOT_FOUND', { detail: 'inspection' });
  return toInspections(app, [r])[0]!;
}

/** Why a purchase by this household needs a 班长 (hazards found and not rectified), or null. */
export function hazardApprovalReason(app: App, customerId: string): string | null {
  const open = openHazardsOf(app.db, customerId);
  if (open.length === 0) return null;
  const first = open[0]!;
  const items = (JSON.parse(first.hazards) as { item: InspectionItem }[]).map(
    (h) => INSPECTION_ITEM_ZH[h.item],
  );
  return `安检发现隐患未整改（${first.no}：${items.join('、')}，整改期限 ${first.deadline}），购气需班长审批`;
}

export function recordInspection(
  app: App,
  operatorId: string,
  input: OpParsedInput<'inspections.record'>,
): Inspection {
  const id = app.newId();
  app.transaction(() => {
    const c = findCustomer(app.db, input.customerId);
    if (!c) throw new AppError('CUSTOMER_NOT_FOUND');
    if (input.date > today(app)) throw refused('date', 'FUTURE_DATE', '安检日期不能晚于今天');
    if (input.workOrderId) {
      const w = findWorkOrder(app.db, input.workOrderId);
      if (!w) throw refused('workOrderId', 'NOT_FOUND', '没有这张工单');
      if (w.customerId !== c.id) throw refused('workOrderId', 'OTHER_CUSTOMER', '这张工单不是该用户的');
    }
    const row: InspectionRow = {
      id,
      no: readableNo(app, 'AJ', takeNumber(app.gdb.sqlite, 'inspection')),
      customerId: c.id,
      accountNo: c.accountNo,
      name: c.name,
      phone: c.phone,
      address: c.fullAddress,
      date: input.date,
      inspector: input.inspector,
      result: input.result,
      items: JSON.stringify(input.items),
      hazards: JSON.stringify(input.hazards),
      deadline: input.result === 'hazard' ? (input.deadline ?? null) : null,
      workOrderId: input.workOrderId ?? null,
      notes: input.notes,
      operatorId,
      createdAt: app.nowIso(),
    };
    insertInspection(app.db, row);
    const { operatorId: _o, createdAt: _c, ...rest } = row;
    app.ledger().append({
      type: 'inspection.recorded',
      payload: { ...rest, result: input.result, items: input.items, hazards: input.hazards },
      operatorId,
      audit: {
        action: 'inspection.recorded',
        summary: `安检 ${row.no}：${c.name}（${c.accountNo}）${input.date}，${INSPECTION_ZH[input.result]}${
          input.hazards.length ? `，隐患 ${input.hazards.length} 项，整改期限 ${row.deadline}` : ''
        }`,
      },
    });
  });
  return loadInspection(app, id);
}

export function rectifyInspection(
  app: App,
  operatorId: string,
  input: OpParsedInput<'inspections.rectify'>,
): Inspection {
  app.transaction(() => {
    const r = findInspection(app.db, input.id);
    if (!r) throw new AppError('NOT_FOUND', { detail: 'inspection' });
    if (r.result !== 'hazard') throw new AppError('INSPECTION_NO_HAZARD');
    if (rectificationsOf(app.db, [r.id]).length > 0) throw new AppError('INSPECTION_RECTIFIED');
    if (input.rectifiedOn < r.date)
      throw refused('rectifiedOn', 'BEFORE_INSPECTION', '整改复查日期不能早于安检日期');
    if (input.rectifiedOn > today(app))
      throw refused('rectifiedOn', 'FUTURE_DATE', '整改复查日期不能晚于今天');
    const row = {
      id: app.newId(),
      inspectionId: r.id,
      rectifiedOn: input.rectifiedOn,
      checker: input.checker,
      note: input.note,
      operatorId,
      at: app.nowIso(),
    };
    insertRectification(app.db, row);
    const { operatorId: _o, at: _a, ...payload } = row;
    app.ledger().append({
      type: 'inspection.rectified',
      payload,
      operatorId,
      audit: {
        action: 'inspection.rectified',
        summary: `安检 ${r.no} 隐患整改完毕：${r.name}（${r.accountNo}），复查 ${input.rectifiedOn} ${input.checker}`,
        reason: input.note || null,
        changes: [{ field: 'hazard', before: 'open', after: 'rectified' }],
      },
    });
  });
  return loadInspection(app, input.id);
}

export const inspectionsRecord: Handlers['inspections.record'] = (input, call) =>
  recordInspection(call.app, operatorOf(call).staffId, input);

export const inspectionsRectify: Handlers['inspections.rectify'] = (input, call) =>
  rectifyInspection(call.app, operatorOf(call).staffId, input);

export const inspectionsGet: Handlers['inspections.get'] = (input, { app }) => loadInspection(app, input.id);

export const inspectionsList: Handlers['inspections.list'] = (input, { app }) => ({
  items: toInspections(app, listInspections(app.db, input)),
});

export const inspectionsOverdue: Handlers['inspections.overdue'] = (input, { app }) => {
  const periodDays = input.periodDays ?? serviceLimits(app).inspectionPeriodDays;
  const since = addDays(today(app), -periodDays);
  return { since, periodDays, items: householdsNotInspectedSince(app.db, since, input.limit) };
};
