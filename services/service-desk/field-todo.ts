/**
 * The field part of the clerk's to-do board: work orders assigned and awaiting the team's result (the
 * oldest first) and how many wait to be assigned; hazards not rectified past their deadline. Runtime: Node.
 */
import { listInspections, listWorkOrders } from '../../db';
import type { Handlers } from '../call';
import { toInspections } from './inspections';
import { toWorkOrders } from './work-orders';

export const fieldWorkTodo: Handlers['fieldWork.todo'] = (_input, { app }) => {
  const waiting = toWorkOrders(app, listWorkOrders(app.db, { statuses: ['assigned'], limit: 200 })).reverse();
  const pending = listWorkOrders(app.db, { statuses: ['pending'], limit: 10_000 }).length;
  const hazards = toInspections(app, listInspections(app.db, { openHazards: true, limit: 10_000 })).filter(
    (i) => i.overdue,
  );
  return {
    workOrdersWaiting: waiting.slice(0, 50),
    workOrdersPending: pending,
    hazardsPastDeadline: hazards.slice(0, 50),
  };
};
