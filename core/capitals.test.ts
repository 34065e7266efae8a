import { describe, expect, it } from 'vitest';
import { toChineseCapitals } from './capitals';

describe('amounts in Chinese capitals (大写)', () => {
  it.each([
    [123450, '壹仟贰佰叁拾肆元伍角整'],
    [12345, '壹佰贰拾叁元肆角伍分'],
    [10007, '壹佰元零柒分'],
    [0, '零元整'],
    [5, '伍分'],
    [50, '伍角整'],
    [100, '壹元整'],
    [100000, '壹仟元整'],
    [1000100, '壹万零壹元整'],
    [10000000, '壹拾万元整'],
    [100050000, '壹佰万零伍佰元整'],
    [1000000000000, '壹佰亿元整'],
    [10100000000, '壹亿零壹佰万元整'],
    [-275, '负贰元柒角伍分'],
    [20300, '贰佰零叁元整'],
    [1001000, '壹万零壹拾元整'],
  ])('%d fen → %s', (fen, text) => {
    expect(toChineseCapitals(fen)).toBe(text);
  });
  it('refuses fractions of a fen', () => {
    expect(() => toChineseCapitals(1.5)).toThrow(RangeError);
  });
});
