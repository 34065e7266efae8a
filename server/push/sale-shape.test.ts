import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { syntheticOutbox } from '../../tests/sim/synthetic-ops';
import { salePayloadSchema } from './payloads';
import { isSalePayload } from './sale-shape';

/** A gas sale as a counter writes it (synthetic-ops.ts), with a second tier's line added. */
const GAS_SALE = syntheticOutbox('01900000-0000-7000-8000-0000000000aa', 40).find(
  (o) => o.type === 'sale.gasSold',
)!;
const sale = () => {
  const p = JSON.parse(GAS_SALE.payload) as {
    lines: Record<string, unknown>[];
    tenders: Record<string, unknown>[];
  };
  return { ...p, lines: [p.lines[0]!, { ...p.lines[0]!, lineNo: 2, tier: 2, name: '第2档' }] };
};

const FIELDS = Object.keys(sale());
const LINE_FIELDS = Object.keys(sale().lines[0]!);
const TENDER_FIELDS = Object.keys(sale().tenders[0]!);
const ODD = [
  undefined,
  null,
  '',
  'x',
  0,
  -1,
  1,
  2,
  1.5,
  2 ** 31,
  -(2 ** 31),
  2 ** 53,
  2 ** 60,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  true,
  [],
  {},
  [{}],
];

type Change = { at: 'sale' | 'line' | 'tender'; index: number; field: string; value: unknown };

function apply(changes: Change[]): unknown {
  const s: Record<string, unknown> = sale();
  const lines = (s.lines as Record<string, unknown>[]).map((l) => ({ ...l }));
  const tenders = (s.tenders as Record<string, unknown>[]).map((t) => ({ ...t }));
  s.lines = lines;
  s.tenders = tenders;
  for (const c of changes) {
    const target = c.at === 'sale' ? s : c.at === 'line' ? lines[c.index % 2]! : tenders[0]!;
    if (c.value === undefined) delete target[c.field];
    else target[c.field] = c.value;
  }
  return s;
}

describe('the quick sale payload check', () => {
  it('accepts exactly what the schema accepts, whatever is changed or removed', () => {
    expect(isSalePayload(sale())).toBe(true);
    const field = (at: Change['at'], names: string[]) =>
      fc.record({
        at: fc.constant(at),
        index: fc.nat(3),
        field: fc.constantFrom(...names, 'extra'),
        value: fc.constantFrom(...ODD),
      });
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(field('sale', FIELDS), field('line', LINE_FIELDS), field('tender', TENDER_FIELDS)),
          {
            minLength: 1,
            maxLength: 3,
          },
        ),
        (changes) => {
          const v = apply(changes);
          expect(isSalePayload(v)).toBe(salePayloadSchema.safeParse(v).success);
        },
      ),
      { numRuns: 5000 },
    );
  });

  it('refuses a line or tender number given twice, as the schema does', () => {
    const s = sale();
    const twice = { ...s, lines: [s.lines[0], { ...s.lines[1], lineNo: 1 }] };
    expect(isSalePayload(twice)).toBe(false);
    expect(salePayloadSchema.safeParse(twice).success).toBe(false);
    const tenders = { ...s, tenders: [s.tenders[0], s.tenders[0]] };
    expect(isSalePayload(tenders)).toBe(false);
    expect(salePayloadSchema.safeParse(tenders).success).toBe(false);
  });
});
