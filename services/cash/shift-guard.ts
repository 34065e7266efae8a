/** The operator's open shift, which every cash operation belongs to. Runtime: Node. */
import { AppError } from '../../core/errors';
import { prepared } from '../../db';
import type { App } from '../app';

export interface OpenShift {
  id: string;
  businessDate: string;
  float: number;
}

export function findOpenShift(app: App, operatorId: string): OpenShift | undefined {
  return prepared(
    app.gdb.sqlite,
    "SELECT id, business_date AS businessDate, float FROM shifts WHERE operator_id = ? AND status = 'open'",
  ).get(operatorId) as OpenShift | undefined;
}

export function requireOpenShift(app: App, operatorId: string): OpenShift {
  const s = findOpenShift(app, operatorId);
  if (!s) throw new AppError('NO_OPEN_SHIFT');
  return s;
}
