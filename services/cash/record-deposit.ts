/**
 * 缴款: cash of a business day taken to the bank, recorded against that day (by default the current one).
 * A day already closed (日结) still takes its deposits — the bank is often the next morning — marked late
 * (补录): its frozen report is unchanged and lists them apart, with when they were recorded. Runtime: Node.
 */
import { formatYuan } from '../../core/quantities';
import { findDayClose, insertDeposit } from '../../db';
import { type Handlers, operatorOf } from '../call';
import { currentBusinessDate } from './business-date';
import { refuseFutureDate } from './business-date-at';

export const depositsRecord: Handlers['deposits.record'] = (input, call) => {
  const { app } = call;
  const operatorId = operatorOf(call).staffId;
  return app.transaction(() => {
    const businessDate = input.businessDate ?? currentBusinessDate(app);
    refuseFutureDate(app, businessDate);
    const late = findDayClose(app.db, businessDate) !== undefined;
    const id = app.newId();
    const hlc = app.tick();
    const deposit = {
      id,
      businessDate,
      amount: input.amount,
      bank: input.bank,
      reference: input.reference,
      at: app.nowIso(),
      operatorId,
      late,
    };
    insertDeposit(app.db, deposit);
    app.ledger().append({
      type: 'deposit.recorded',
      payload: deposit,
      operatorId,
      hlc,
      audit: {
        action: 'deposit.recorded',
        summary: `${late ? '补录缴款（营业日已日结）' : '缴款'}：营业日 ${businessDate}，¥${formatYuan(input.amount)}，${input.bank}，缴款单号 ${input.reference}`,
      },
    });
    return { id, businessDate, amount: input.amount, late };
  });
};
