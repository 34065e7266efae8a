/** Handlers of the prices, limits, fees, invoices and sales operations. Runtime: Node. */
import type { Handlers } from '../call';
import { feesList, feesSave } from '../pricing/fees';
import { limitsList, limitsSave } from '../pricing/limits';
import { pricesCreate, pricesList } from '../pricing/price-versions';
import { invoicesAddRange, invoicesList } from './invoices';
import { salesPayFees } from './pay-fees';
import { salesQuote } from './quote';
import { salesBalance, salesGet, salesList } from './read-sales';
import { salesRefund } from './refund';
import { salesReverse } from './reverse';
import { salesSellGas } from './sell-gas';

type SalesOps =
  | 'prices.list'
  | 'prices.create'
  | 'limits.list'
  | 'limits.save'
  | 'fees.list'
  | 'fees.save'
  | 'sales.quote'
  | 'sales.sellGas'
  | 'sales.payFees'
  | 'sales.reverse'
  | 'sales.refund'
  | 'sales.get'
  | 'sales.list'
  | 'sales.balance'
  | 'invoices.addRange'
  | 'invoices.list';

export const salesHandlers: Pick<Handlers, SalesOps> = {
  'prices.list': pricesList,
  'prices.create': pricesCreate,
  'limits.list': limitsList,
  'limits.save': limitsSave,
  'fees.list': feesList,
  'fees.save': feesSave,
  'sales.quote': salesQuote,
  'sales.sellGas': salesSellGas,
  'sales.payFees': salesPayFees,
  'sales.reverse': salesReverse,
  'sales.refund': salesRefund,
  'sales.get': salesGet,
  'sales.list': salesList,
  'sales.balance': salesBalance,
  'invoices.addRange': invoicesAddRange,
  'invoices.list': invoicesList,
};
