/**
 * Kill -9 after commit, before the answer: a real child process sells gas and pays fees with a crash point
 * armed right after the effect committed (drivers/failpoint.ts); the cashier's retry with the same requestId
 * gets the sale the counter recorded — same id, same receipt number — and nothing is charged twice.
 */
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createDispatcher } from '../../services/api';
import { App } from '../../services/app';
import { DEMO_PASSWORD, seedDemo } from '../../services/setup/demo';
import { tempDir } from '../support/app';
import { effects, delta } from '../support/idempotency';
import { withRequestId } from '../support/request-id';

const ROOT = join(import.meta.dirname, '../..');

function child(dir: string, op: string, input: unknown): Promise<{ signal: string | null; out: string }> {
  return new Promise((resolve) => {
    const p = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        join(ROOT, 'tests/fixtures/request-child.ts'),
        dir,
        'wangfang',
        op,
        JSON.stringify(input),
      ],
      { cwd: ROOT, env: { ...process.env, GASDESK_FAILPOINT: `request:done:${op}` } },
    );
    let out = '';
    p.stdout.on('data', (d) => {
      out += d;
    });
    p.once('exit', (_code, signal) => resolve({ signal, out }));
  });
}

async function counter() {
  const dir = tempDir();
  const app = new App({ dataDir: dir });
  await seedDemo(app, 2);
  const d = createDispatcher(app, () => {});
  const login = await d.invoke(
    'auth.login',
    withRequestId('auth.login', { username: 'wangfang', password: DEMO_PASSWORD }),
  );
  const sessionId = (login as { result: { sessionId: string } }).result.sessionId;
  await d.invoke('shifts.open', withRequestId('shifts.open', { float: 100_00 }), { sessionId });
  const customerId = app.gdb.sqlite
    .prepare('SELECT id FROM customers ORDER BY seq LIMIT 1')
    .pluck()
    .get() as string;
  const fee = app.gdb.sqlite.prepare('SELECT id, amount_fen AS amount FROM fee_items LIMIT 1').get() as {
    id: string;
    amount: number;
  };
  const quote = await d.invoke('sales.quote', { customerId, by: 'volume', volume: 1_000 }, { sessionId });
  const due = (quote as { result: { amountDue: number } }).result.amountDue;
  return { dir, app, customerId, fee, due };
}

describe('kill -9 between a sale’s commit and its answer', () => {
  it('the retry answers the sale that was recorded, once, for a gas sale and a fee payment', async () => {
    const c = await counter();
    const cases = [
      {
        op: 'sales.sellGas',
        input: {
          purchase: { customerId: c.customerId, by: 'volume', volume: 1_000 },
          expectedAmountDue: c.due,
          tenders: [{ method: 'cash', amount: c.due }],
          requestId: randomUUID(),
        },
      },
      {
        op: 'sales.payFees',
        input: {
          lines: [{ feeItemId: c.fee.id, qty: 1 }],
          expectedAmountDue: c.fee.amount,
          tenders: [{ method: 'cash', amount: c.fee.amount }],
          requestId: randomUUID(),
        },
      },
    ];
    let app = c.app;
    for (const { op, input } of cases) {
      const before = effects({ app } as never);
      app.close();
      const died = await child(c.dir, op, input);
      expect(died).toEqual({ signal: 'SIGKILL', out: '' }); // no answer left the counter
      app = new App({ dataDir: c.dir });
      const one = delta(before, effects({ app } as never));
      expect(one).toMatchObject({ sales: 1, outbox: 1 });
      const d = createDispatcher(app, () => {});
      const login = await d.invoke(
        'auth.login',
        withRequestId('auth.login', { username: 'wangfang', password: DEMO_PASSWORD }),
      );
      const sessionId = (login as { result: { sessionId: string } }).result.sessionId;
      const relogged = effects({ app } as never);
      const retry = await d.invoke(op, input, { sessionId });
      expect(delta(relogged, effects({ app } as never))).toEqual({});
      const sale = app.gdb.sqlite
        .prepare('SELECT id, receipt_no FROM sales ORDER BY seq DESC LIMIT 1')
        .get() as {
        id: string;
        receipt_no: string;
      };
      expect(retry).toMatchObject({
        ok: true,
        replayed: true,
        result: { id: sale.id, receiptNo: sale.receipt_no },
      });
      expect(await d.invoke(op, input, { sessionId })).toEqual(retry);
    }
    app.close();
  }, 60_000);
});
