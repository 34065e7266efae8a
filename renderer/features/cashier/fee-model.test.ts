import { describe, expect, it } from 'vitest';
import { feeLines, qtyOf } from './fee-model';

const items = [
  { id: 'a', code: 'CARD', name: '补卡', amountFen: 2000, active: true },
  { id: 'b', code: 'METER', name: '换表', amountFen: 15000, active: true },
];

describe('fee quantities', () => {
  it('reads blank as none and refuses what is not a whole number up to 100', () => {
    expect(qtyOf(undefined)).toBe(0);
    expect(qtyOf(' ')).toBe(0);
    expect(qtyOf('3')).toBe(3);
    expect(qtyOf('1.5')).toBeUndefined();
    expect(qtyOf('101')).toBeUndefined();
  });

  it('adds up the chosen lines in 分', () => {
    const { lines, total } = feeLines(items, { a: '2', b: '1' });
    expect(lines.map((l) => [l.item.id, l.qty])).toEqual([
      ['a', 2],
      ['b', 1],
    ]);
    expect(total).toBe(19000);
    expect(feeLines(items, { a: 'x' }).total).toBe(0);
  });
});
