/** 收费项目 (F6): fee items with quantities, an optional customer, tenders, Enter to take it. */
import { ShiftGate } from '../shift/shift-gate';
import { CashierHeader } from './cashier-header';
import { FeeDesk } from './fee-desk';

export function FeePaymentPage() {
  return (
    <div className="page">
      <CashierHeader active="fees" />
      <ShiftGate>
        <FeeDesk />
      </ShiftGate>
    </div>
  );
}
