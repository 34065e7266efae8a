import { describe, expect, it } from 'vitest';
import { zhCN } from '../../i18n/zh-cn';
import { denominationLabel, denominationTotal, piecesOf } from './denomination-model';

describe('counting the drawer by denomination', () => {
  it('totals the pieces in 分, blanks as none', () => {
    expect(denominationTotal({ 10000: '17', 5000: '1', 100: '6', 50: '', 10: '3' })).toBe(175630);
    expect(denominationTotal(undefined)).toBe(0);
    expect(piecesOf('2.5')).toBeUndefined();
  });

  it('names notes in 元 and coins in 角', () => {
    expect(denominationLabel(zhCN, 10000)).toBe('100 元');
    expect(denominationLabel(zhCN, 50)).toBe('5 角');
  });
});
