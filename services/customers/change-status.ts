/**
 * 停用 / 启用 / 销户 through the status state machine of core/domain/customer.ts; 销户 needs a supervisor's
 * approval. Runtime: Node.
 */
import {
  APPROVAL_ACTIONS,
  CUSTOMER_STATUS_ZH,
  nextStatus,
  STATUS_ACTION_ZH,
} from '../../core/domain/customer';
import { AppError } from '../../core/errors';
import { requireApproval } from '../auth/approval';
import { type Handlers, operatorOf } from '../call';
import { changeCustomer } from './change-customer';

export const customersChangeStatus: Handlers['customers.changeStatus'] = async (input, call) => {
  const { app } = call;
  const label = STATUS_ACTION_ZH[input.action];
  const operatorId = operatorOf(call).staffId;
  const approver = APPROVAL_ACTIONS.has(input.action)
    ? await requireApproval(app, input.approval, label, operatorId)
    : undefined;
  return changeCustomer(app, operatorId, input.id, input.expectedVersion, {
    type: `customer.${input.action === 'close' ? 'closed' : input.action === 'suspend' ? 'suspended' : 'resumed'}`,
    reason: input.reason,
    approverId: approver?.id,
    summary: (c) =>
      `${label}：${c.name}（${c.accountNo}）${approver ? `，审批人 ${approver.displayName}` : ''}`,
    patch: (before) => {
      const to = nextStatus(before.status, input.action);
      if (!to)
        throw new AppError('ILLEGAL_STATUS_TRANSITION', {
          detail: `${CUSTOMER_STATUS_ZH[before.status]}状态不能${label}`,
        });
      const now = app.nowIso();
      return { status: to, statusChangedAt: now, ...(to === 'closed' ? { closedAt: now } : {}) };
    },
  });
};
