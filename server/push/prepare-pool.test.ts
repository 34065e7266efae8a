import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../../core/errors';
import { chainOps, syntheticOutbox } from '../../tests/sim/synthetic-ops';
import { readBinaryArray } from '../../tests/support/binary-array-read';
import { SALE_TYPES } from './early-sales';
import { storingInOrder } from './in-order';
import { preparePush } from './prepare';
import { prepareBatch, preparePoolState, stopPreparePool } from './prepare-pool';
import { buildHeadOffice } from '../app';
import { openStore } from '../pg/store';

const COUNTER = '01900000-0000-7000-8000-0000000000aa';
const ops = syntheticOutbox(COUNTER, 400);
const body = (o: unknown) => Buffer.from(JSON.stringify(o));

async function refusal(p: Promise<unknown>): Promise<AppError> {
  const e = await p.then(
    () => null,
    (x: unknown) => x,
  );
  expect(e).toBeInstanceOf(AppError);
  return e as AppError;
}

afterEach(async () => {
  delete process.env.GASDESK_PUSH_WORKERS;
  await stopPreparePool();
});

describe('push prepare workers', () => {
  it('prepare a batch on a worker exactly as the serving thread does', async () => {
    const raw = body({ ops: [...ops].reverse(), knowledge: { cursor: 7, afterSeq: 0 } });
    const off = await prepareBatch(COUNTER, raw);
    expect(preparePoolState().workers).toBe(1);
    expect(off).toEqual(preparePush(COUNTER, raw));
    expect(off.ops.map((o) => o.seq)).toEqual(ops.map((o) => o.seq));
    expect(off.knowledge).toEqual({ cursor: 7, afterSeq: 0 });
    // Sales are checked before the transaction, and their rows ready column by column.
    const sales = off.ops.filter((o) => o.type === 'sale.gasSold');
    expect(sales.length).toBeGreaterThan(0);
    expect(sales.every((o) => (o.checked as { success: boolean }).success)).toBe(true);
    // The first column of the sales' rows: their ops' sequence numbers.
    expect(readBinaryArray(off.sales.params[0]!)).toEqual(
      off.ops.filter((o) => SALE_TYPES.has(o.type)).map((o) => o.seq),
    );
    // The ops rows, column by column: sequence numbers, then ids, … payloads exactly as sent.
    expect(readBinaryArray(off.rows[0]!)).toEqual(ops.map((o) => o.seq));
    expect(readBinaryArray(off.rows[5]!)).toEqual(ops.map((o) => o.payload));
  });

  it('give a refused batch back with its code, detail and issues', async () => {
    expect((await refusal(prepareBatch(COUNTER, Buffer.from('{"ops": [')))).code).toBe('MALFORMED_REQUEST');
    const invalid = await refusal(prepareBatch(COUNTER, body({ ops: [{ ...ops[0], seq: -1 }] })));
    expect(invalid.code).toBe('VALIDATION_FAILED');
    expect(invalid.issues?.[0]?.message).toBe('序号必须是正整数');
    const foreign = await refusal(prepareBatch('01900000-0000-7000-8000-0000000000bb', body({ ops })));
    expect(foreign.code).toBe('SYNC_FOREIGN_OPS');
    const tampered = ops.map((o, i) => (i === 3 ? { ...o, payload: `${o.payload} ` } : o));
    const broken = await refusal(prepareBatch(COUNTER, body({ ops: tampered })));
    expect(broken.code).toBe('SYNC_CHAIN_BROKEN');
    expect(broken.detail).toContain('operation 4');
  });

  it('carry a sale payload that does not fit back with its messages', async () => {
    const bad = ops.map((o) =>
      o.type === 'sale.gasSold'
        ? { ...o, payload: JSON.stringify({ ...JSON.parse(o.payload), amount: '30.50' }) }
        : o,
    );
    // Re-chained so that only the payload check fails.
    const chained = chainOps(bad, COUNTER);
    const p = await prepareBatch(COUNTER, body({ ops: chained }));
    const sale = p.ops.find((o) => o.type === 'sale.gasSold')!;
    const checked = sale.checked as { success: false; error: { issues: { message: string }[] } };
    expect(checked.success).toBe(false);
    expect(checked.error.issues[0]!.message).toContain('期望 数字');
    const saleSeqs = readBinaryArray(p.sales.params[0]!);
    expect(saleSeqs).not.toContain(sale.seq);
    expect(saleSeqs.length).toBeGreaterThan(0); // the other sales are still there
  });

  it('hand the batches of a worker that stops to the serving thread', async () => {
    const raw = body({ ops });
    const pending = prepareBatch(COUNTER, raw);
    expect(preparePoolState().pending).toBe(1);
    await stopPreparePool();
    expect((await pending).ops).toHaveLength(ops.length);
    // The next push starts a worker again.
    await prepareBatch(COUNTER, raw);
    expect(preparePoolState().workers).toBe(1);
  });

  it('start with head office, before its first push', async () => {
    expect(preparePoolState().workers).toBe(0);
    const store = await openStore({});
    const { app } = buildHeadOffice({ store, logger: false });
    await app.ready();
    expect(preparePoolState().workers).toBe(1);
    await app.close();
    await store.close();
  });

  it('are not started when GASDESK_PUSH_WORKERS is 0', async () => {
    process.env.GASDESK_PUSH_WORKERS = '0';
    expect((await prepareBatch(COUNTER, body({ ops }))).ops).toHaveLength(ops.length);
    expect(preparePoolState().workers).toBe(0);
  });
});

describe('batches of one counter', () => {
  const gate = () => {
    let open!: () => void;
    const p = new Promise<void>((r) => {
      open = r;
    });
    return { p, open };
  };

  it('take the lock in sequence order: a batch waits for its predecessor being stored here', async () => {
    const order: string[] = [];
    const a = gate();
    const first = storingInOrder('c1', 1, 500, async () => {
      await a.p;
      order.push('1..500 done');
    });
    const second = storingInOrder('c1', 501, 1000, async (predecessor) => {
      await predecessor();
      order.push('501..1000 locks');
    });
    // Another counter's batch and a batch with no predecessor here do not wait.
    await storingInOrder('c2', 501, 1000, async (predecessor) => {
      await predecessor();
      order.push('other counter');
    });
    await storingInOrder('c1', 2001, 2500, async (predecessor) => {
      await predecessor();
      order.push('no predecessor here');
    });
    a.open();
    await Promise.all([first, second]);
    expect(order).toEqual(['other counter', 'no predecessor here', '1..500 done', '501..1000 locks']);
  });

  it('wait for a predecessor that failed, and never longer than the bound', async () => {
    const failing = storingInOrder('c3', 1, 10, async () => {
      throw new Error('refused');
    });
    await expect(storingInOrder('c3', 11, 20, async (p) => p().then(() => 'went on'))).resolves.toBe(
      'went on',
    );
    await expect(failing).rejects.toThrow('refused');
    const stuck = gate();
    void storingInOrder('c4', 1, 10, () => stuck.p);
    const t0 = performance.now();
    await storingInOrder('c4', 11, 20, (p) => p(), 100);
    expect(performance.now() - t0).toBeGreaterThanOrEqual(95);
    stuck.open();
  });
});
