/**
 * 换表: the old meter's final remaining gas is carried to the new meter — written onto the customer's card as
 * a purchase under a new count, which the new (unbound) meter loads and binds to — the old meter is marked
 * removed and the new one registered, in one operation. Runtime: Node.
 */
import { AppError } from '../../core/errors';
import { formatCubicMetres } from '../../core/quantities';
import {
  type CardWriteRow,
  insertCardWrite,
  insertMeter,
  meterNoTaken,
  metersOf,
  nextCount,
  pscFlagOf,
} from '../../db';
import { type Handlers, operatorOf } from '../call';
import { changeCustomer } from '../customers/change-customer';
import { loadCustomer } from '../customers/customer-rows';
import { writeAndSettle } from './card-writer';
import { customerCardInReader } from './customer-card';
import { flaggedCardApproval, writeHonouringFlag } from './psc-flag';

export const metersChange: Handlers['meters.change'] = async (input, call) => {
  const { app } = call;
  const operatorId = operatorOf(call).staffId;
  const customer = loadCustomer(app, input.customerId);
  const old = metersOf(app.db, customer.id).find(
    (m) => m.meterNo === input.oldMeterNo.toUpperCase() && m.status === 'active',
  );
  if (!old) throw new AppError('NOT_FOUND', { detail: `该户没有在用的表 ${input.oldMeterNo}` });
  if (meterNoTaken(app.db, input.newMeter.meterNo))
    throw new AppError('DUPLICATE_METER_NO', {
      issues: [
        {
          path: ['newMeter', 'meterNo'],
          code: 'DUPLICATE_METER_NO',
          message: `表号 ${input.newMeter.meterNo} 已登记`,
        },
      ],
    });
  // The card must be the customer's, with nothing left on it for the old meter to load.
  const ready = input.finalRemaining > 0 ? await customerCardInReader(app, customer.id, operatorId) : null;
  // Its last PSC try only with the clerk's confirmation, asked before anything is recorded.
  if (ready?.inReader.triesLeft === 1 && !input.confirmLastTry) throw new AppError('CARD_LAST_TRY');
  // A card that refused its PSC before: a 班长 allows the one attempt, before anything is recorded.
  const approver =
    ready && pscFlagOf(app.gdb.sqlite, ready.card.cardNo)
      ? await flaggedCardApproval(app, input.approval, operatorId)
      : undefined;
  let w: CardWriteRow | null = null;
  changeCustomer(app, operatorId, customer.id, customer.version, {
    type: 'meter.changed',
    reason: input.reason,
    summary: (c) =>
      `换表：${c.name} 旧表 ${old.meterNo} → 新表 ${input.newMeter.meterNo}，结转 ${formatCubicMetres(input.finalRemaining)} m³`,
    patch: () => ({}),
    alsoWrite: () => {
      app.gdb.sqlite.prepare("UPDATE meters SET status = 'removed' WHERE id = ?").run(old.id);
      const meter = {
        id: app.newId(),
        customerId: customer.id,
        ...input.newMeter,
        installedOn: input.newMeter.installedOn ?? null,
        status: 'active' as const,
        createdAt: app.nowIso(),
      };
      insertMeter(app.db, meter);
      if (ready) {
        const n = nextCount(app.gdb.sqlite, customer.id, input.finalRemaining);
        w = {
          id: app.newId(),
          cardNo: ready.card.cardNo,
          customerId: customer.id,
          saleId: null,
          kind: 'carry',
          count: n.lastCount,
          volume: input.finalRemaining,
          cumulative: n.cumulative,
          status: 'pending',
          reason: input.reason,
          operatorId,
          approverId: approver?.id ?? null,
          followUp: null,
          createdAt: app.nowIso(),
        };
        insertCardWrite(app.gdb.sqlite, w);
      }
      return { oldMeterNo: old.meterNo, meter, carried: input.finalRemaining };
    },
  });
  if (w && ready) {
    const carry: CardWriteRow = w;
    const check = {
      cardNo: carry.cardNo,
      customerId: customer.id,
      operatorId,
      approverId: carry.approverId,
      saleId: null,
    };
    // A carry that fails is owed, not lost: meters.writeCarry puts it on the card later (carry-retry.ts).
    await writeHonouringFlag(app, check, () =>
      writeAndSettle(app, carry, ready, { operatorId, confirmLastTry: input.confirmLastTry }),
    );
    return { purchaseCount: (w as { count: number }).count, carried: input.finalRemaining };
  }
  return { purchaseCount: 0, carried: 0 };
};
