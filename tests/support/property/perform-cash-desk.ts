/**
 * Property test support: the cash desk and the day — cash in and out of the drawer, shifts closed (with a
 * counting difference now and then) and opened, bank deposits, 日结 — and a sync with head office mid-day.
 */
import { expect } from 'vitest';
import type { ActionOf } from './actions';
import type { Run } from './run';

export type CashDeskAction = ActionOf<'cash' | 'closeShift' | 'openShift' | 'deposit' | 'sync' | 'closeDay'>;

export async function performCashDesk(r: Run, a: CashDeskAction): Promise<void> {
  const { c } = r;
  const cashier = c.cashierSid;
  switch (a.kind) {
    case 'cash':
      await r.attempt(
        'shifts.cashMovement',
        { kind: a.dir, amount: a.amount, reason: a.dir === 'in' ? '补充零钱' : '大额现金上交' },
        cashier,
      );
      return;
    case 'closeShift': {
      const current = (await c.ok('shifts.current', {}, cashier)).shift;
      if (current) {
        const report = await c.ok('shifts.report', {}, cashier);
        const counted = Math.max(0, report.cash.expected + a.diff);
        await r.attempt(
          'shifts.close',
          { counted, ...(counted !== report.cash.expected ? { note: '点钞差异' } : {}) },
          cashier,
        );
      }
      if (a.reopen) await r.attempt('shifts.open', { float: 50_000 }, cashier);
      return;
    }
    case 'openShift':
      await r.attempt('shifts.open', { float: a.float }, cashier);
      return;
    case 'deposit':
      await r.attempt(
        'deposits.record',
        { amount: a.amount, bank: '工商银行营业部', reference: `JK${++r.serial}` },
        cashier,
      );
      return;
    case 'sync':
      expect((await c.ok('sync.now', {}, c.adminSid)).error).toBeNull();
      return;
    case 'closeDay': {
      const { shift, businessDate } = await c.ok('shifts.current', {}, cashier);
      if (shift) {
        const report = await c.ok('shifts.report', {}, cashier);
        await r.attempt('shifts.close', { counted: report.cash.expected }, cashier);
      }
      await r.attempt('days.close', { businessDate }, c.adminSid);
      await r.attempt('shifts.open', { float: 50_000 }, cashier);
      return;
    }
  }
}
