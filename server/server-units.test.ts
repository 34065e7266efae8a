import { OP_SPECS } from '../core/sync/ops';
import { RULES } from './push/rules';
import { describe, expect, it } from 'vitest';
import { decodeHlc } from '../core/hlc';
import type { AppError } from '../core/errors';
import { hlcAfter } from './hlc';
import { verifyChain } from './push/receive';
import { chainOps, syntheticOutbox } from '../tests/sim/synthetic-ops';

describe('head office HLC stamps', () => {
  it('are later than every stamp given, whatever the wall clock says', () => {
    const a = '001800000000000-00007-counterA';
    const b = '001700000000000-99999-counterB';
    const h = hlcAfter(1_600_000_000_000, a, b);
    expect(h > a && h > b).toBe(true);
    expect(decodeHlc(h)).toEqual({ ms: 1_800_000_000_000, counter: 8, node: 'headoffice' });
    expect(decodeHlc(hlcAfter(1_900_000_000_000, a))).toEqual({
      ms: 1_900_000_000_000,
      counter: 0,
      node: 'headoffice',
    });
    expect(decodeHlc(hlcAfter(0, '001700000000000-99999-x')).ms).toBe(1_700_000_000_001);
  });
});

describe('batch verification', () => {
  const ops = syntheticOutbox('counter-1', 30, { priceVersionId: 'any-price-version' });
  const code = (f: () => unknown) => {
    try {
      f();
      return null;
    } catch (e) {
      return (e as AppError).code;
    }
  };
  it('accepts a contiguous chain in any order, sorted', () => {
    expect(verifyChain('counter-1', [...ops].reverse()).map((o) => o.seq)).toEqual(ops.map((o) => o.seq));
  });
  it('refuses another counter’s op, a gap, an altered op and a broken link', () => {
    expect(code(() => verifyChain('counter-2', ops))).toBe('SYNC_FOREIGN_OPS');
    expect(code(() => verifyChain('counter-1', [...ops.slice(0, 5), ...ops.slice(6)]))).toBe(
      'SYNC_CHAIN_BROKEN',
    );
    expect(
      code(() =>
        verifyChain(
          'counter-1',
          ops.map((o, i) => (i === 3 ? { ...o, payload: '{}' } : o)),
        ),
      ),
    ).toBe('SYNC_CHAIN_BROKEN');
    const other = chainOps([{ ...ops[4]!, payload: '{"x":1}' }], 'counter-1', { seq: 4, hash: ops[3]!.hash });
    expect(code(() => verifyChain('counter-1', [...ops.slice(0, 4), other[0]!, ...ops.slice(5)]))).toBe(
      'SYNC_CHAIN_BROKEN',
    );
  });
});

describe('the rules head office applies', () => {
  it('cover exactly the operation types the contract says head office applies', () => {
    const applies = OP_SPECS.filter((s) => s.headOffice === 'applies').map((s) => s.type);
    expect(Object.keys(RULES).sort()).toEqual([...applies].sort());
  });
});
