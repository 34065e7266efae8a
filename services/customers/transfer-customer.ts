/** 过户: a new owner and contract for the same household, account and meters; only from 正常. Runtime: Node. */
import { CUSTOMER_STATUS_ZH, nextStatus } from '../../core/domain/customer';
import { AppError } from '../../core/errors';
import { type Handlers, operatorOf } from '../call';
import { changeCustomer } from './change-customer';
import { requireOwnerIdFor } from './customer-rows';

export const customersTransfer: Handlers['customers.transfer'] = (input, call) =>
  changeCustomer(call.app, operatorOf(call).staffId, input.id, input.expectedVersion, {
    type: 'customer.transferred',
    reason: input.reason,
    summary: (c) => `过户：${c.name} → ${input.newOwner.name}（${c.accountNo}）`,
    patch: (before) => {
      if (!nextStatus(before.status, 'transfer'))
        throw new AppError('ILLEGAL_STATUS_TRANSITION', {
          detail: `${CUSTOMER_STATUS_ZH[before.status]}状态不能过户`,
        });
      requireOwnerIdFor(before.userClass, input.newOwner, ['newOwner']);
      return {
        name: input.newOwner.name,
        idNumber: input.newOwner.idNumber ?? null,
        creditCode: input.newOwner.creditCode ?? null,
        phone: input.newOwner.phone,
        contractNo: input.contract.no,
        contractSignedOn: input.contract.signedOn,
      };
    },
  });
