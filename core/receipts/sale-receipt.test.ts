import { describe, expect, it } from 'vitest';
import { addressLineParts } from './sale-receipt';

describe('the address on a receipt, in the parts its line may break between', () => {
  it('takes the customer file’s parts when they make this address', () => {
    expect(
      addressLineParts('牛山街道翠湖观邸12栋3单元1502', ['牛山街道', '翠湖观邸', '12栋', '3单元', '1502']),
    ).toEqual(['牛山街道', '翠湖观邸', '12栋', '3单元', '1502']);
  });

  it('else cuts after 栋 / 幢 / 号楼 / 单元, so the room number stays whole', () => {
    expect(addressLineParts('牛山街道翠湖观邸12栋3单元1502')).toEqual([
      '牛山街道翠湖观邸12栋',
      '3单元',
      '1502',
    ]);
    expect(addressLineParts('虞山镇新村5号楼201', ['对不上的', '部分'])).toEqual(['虞山镇新村5号楼', '201']);
    expect(addressLineParts('城东小区7幢')).toEqual(['城东小区7幢']);
  });
});
