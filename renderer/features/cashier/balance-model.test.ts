import { describe, expect, it } from 'vitest';
import { balanceView } from './balance-model';

describe('a balance as the counter shows it', () => {
  it('reads a negative balance as money owed, and any other as held', () => {
    expect(balanceView(-250)).toEqual({ owed: true, amount: 250 });
    expect(balanceView(0)).toEqual({ owed: false, amount: 0 });
    expect(balanceView(1_033)).toEqual({ owed: false, amount: 1_033 });
  });
});
