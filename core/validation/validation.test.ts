import { describe, expect, it } from 'vitest';
import { creditCodeCheckChar, isValidCreditCode } from './credit-code';
import { isValidPhone, normalisePhone, writtenPhone, writtenPhoneProblem } from './phone';
import { checkResidentId, isRealDate, residentIdCheckChar } from './resident-id';

const TODAY = '20261126';

describe('resident ID (GB 11643)', () => {
  it('accepts the standard example and a computed check digit', () => {
    expect(checkResidentId('11010519491231002X', TODAY)).toBeNull();
    const first17 = '32072219850612123';
    expect(checkResidentId(first17 + residentIdCheckChar(first17), TODAY)).toBeNull();
  });
  it('names what is wrong', () => {
    expect(checkResidentId('110105194912310021', TODAY)).toBe('check-digit');
    expect(checkResidentId('11010519491231002', TODAY)).toBe('format');
    expect(checkResidentId('990105194912310021', TODAY)).toBe('area');
    const feb30 = '11010519490230002';
    expect(checkResidentId(feb30 + residentIdCheckChar(feb30), TODAY)).toBe('birth-date');
    const future = '11010520300101002';
    expect(checkResidentId(future + residentIdCheckChar(future), TODAY)).toBe('birth-date');
  });
  it('every single-digit change of a valid number is caught by the check character', () => {
    const id = '11010519491231002X';
    for (let i = 0; i < 17; i++) {
      const d = (Number(id[i]) + 1) % 10;
      const bad = id.slice(0, i) + d + id.slice(i + 1);
      expect(checkResidentId(bad, TODAY)).not.toBeNull();
    }
  });
  it('knows leap years', () => {
    expect(isRealDate('20000229')).toBe(true);
    expect(isRealDate('19000229')).toBe(false);
    expect(isRealDate('20240229')).toBe(true);
  });
});

describe('credit code (GB 32100)', () => {
  it('validates the check character', () => {
    const first17 = '91320722MA1N2X3Y4';
    const code = first17 + creditCodeCheckChar(first17);
    expect(isValidCreditCode(code)).toBe(true);
    expect(isValidCreditCode(`${first17}${code.endsWith('0') ? '1' : '0'}`)).toBe(false);
    expect(isValidCreditCode('91320722MA1N2X3Y4I')).toBe(false);
  });
});

describe('phone numbers', () => {
  it('accepts mobiles and landlines with area code', () => {
    for (const p of ['13812345678', '+86 138 1234 5678', '0518-87654321', '02112345678', '(0518) 8765432'])
      expect(isValidPhone(p)).toBe(true);
    expect(normalisePhone('+86 138 1234 5678')).toBe('13812345678');
    expect(normalisePhone('0518-87654321')).toBe('051887654321');
  });
  it('refuses the rest', () => {
    for (const p of ['12812345678', '1381234567', '87654321', 'abc', '']) expect(isValidPhone(p)).toBe(false);
  });
  it('keeps the way a number is written, and says what is wrong with a written form', () => {
    expect(writtenPhone(' 0571-87654321 ')).toBe('0571-87654321');
    expect(writtenPhone('（0571）  87654321')).toBe('(0571) 87654321');
    expect(writtenPhoneProblem('0571-87654321')).toBeNull();
    expect(writtenPhoneProblem('+86 138 1234 5678')).toBeNull();
    expect(writtenPhoneProblem('0571/87654321')).toBe('characters');
    expect(writtenPhoneProblem('0571-8765432l')).toBe('characters');
    expect(writtenPhoneProblem('0571 - 8765 - 4321 - 00 - 0')).toBe('length');
    expect(writtenPhoneProblem('0571-8765-432-1')).toBe('ending');
  });
});
