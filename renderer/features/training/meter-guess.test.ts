import { describe, expect, it } from 'vitest';
import { accountInSummary } from './meter-guess';

describe('training meter guess', () => {
  it('takes the account number from a card summary', () => {
    expect(accountInSummary('000001 用户 010101000001 第1次 10.00m³ 未入表')).toBe('010101000001');
    expect(accountInSummary('空白卡')).toBeUndefined();
  });
});
