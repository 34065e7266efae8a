/**
 * The field part of the clerk's to-do board: work orders assigned and awaiting the team's result (the
 * oldest first) and how many wait to be assigned; hazards not rectified past their deadline; 零散报装 whose next
 * step is past its time limit, and how many are in progress; head office's 核表请求 no work order was opened
 * from yet (the oldest first). Runtime: Node.
 */
import { listInspections, listInstallations, listWorkOrders, openUsageReferrals } from '../../db';
import type { Handlers } from '../call';
import { toInspections } from './inspections';
import { toInstallations } from './installations';
import { toWorkOrders } from './work-orders';

export const fieldWorkTodo: Handlers['fieldWork.todo'] = (_input, { app }) => {
  const waiting = toWorkOrders(app, listWorkOrders(app.db, { statuses: ['assigned'], limit: 200 })).reverse();
  const pending = listWorkOrders(app.db, { statuses: ['pending'], limit: 10_000 }).length;
  const hazards = toInspections(app, listInspections(app.db, { openHazards: true, limit: 10_000 })).filter(
    (i) => i.overdue,
  );
  const installs = toInstallations(
    app,
    listInstallations(app.db, {
      statuses: ['accepted', 'surveyed', 'charged', 'built', 'gas_on'],
      limit: 10_000,
    }),
  );
  return {
    workOrdersWaiting: waiting.slice(0, 50),
    workOrdersPending: pending,
    hazardsPastDeadline: hazards.slice(0, 50),
    installationsOverdue: installs
      .filter((x) => x.overdue)
      .reverse()
      .slice(0, 50),
    installationsOpen: installs.length,
    referrals: openUsageReferrals(app.db, 50).map((r) => ({
      id: r.id,
      no: r.no,
      customerId: r.customerId,
      accountNo: r.accountNo,
      name: r.name,
      address: r.address,
      month: r.month,
      flags: JSON.parse(r.flags) as { code: string; text: string }[],
      description: r.description,
      createdBy: r.createdBy,
      createdAt: r.createdAt,
    })),
  };
};
