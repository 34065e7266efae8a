/**
 * 回访 and the clerk's to-do: the queue of closed complaints not yet followed up (due first), a 回访 recorded
 * (reached, with satisfaction, ends it; not reached keeps it in the queue), the open complaints with the
 * overdue ones first. Runtime: Node.
 */
import type { Complaint } from '../../core/contract';
import { SATISFACTION_ZH } from '../../core/domain/service-desk';
import { AppError } from '../../core/errors';
import { findComplaint, followupsOf, insertFollowup, listComplaints } from '../../db';
import type { App } from '../app';
import { type Handlers, operatorOf } from '../call';
import { currentStatus, loadComplaint, toComplaints } from './complaints';

/** Open complaints (not closed), of one customer if given: overdue first, then by due time. */
export function openComplaints(app: App, limit: number, customerId?: string): Complaint[] {
  return toComplaints(app, listComplaints(app.db, 'open', 10_000, customerId))
    .sort((a, b) => Number(b.overdue) - Number(a.overdue) || a.dueAt.localeCompare(b.dueAt))
    .slice(0, limit);
}

/** Closed complaints whose 回访 is not done, the earliest due first. */
export function followupQueue(app: App, limit: number): Complaint[] {
  return toComplaints(app, listComplaints(app.db, 'followupDue', 10_000))
    .sort((a, b) => (a.followupDueAt ?? '').localeCompare(b.followupDueAt ?? ''))
    .slice(0, limit);
}

export const complaintsList: Handlers['complaints.list'] = (input, { app }) => {
  const items = input.open
    ? openComplaints(app, 10_000, input.customerId)
    : toComplaints(app, listComplaints(app.db, 'all', input.limit, input.customerId));
  return { items: (input.overdueOnly ? items.filter((c) => c.overdue) : items).slice(0, input.limit) };
};

export const followupsQueue: Handlers['followups.queue'] = (input, { app }) => ({
  items: followupQueue(app, input.limit),
});

export const followupsRecord: Handlers['followups.record'] = (input, call) => {
  const { app } = call;
  const operatorId = operatorOf(call).staffId;
  app.transaction(() => {
    const r = findComplaint(app.db, input.complaintId);
    if (!r) throw new AppError('NOT_FOUND', { detail: 'complaint' });
    if (currentStatus(app, r.id) !== 'closed') throw new AppError('COMPLAINT_NOT_CLOSED');
    if (followupsOf(app.db, [r.id]).some((f) => f.outcome === 'reached'))
      throw new AppError('FOLLOWUP_ALREADY_DONE');
    const satisfaction = input.outcome === 'reached' ? (input.satisfaction ?? null) : null;
    const row = {
      id: app.newId(),
      complaintId: r.id,
      outcome: input.outcome,
      satisfaction,
      text: input.text,
      operatorId,
      at: app.nowIso(),
    };
    insertFollowup(app.db, row);
    app.ledger().append({
      type: 'followup.recorded',
      payload: { id: row.id, complaintId: r.id, outcome: row.outcome, satisfaction, text: row.text },
      operatorId,
      audit: {
        action: 'followup.recorded',
        summary: `回访投诉 ${r.no}：${satisfaction ? SATISFACTION_ZH[satisfaction] : '联系不上'}`,
        reason: row.text || null,
      },
    });
  });
  return loadComplaint(app, input.complaintId);
};

export const serviceDeskTodo: Handlers['serviceDesk.todo'] = (_input, { app }) => {
  const open = openComplaints(app, 10_000);
  return {
    overdueComplaints: open.filter((c) => c.overdue).slice(0, 50),
    openComplaints: open.length,
    // Every closed complaint waiting for its 回访, the earliest due first (due FOLLOWUP_DUE_HOURS after closing).
    followupsDue: followupQueue(app, 50),
  };
};
