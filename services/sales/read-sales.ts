/** 查询: one sale, a list (by customer, shift or business date, newest first), a customer's balance. */
import { AppError } from '../../core/errors';
import { balanceOf, customerForSale, listSales } from '../../db';
import type { Handlers } from '../call';
import { loadSale, toSale } from './sale-view';

export const salesGet: Handlers['sales.get'] = (input, { app }) => loadSale(app, input.id);

export const salesList: Handlers['sales.list'] = (input, { app }) => ({
  items: listSales(
    app.gdb.sqlite,
    { customerId: input.customerId, shiftId: input.shiftId, businessDate: input.businessDate },
    input.limit,
  ).map((r) => toSale(app, r)),
});

export const salesBalance: Handlers['sales.balance'] = (input, { app }) => {
  if (!customerForSale(app.gdb.sqlite, input.customerId)) throw new AppError('CUSTOMER_NOT_FOUND');
  return { balance: balanceOf(app.gdb.sqlite, input.customerId) };
};
