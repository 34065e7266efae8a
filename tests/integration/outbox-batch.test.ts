import type Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import type { WireOp } from '../../core/sync/wire';
import { outboxBatchJson } from '../../db';
import { App } from '../../services/app';
import { chainOps, syntheticOutbox, writeOutbox } from '../sim/synthetic-ops';
import { tempDir } from '../support/app';

const COUNTER = '0192f000-0000-7000-8000-0000000000c1';
const apps: App[] = [];
afterEach(() => {
  for (const a of apps.splice(0)) a.close();
});

function counterWith(ops: WireOp[]): Database.Database {
  const app = new App({ dataDir: tempDir() });
  apps.push(app);
  writeOutbox(app.gdb.sqlite, ops);
  return app.gdb.sqlite;
}

/** An op with its fields in the wire's order (WireOp's), as the counter's outbox is read. */
const inWireOrder = (o: WireOp): WireOp => ({
  seq: o.seq,
  id: o.id,
  counterId: o.counterId,
  type: o.type,
  entityType: o.entityType,
  entityId: o.entityId,
  payload: o.payload,
  operatorId: o.operatorId,
  approverId: o.approverId,
  hlc: o.hlc,
  createdAt: o.createdAt,
  prevHash: o.prevHash,
  hash: o.hash,
});

/** Text that JSON must escape, or must not: quotes, backslashes, control characters, Chinese, an emoji, U+2028. */
const AWKWARD = 'a"b\\c\n\t\u0001\u001f\u007f\u2028 王芳 😀 </script> \b\f\r';

describe('a push batch read from the outbox as JSON', () => {
  it('is the JSON.stringify of its operations, byte for byte, in sequence order', () => {
    const plain = syntheticOutbox(COUNTER, 300, { priceVersionId: 'any-price-version' });
    const last = plain[plain.length - 1]!;
    const awkward = chainOps(
      [
        {
          id: '0192f000-0000-7000-8000-00000000a001',
          type: 'customer.updated',
          entityType: 'customer',
          entityId: AWKWARD,
          payload: JSON.stringify({ note: AWKWARD, nested: { q: '"' } }),
          operatorId: AWKWARD,
          approverId: null,
          hlc: AWKWARD,
          createdAt: '2026-03-02T09:00:00.000Z',
        },
      ],
      COUNTER,
      { seq: last.seq, hash: last.hash },
    );
    const ops = [...plain, ...awkward].map(inWireOrder);
    const db = counterWith(ops);
    const b = outboxBatchJson(db, 0, 1_000, 64 * 1024 * 1024)!;
    expect(Buffer.from(b.opsJson).toString('utf8') === JSON.stringify(ops)).toBe(true);
    expect(b).toMatchObject({ count: 301, last: 301 });
    const tail = outboxBatchJson(db, 250, 20, 64 * 1024 * 1024)!;
    expect(JSON.parse(Buffer.from(tail.opsJson).toString('utf8'))).toEqual(ops.slice(250, 270));
    expect(tail).toMatchObject({ count: 20, last: 270 });
    expect(outboxBatchJson(db, 301, 500, 64 * 1024 * 1024)).toBeNull();
  });

  it('stays within its byte budget, but always carries at least one operation', () => {
    const ops = syntheticOutbox(COUNTER, 200, { priceVersionId: 'any-price-version' });
    const db = counterWith(ops);
    const whole = outboxBatchJson(db, 0, 200, 64 * 1024 * 1024)!;
    const budget = Math.floor(whole.opsJson.byteLength / 3);
    let after = 0;
    const sizes: number[] = [];
    while (after < 200) {
      const b = outboxBatchJson(db, after, 200, budget)!;
      expect(b.opsJson.byteLength).toBeLessThanOrEqual(budget);
      expect(JSON.parse(Buffer.from(b.opsJson).toString('utf8'))).toEqual(ops.slice(after, b.last));
      sizes.push(b.count);
      after = b.last;
    }
    expect(sizes.length).toBeGreaterThanOrEqual(3);
    expect(sizes.reduce((a, n) => a + n, 0)).toBe(200);
    // A budget smaller than any one operation still moves the outbox on, one at a time.
    expect(outboxBatchJson(db, 0, 200, 10)).toMatchObject({ count: 1, last: 1 });
  });
});
