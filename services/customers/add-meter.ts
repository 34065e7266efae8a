/** 登记表具: one more meter for a household (the meter number is unique across the hall). Runtime: Node. */
import { AppError } from '../../core/errors';
import { insertMeter, meterNoTaken } from '../../db';
import { type Handlers, operatorOf } from '../call';
import { changeCustomer } from './change-customer';

export const customersAddMeter: Handlers['customers.addMeter'] = (input, call) => {
  const { app } = call;
  const m = input.meter;
  return changeCustomer(app, operatorOf(call).staffId, input.id, input.expectedVersion, {
    type: 'customer.meterAdded',
    reason: input.reason,
    summary: (c) => `登记表具：${c.name}（${c.accountNo}）表号 ${m.meterNo}`,
    patch: (before) => {
      if (before.status === 'closed')
        throw new AppError('ILLEGAL_STATUS_TRANSITION', { detail: 'a closed account is read-only' });
      return {};
    },
    alsoWrite: (before) => {
      if (meterNoTaken(app.db, m.meterNo))
        throw new AppError('DUPLICATE_METER_NO', {
          issues: [
            { path: ['meter', 'meterNo'], code: 'DUPLICATE_METER_NO', message: `表号 ${m.meterNo} 已登记` },
          ],
        });
      const meter = {
        id: app.newId(),
        customerId: before.id,
        ...m,
        installedOn: m.installedOn ?? null,
        status: 'active' as const,
        createdAt: app.nowIso(),
      };
      insertMeter(app.db, meter);
      return { meter };
    },
  });
};
