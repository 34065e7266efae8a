/** 修改档案 with a reason: phone, address, household size, class, safety inspection, notes. Runtime: Node. */
import { AppError } from '../../core/errors';
import { type Handlers, operatorOf } from '../call';
import { changeCustomer } from './change-customer';
import { editablePatch, requireOwnerIdFor } from './customer-rows';

export const customersUpdate: Handlers['customers.update'] = (input, call) =>
  changeCustomer(call.app, operatorOf(call).staffId, input.id, input.expectedVersion, {
    type: 'customer.updated',
    reason: input.reason,
    summary: (c) => `修改档案：${c.name}（${c.accountNo}）`,
    patch: (before) => {
      if (before.status === 'closed')
        throw new AppError('ILLEGAL_STATUS_TRANSITION', { detail: 'a closed account is read-only' });
      if (input.changes.userClass) requireOwnerIdFor(input.changes.userClass, before);
      return editablePatch(input.changes);
    },
  });
