/**
 * Complaints (客户投诉, per the handbook's 客服电话受理工作规范): recorded with the customer, category and details;
 * judged 成立 or 不成立 with the reason; handed to 收费班, 巡线班 or 通气维修班 and tracked; the team's result
 * entered; the result told to the customer and the complaint closed — each step a new row (complaint_steps)
 * through the state machine of core/domain/service-desk.ts, with its ledger operation and audit entry. A
 * closed complaint takes no further step, nor one head office closed (its steps pulled from the feed count in
 * the state and team, core/domain/head-office-steps.ts). Overdue is computed against the application's clock.
 * Runtime: Node.
 */
import type { Complaint, OpParsedInput } from '../../core/contract';
import {
  allowedComplaintActions,
  COMPLAINT_ACTION_ZH,
  COMPLAINT_CATEGORY,
  type ComplaintAction,
  type ComplaintCategory,
  type ComplaintStatus,
  complaintDueMs,
  complaintMoveProblem,
  complaintOverdue,
  FOLLOWUP_DUE_HOURS,
  nextComplaintStatus,
  type Team,
  TEAM_ZH,
} from '../../core/domain/service-desk';
import {
  effectiveState,
  type HeadOfficeStep,
  headOfficeClose,
  supersededBy,
} from '../../core/domain/head-office-steps';
import { AppError } from '../../core/errors';
import type { ComplaintStepType } from '../../core/sync/ops/service-ops';
import {
  type ComplaintRow,
  type ComplaintStepRow,
  type FollowupRow,
  findComplaint,
  followupsOf,
  headOfficeStepsOf,
  insertComplaint,
  insertComplaintStep,
  stepsOf,
  takeNumber,
} from '../../db';
import type { App } from '../app';
import { type Handlers, operatorOf } from '../call';
import { headOfficeView, partyOf, readableNo, staffRef } from './party';

const STEP_TYPE: Record<ComplaintAction, ComplaintStepType> = {
  judge_justified: 'complaint.judged',
  judge_unjustified: 'complaint.judged',
  hand_over: 'complaint.handedOver',
  note: 'complaint.noted',
  resolve: 'complaint.resolved',
  close: 'complaint.closed',
};

/** A complaint's state: its last step's, 已登记 without one, 已结案 once head office closed it. */
export const statusOf = (
  steps: readonly ComplaintStepRow[],
  ho: readonly HeadOfficeStep[] = [],
): ComplaintStatus => effectiveState('complaint', 'recorded', steps, ho).status as ComplaintStatus;

/** The state of complaint `id` as this counter knows it now (its steps and head office's). */
export const currentStatus = (app: App, id: string): ComplaintStatus =>
  statusOf(stepsOf(app.db, [id]), headOfficeStepsOf(app.db, [id]).get(id) ?? []);

const last = (steps: readonly ComplaintStepRow[], ...actions: string[]) =>
  steps.filter((s) => actions.includes(s.action)).at(-1);

export function toComplaint(
  app: App,
  r: ComplaintRow,
  steps: readonly ComplaintStepRow[],
  follows: readonly FollowupRow[],
  ho: readonly HeadOfficeStep[] = [],
): Complaint {
  const state = effectiveState('complaint', 'recorded', steps, ho);
  const status = state.status as ComplaintStatus;
  const taken = steps.filter((s) => !supersededBy(ho, s.stepNo));
  const judged = last(taken, 'judge_justified', 'judge_unjustified');
  const hoClose = headOfficeClose(ho);
  const closed = hoClose ? { at: hoClose.at, text: `总部结案：${hoClose.reason}` } : last(taken, 'close');
  return {
    id: r.id,
    no: r.no,
    channel: r.channel,
    party: {
      customerId: r.customerId,
      accountNo: r.accountNo,
      name: r.name,
      phone: r.phone,
      address: r.address,
    },
    category: r.category as ComplaintCategory,
    details: r.details,
    status,
    team: (state.team as Team | null) ?? null,
    justified: judged ? judged.action === 'judge_justified' : null,
    judgement: judged?.text ?? null,
    result: last(taken, 'resolve')?.text ?? null,
    toldCustomer: closed?.text ?? null,
    dueAt: r.dueAt,
    overdue: complaintOverdue(status, Date.parse(r.dueAt), app.clock.nowMs()),
    closedAt: closed?.at ?? null,
    followupDueAt: closed
      ? new Date(Date.parse(closed.at) + FOLLOWUP_DUE_HOURS * 3_600_000).toISOString()
      : null,
    followupDone: follows.some((f) => f.outcome === 'reached'),
    allowed: allowedComplaintActions(status),
    steps: steps.map((s) => ({
      id: s.id,
      stepNo: s.stepNo,
      superseded: supersededBy(ho, s.stepNo),
      action: s.action as ComplaintAction,
      statusAfter: s.statusAfter as ComplaintStatus,
      team: (s.team as Team | null) ?? null,
      text: s.text,
      operator: staffRef(app, s.operatorId),
      at: s.at,
    })),
    headOffice: headOfficeView(ho),
    followups: follows.map((f) => ({
      id: f.id,
      outcome: f.outcome,
      satisfaction: (f.satisfaction as Complaint['followups'][number]['satisfaction']) ?? null,
      text: f.text,
      operator: staffRef(app, f.operatorId),
      at: f.at,
    })),
    operator: staffRef(app, r.operatorId),
    createdAt: r.createdAt,
  };
}

function byComplaint<T extends { complaintId: string }>(rows: readonly T[]): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const r of rows) m.set(r.complaintId, [...(m.get(r.complaintId) ?? []), r]);
  return m;
}

/** Complaint views of rows, their steps and 回访 read in two queries. */
export function toComplaints(app: App, rows: readonly ComplaintRow[]): Complaint[] {
  const ids = rows.map((r) => r.id);
  const steps = byComplaint(stepsOf(app.db, ids));
  const follows = byComplaint(followupsOf(app.db, ids));
  const ho = headOfficeStepsOf(app.db, ids);
  return rows.map((r) =>
    toComplaint(app, r, steps.get(r.id) ?? [], follows.get(r.id) ?? [], ho.get(r.id) ?? []),
  );
}

export function loadComplaint(app: App, id: string): Complaint {
  const r = findComplaint(app.db, id);
  if (!r) throw new AppError('NOT_FOUND', { detail: 'complaint' });
  return toComplaints(app, [r])[0]!;
}

export function recordComplaint(
  app: App,
  operatorId: string,
  input: OpParsedInput<'complaints.record'>,
): Complaint {
  const id = app.newId();
  app.transaction(() => {
    const party = partyOf(app, input);
    const createdAt = app.nowIso();
    const row: ComplaintRow = {
      id,
      no: readableNo(app, 'TS', takeNumber(app.gdb.sqlite, 'complaint')),
      channel: input.channel,
      ...party,
      category: input.category,
      details: input.details,
      dueAt: new Date(complaintDueMs(Date.parse(createdAt), input.category)).toISOString(),
      operatorId,
      createdAt,
    };
    insertComplaint(app.db, row);
    const { operatorId: _o, createdAt: _c, ...payload } = row;
    app.ledger().append({
      type: 'complaint.recorded',
      payload: { ...payload, category: input.category },
      operatorId,
      audit: {
        action: 'complaint.recorded',
        summary: `登记投诉 ${row.no}：${COMPLAINT_CATEGORY[input.category].zh}，${party.name}（${party.phone}）`,
      },
    });
  });
  return loadComplaint(app, id);
}

/** One step of a complaint, if its state machine allows it; refused in Chinese otherwise, nothing written. */
export function stepComplaint(
  app: App,
  operatorId: string,
  id: string,
  action: ComplaintAction,
  text: string,
  team: Team | null = null,
): Complaint {
  app.transaction(() => {
    const r = findComplaint(app.db, id);
    if (!r) throw new AppError('NOT_FOUND', { detail: 'complaint' });
    const steps = stepsOf(app.db, [id]);
    const from = statusOf(steps, headOfficeStepsOf(app.db, [id]).get(id) ?? []);
    const to = nextComplaintStatus(from, action);
    if (to === null)
      throw new AppError(from === 'closed' ? 'COMPLAINT_CLOSED' : 'COMPLAINT_STEP_NOT_ALLOWED', {
        detail: complaintMoveProblem(from, action) ?? undefined,
        fields: { status: from, action },
      });
    const step: ComplaintStepRow = {
      id: app.newId(),
      complaintId: id,
      stepNo: steps.length + 1,
      action,
      statusAfter: to,
      justified: action === 'judge_justified' ? true : action === 'judge_unjustified' ? false : null,
      team,
      text,
      operatorId,
      at: app.nowIso(),
    };
    insertComplaintStep(app.db, step);
    app.ledger().append({
      type: STEP_TYPE[action],
      payload: { complaintId: id, stepNo: step.stepNo, action, statusAfter: to, team, text },
      operatorId,
      audit: {
        action: STEP_TYPE[action],
        summary: `投诉 ${r.no}：${COMPLAINT_ACTION_ZH[action]}${team ? `（${TEAM_ZH[team]}）` : ''}`,
        reason: text || null,
        changes: from === to ? [] : [{ field: 'status', before: from, after: to }],
      },
    });
  });
  return loadComplaint(app, id);
}

export const complaintsRecord: Handlers['complaints.record'] = (input, call) =>
  recordComplaint(call.app, operatorOf(call).staffId, input);

export const complaintsJudge: Handlers['complaints.judge'] = (input, call) =>
  stepComplaint(
    call.app,
    operatorOf(call).staffId,
    input.id,
    input.justified ? 'judge_justified' : 'judge_unjustified',
    input.reason,
  );

export const complaintsHandOver: Handlers['complaints.handOver'] = (input, call) =>
  stepComplaint(call.app, operatorOf(call).staffId, input.id, 'hand_over', input.note, input.team);

export const complaintsNote: Handlers['complaints.note'] = (input, call) =>
  stepComplaint(call.app, operatorOf(call).staffId, input.id, 'note', input.note);

export const complaintsResolve: Handlers['complaints.resolve'] = (input, call) =>
  stepComplaint(call.app, operatorOf(call).staffId, input.id, 'resolve', input.result);

export const complaintsClose: Handlers['complaints.close'] = (input, call) =>
  stepComplaint(call.app, operatorOf(call).staffId, input.id, 'close', input.told);

export const complaintsGet: Handlers['complaints.get'] = (input, { app }) => loadComplaint(app, input.id);
