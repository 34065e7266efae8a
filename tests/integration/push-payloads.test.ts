/**
 * A pushed payload head office cannot store as it is — a string with a NUL or an unpaired surrogate (reachable
 * only through a `\u` escape in the payload's JSON), a number too large for its `integer` column — quarantines
 * its operation with a reason; the operation is still stored as sent, and the rest of the batch is applied.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enrollDevice } from '../sim/bench-push';
import { chainOps, syntheticOutbox } from '../sim/synthetic-ops';
import { publishDemoCatalogue, startHeadOffice, type TestHeadOffice } from '../support/head-office';
import { signed } from '../support/signed';

let ho: TestHeadOffice;
let dev: Awaited<ReturnType<typeof enrollDevice>>;
let pv: string;

beforeAll(async () => {
  ho = await startHeadOffice();
  pv = (await publishDemoCatalogue(ho)).residential;
  dev = await enrollDevice(ho, '0101', '01');
});
afterAll(async () => ho?.close());

const count = async (sql: string, params: unknown[] = []) =>
  (await ho.store.query<{ n: number }>(sql, params))[0]!.n;

describe('payloads head office cannot store as they are', () => {
  it('quarantine their operations and block nothing behind them', async () => {
    const ops = syntheticOutbox(dev.counterId, 80, { priceVersionId: pv });
    const sales = ops.filter((o) => o.type === 'sale.gasSold');
    const [nul, surrogate, huge, emoji] = sales;
    const edit = (id: string, change: (p: Record<string, never>) => unknown) =>
      ops.map((o) => (o.id === id ? { ...o, payload: JSON.stringify(change(JSON.parse(o.payload))) } : o));
    let edited = edit(nul!.id, (p) => ({ ...p, receiptNo: 'R\u0000' }));
    edited = edited.map((o) =>
      o.id === surrogate!.id
        ? { ...o, payload: o.payload.replace('"receiptNo":"', '"receiptNo":"\\ud800') }
        : o,
    );
    // Escaped as counters wrote payloads before 2026-12 (ASCII): Chinese and an emoji's surrogate pair are storable.
    const ascii = (v: unknown) =>
      JSON.stringify(v).replace(
        /[\u0080-\uffff]/g,
        (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
      );
    edited = edited.map((o) =>
      o.id === emoji!.id ? { ...o, payload: ascii({ ...JSON.parse(o.payload), reason: '顾客留言😀' }) } : o,
    );
    const ops2 = edited;
    edited = ops2.map((o) =>
      o.id === huge!.id
        ? {
            ...o,
            payload: JSON.stringify({
              ...JSON.parse(o.payload),
              lines: JSON.parse(o.payload).lines.map((l: object) => ({ ...l, lineNo: 2 ** 31 })),
            }),
          }
        : o,
    );
    const chained = chainOps(edited, dev.counterId);
    const r = await signed(ho.url, dev, 'POST', '/v1/push', { ops: chained });
    expect(r.status).toBe(200);
    expect(r.body.ackedSeq).toBe(80);
    const q = r.body.quarantined as { id: string; code: string; reason: string }[];
    const byId = new Map(q.map((x) => [x.id, x]));
    expect(byId.get(nul!.id)).toMatchObject({
      code: 'TEXT_REFUSED',
      reason: expect.stringMatching(/receiptNo 含有不可见或控制字符/),
    });
    expect(byId.get(surrogate!.id)).toMatchObject({
      code: 'TEXT_REFUSED',
      reason: expect.stringMatching(/receiptNo 含有无效的字符（不成对的代理项）/),
    });
    expect(byId.get(huge!.id)).toMatchObject({
      code: 'PAYLOAD_INVALID',
      reason: expect.stringMatching(/^业务内容不符合 sale\.gasSold：lines\.0\.lineNo/),
    });
    // Each held its sale back; their card-write outcomes follow them into quarantine, nothing else does.
    expect(q.filter((x) => x.code !== 'UNKNOWN_SALE')).toHaveLength(3);
    expect(await count('SELECT count(*)::int AS n FROM ops')).toBe(80);
    expect(await count("SELECT count(*)::int AS n FROM ops WHERE state = 'quarantined'")).toBe(q.length);
    expect(await count('SELECT count(*)::int AS n FROM sales')).toBe(
      chained.filter((o) => o.type.startsWith('sale.') && !o.type.startsWith('sale.card')).length - 3,
    );
    const kept = await ho.store.query<{ reason: string; name: string }>(
      'SELECT s.reason, l.name FROM sales s JOIN sale_lines l ON l.sale_id = s.id WHERE s.id = $1',
      [JSON.parse(emoji!.payload).id],
    );
    expect(kept).toEqual([{ reason: '顾客留言😀', name: '第1档' }]);
    // The operations themselves are stored exactly as sent: their hashes still recompute.
    const stored = await ho.store.query<{ payload: string }>(
      'SELECT payload FROM ops WHERE id = ANY($1) ORDER BY seq',
      [[nul!.id, surrogate!.id]],
    );
    expect(stored.map((s) => s.payload)).toEqual(
      chained.filter((o) => o.id === nul!.id || o.id === surrogate!.id).map((o) => o.payload),
    );
  });

  it('quarantine a sale that numbers two lines alike, and store a sale id given twice once, with its own lines', async () => {
    const before = await count('SELECT count(*)::int AS n FROM ops WHERE counter_id = $1', [dev.counterId]);
    const head = await ho.store.query<{ seq: number; hash: string }>(
      'SELECT seq, hash FROM ops WHERE counter_id = $1 ORDER BY seq DESC LIMIT 1',
      [dev.counterId],
    );
    const ops = syntheticOutbox(dev.counterId, 200, { priceVersionId: pv }).slice(80);
    const sales = ops.filter((o) => o.type === 'sale.gasSold');
    const [twoLines, first, again] = sales;
    const firstPayload = JSON.parse(first!.payload);
    const edited = ops.map((o) => {
      if (o.id === twoLines!.id) {
        const p = JSON.parse(o.payload);
        return { ...o, payload: JSON.stringify({ ...p, lines: [p.lines[0], p.lines[0]] }) };
      }
      // Another op carrying the very sale of `first` (same id), with one more line.
      if (o.id === again!.id)
        return {
          ...o,
          payload: JSON.stringify({
            ...firstPayload,
            lines: [...firstPayload.lines, { ...firstPayload.lines[0], lineNo: 99 }],
          }),
        };
      return o;
    });
    const chained = chainOps(edited, dev.counterId, { seq: head[0]!.seq, hash: head[0]!.hash });
    const r = await signed(ho.url, dev, 'POST', '/v1/push', { ops: chained });
    expect(r.status).toBe(200);
    expect(await count('SELECT count(*)::int AS n FROM ops WHERE counter_id = $1', [dev.counterId])).toBe(
      before + chained.length,
    );
    const q = r.body.quarantined as { id: string; code: string; reason: string }[];
    expect(q.find((x) => x.id === twoLines!.id)).toMatchObject({
      code: 'PAYLOAD_INVALID',
      reason: expect.stringMatching(/明细行号重复/),
    });
    // The sale id went in once, from the first op that carried it, with that op's lines only.
    const rows = await ho.store.query<{ op_seq: number }>('SELECT op_seq FROM sales WHERE id = $1', [
      firstPayload.id,
    ]);
    expect(rows.map((x) => x.op_seq)).toEqual([chained.find((o) => o.id === first!.id)!.seq]);
    expect(
      await count('SELECT count(*)::int AS n FROM sale_lines WHERE sale_id = $1', [firstPayload.id]),
    ).toBe(firstPayload.lines.length);
  });
});
