/**
 * The reports' counts of operations (开户, 受理 by type, 重打, 缴款) as a push writes them into report_days
 * under the counter's lock (server/push/report-days.ts): each stored op counted once on its business day (the
 * payload's, else its time in the hall's zone), a quarantined one not at all, a batch sent again not twice.
 * On PGlite always, and on PostgreSQL when it answers.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uuidv7 } from '../../core/ids';
import { mulberry32 } from '../../services/setup/fake-households';
import { customerFile } from '../sim/payloads';
import { startHeadOffice, type TestHeadOffice } from '../support/head-office';
import { op, ScriptedCounter } from '../support/scripted-counter';
import { signed } from '../support/signed';

const DATABASES = process.env.DATABASE_URL ? (['pglite', 'postgres'] as const) : (['pglite'] as const);

describe.each(DATABASES)('report counts written by the push (%s)', (db) => {
  let ho: TestHeadOffice;
  let counter: ScriptedCounter;
  const rand = mulberry32(9);
  /** 2026-03-02 17:30 UTC is 2026-03-03 01:30 in Shanghai, the hall's zone. */
  const lateEvening = Date.parse('2026-03-02T17:30:00Z');
  const acceptance = (typeCode: string, typeName: string, no: string) => {
    const file = customerFile(
      rand,
      3,
      uuidv7(Date.now()),
      '010101000003',
      new Date(lateEvening).toISOString(),
    );
    return op('acceptance.recorded', {
      id: uuidv7(Date.now()),
      no,
      typeCode,
      typeName,
      channel: 'window',
      customerId: null,
      accountNo: null,
      name: file.name,
      phone: file.phone,
      address: '',
      asked: '咨询阶梯气价',
      answered: '已解答',
      documents: [],
      nextStep: '',
      prepare: '',
      saleId: null,
      businessDate: '2026-03-02',
    });
  };
  const deposit = (amount: number) =>
    op('deposit.recorded', {
      id: uuidv7(Date.now()),
      businessDate: '2026-03-02',
      amount,
      bank: '工商银行',
      reference: `JK${amount}`,
      at: new Date(lateEvening).toISOString(),
      operatorId: counter.operatorId,
      late: false,
    });
  /** The counted figures (a quarantined op leaves its day's row at zero: counted, then taken back out). */
  const counts = async () =>
    ho.store.query<{ dim: string; day: string; key: string; n: number; amount: number }>(
      `SELECT dim, business_date AS day, key, n::int AS n, amount::int AS amount FROM report_days
        WHERE counter_id = $1 AND dim IN ('opened', 'acceptance', 'reprint', 'deposit') AND (n <> 0 OR amount <> 0)
        ORDER BY dim, day, key`,
      [counter.counterId],
    );

  beforeAll(async () => {
    ho = await startHeadOffice({ pglite: db === 'pglite' });
    counter = await ScriptedCounter.enroll(ho, '0101', '01');
  }, 60_000);
  afterAll(async () => ho?.close());

  it('counts each stored op once on its business day, and a quarantined one not at all', async () => {
    const own = customerFile(
      rand,
      1,
      uuidv7(Date.now()),
      '010101000001',
      new Date(lateEvening).toISOString(),
    );
    const ahead = Date.now() + 3_600_000;
    const future = customerFile(rand, 2, uuidv7(Date.now()), '010101000002', new Date(ahead).toISOString());
    const r = await counter.push([
      op('customer.opened', own, { atMs: lateEvening }),
      // From an hour ahead of the request: quarantined, so not counted.
      op('customer.opened', future, { atMs: ahead }),
      acceptance('ZX', '咨询', '0101-01-ZX-000001'),
      acceptance('ZX', '咨询', '0101-01-ZX-000002'),
      acceptance('GH', '过户', '0101-01-GH-000001'),
      op('receipt.reprinted', { kind: 'receipt', docId: 'R-1', copyNo: 2 }, { atMs: lateEvening + 2_000 }),
      deposit(150_000),
      deposit(98_765),
    ]);
    expect(r.quarantined.map((q) => q.code)).toEqual(['FUTURE_TIME']);
    expect(await counts()).toEqual([
      { dim: 'acceptance', day: '2026-03-02', key: 'GH|过户', n: 1, amount: 0 },
      { dim: 'acceptance', day: '2026-03-02', key: 'ZX|咨询', n: 2, amount: 0 },
      { dim: 'deposit', day: '2026-03-02', key: '', n: 2, amount: 248_765 },
      { dim: 'opened', day: '2026-03-03', key: '', n: 1, amount: 0 },
      { dim: 'reprint', day: '2026-03-03', key: '', n: 1, amount: 0 },
    ]);
  });

  it('adds nothing when a batch it already holds arrives again', async () => {
    const before = await counts();
    const chained = counter.chain([deposit(1_000)]);
    for (let i = 0; i < 2; i++) {
      const res = await signed(ho.url, counter.dev, 'POST', '/v1/push', { ops: chained });
      expect(res.status).toBe(200);
    }
    const deposits = (await counts()).find((c) => c.dim === 'deposit')!;
    expect(deposits).toEqual({ ...before.find((c) => c.dim === 'deposit')!, n: 3, amount: 249_765 });
  });
});
