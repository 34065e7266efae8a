import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pushRequestSchema } from './wire';
import { isPushRequest } from './wire-shape';

const op = (seq: number) => ({
  seq,
  id: `01900000-0000-7000-8000-${String(seq).padStart(12, '0')}`,
  counterId: '01900000-0000-7000-8000-0000000000aa',
  type: 'sale.gasSold',
  entityType: 'sale',
  entityId: 's1',
  payload: '{"id":"s1","amount":3050}',
  operatorId: 'op',
  approverId: null,
  hlc: '001772413200000-00000-0000000000aa',
  createdAt: '2026-03-02T01:00:00.000Z',
  prevHash: 'a'.repeat(64),
  hash: 'b'.repeat(64),
});
const request = () => ({ ops: [op(1), op(2)], knowledge: { cursor: 3, afterSeq: 0 } });

const FIELDS = Object.keys(op(1));
const ODD = [
  undefined,
  null,
  '',
  'x',
  'A'.repeat(65),
  'a'.repeat(64),
  'c'.repeat(129),
  0,
  -1,
  1.5,
  2 ** 60,
  Number.NaN,
  true,
  [],
  {},
  '01900000-0000-7000-8000-00000000000G',
  '001772413200000-00000-',
  '2026-03-02T01:00:00+08:00',
  '2026-03-02 01:00:00',
  'nul\u0000',
  'half \ud800 pair',
  '001772413200000-00000-\udc00',
];

type Change = { at: 'op' | 'knowledge' | 'root'; index: number; field: string; value: unknown };

function apply(changes: Change[]): unknown {
  const r: Record<string, unknown> = request();
  const ops = (r.ops as Record<string, unknown>[]).map((o) => ({ ...o }));
  r.ops = ops;
  for (const c of changes) {
    const target =
      c.at === 'op' ? ops[c.index % ops.length]! : c.at === 'knowledge' ? (r.knowledge as object) : r;
    if (typeof target !== 'object' || target === null) continue; // knowledge already replaced
    if (c.at === 'root' && c.field === 'ops') r.ops = c.value;
    else if (c.value === undefined) delete (target as Record<string, unknown>)[c.field];
    else (target as Record<string, unknown>)[c.field] = c.value;
  }
  return r;
}

describe('the quick push request check', () => {
  it('accepts exactly what the schema accepts, whatever is changed or removed', () => {
    expect(isPushRequest(request())).toBe(true);
    const change = fc.oneof(
      fc.record({
        at: fc.constant('op' as const),
        index: fc.nat(3),
        field: fc.constantFrom(...FIELDS, 'extra'),
        value: fc.constantFrom(...ODD),
      }),
      fc.record({
        at: fc.constant('knowledge' as const),
        index: fc.constant(0),
        field: fc.constantFrom('cursor', 'afterSeq'),
        value: fc.constantFrom(...ODD),
      }),
      fc.record({
        at: fc.constant('root' as const),
        index: fc.constant(0),
        field: fc.constantFrom('ops', 'knowledge'),
        value: fc.constantFrom(...ODD),
      }),
    );
    fc.assert(
      fc.property(fc.array(change, { minLength: 1, maxLength: 3 }), (changes) => {
        const v = apply(changes);
        expect(isPushRequest(v)).toBe(pushRequestSchema.safeParse(v).success);
      }),
      { numRuns: 5000 },
    );
  });

  it('holds the batch and payload limits as the schema does', () => {
    const many = { ops: Array.from({ length: 1001 }, (_, i) => op(i + 1)) };
    expect(isPushRequest(many)).toBe(false);
    expect(pushRequestSchema.safeParse(many).success).toBe(false);
    expect(isPushRequest({ ops: [] })).toBe(false);
    const big = { ops: [{ ...op(1), payload: 'x'.repeat(64 * 1024 + 1) }] };
    expect(isPushRequest(big)).toBe(pushRequestSchema.safeParse(big).success);
    expect(isPushRequest({ ops: [{ ...op(1), payload: 'x'.repeat(64 * 1024) }] })).toBe(true);
    expect(isPushRequest({ ops: [op(1)] })).toBe(true);
  });
});
