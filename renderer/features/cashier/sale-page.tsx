/**
 * 购气 (F2): find the customer, type the volume or the money, read the live tiered quote and the amount due
 * (large, with 大写), take the payment (Enter), see the receipt, next customer. Needs an open shift.
 * Runtime: browser.
 */
import { ShiftGate } from '../shift/shift-gate';
import { CashierHeader } from './cashier-header';
import { SaleDesk } from './sale-desk';

export function SalePage({ customerId }: { customerId?: string }) {
  return (
    <div className="page">
      <CashierHeader active="sale" />
      <ShiftGate>
        <SaleDesk customerId={customerId} />
      </ShiftGate>
    </div>
  );
}
