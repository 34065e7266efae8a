import { describe, expect, it } from 'vitest';
import { cardProblemText, checkCard, compactDate, type IdCardText } from './resident-card';
import { parseIdCardSpec } from './spec';

const TODAY = '20261207';
const card: IdCardText = {
  name: '王小明',
  sex: '男',
  ethnicity: '汉',
  birthDate: '19850312',
  address: '北京市东城区和平里东街11号',
  idNumber: '110101198503120033',
  issuer: '北京市公安局东城分局',
  validFrom: '20150601',
  validUntil: '20350601',
};

describe('checkCard', () => {
  it('accepts a good card and gives dates with dashes', () => {
    const r = checkCard({ ...card, name: ' 王小明 ' }, TODAY);
    expect(r).toEqual({
      ok: true,
      card: expect.objectContaining({
        name: '王小明',
        birthDate: '1985-03-12',
        validUntil: '2035-06-01',
        expired: false,
      }),
    });
  });

  it('flags a card whose 有效期 ended before today, and not one ending today', () => {
    expect(checkCard({ ...card, validFrom: '20061207', validUntil: '20261206' }, TODAY)).toMatchObject({
      card: { expired: true },
    });
    expect(checkCard({ ...card, validFrom: '20061207', validUntil: '20261207' }, TODAY)).toMatchObject({
      card: { expired: false },
    });
    expect(checkCard({ ...card, validUntil: '长期' }, TODAY)).toMatchObject({ card: { validUntil: null } });
  });

  it('refuses a number that disagrees with the birth date or sex printed beside it', () => {
    const wrongBirth = checkCard({ ...card, birthDate: '19850313' }, TODAY);
    expect(wrongBirth.ok ? [] : cardProblemText(wrongBirth.problems)).toBe('公民身份号码与出生日期不符');
    const wrongSex = checkCard({ ...card, sex: '女' }, TODAY);
    expect(wrongSex.ok ? [] : cardProblemText(wrongSex.problems)).toBe('公民身份号码与性别不符');
  });

  it('refuses unreadable text, a missing name, impossible dates and an end before the start', () => {
    const r = checkCard(
      { ...card, name: '', address: '北京\uFFFD', birthDate: '19850230', validUntil: '20100101' },
      TODAY,
    );
    expect(r.ok ? [] : r.problems.map((p) => `${p.field}:${p.problem}`)).toEqual([
      'name:missing',
      'address:unreadable',
      'birthDate:date',
      'validUntil:date',
    ]);
  });
});

describe('compactDate and parseIdCardSpec', () => {
  it('reads the date forms SDKs give', () => {
    expect(
      ['19850312', '1985-03-12', '1985.03.12', '1985年03月12日', '19850230', '850312'].map(compactDate),
    ).toEqual(['19850312', '19850312', '19850312', '19850312', null, null]);
  });

  it('keeps a Windows drive colon in the path and takes only a trailing port', () => {
    expect(parseIdCardSpec('idcard:C:\\SDK\\Termb.dll')).toEqual({
      library: 'C:\\SDK\\Termb.dll',
      port: 1001,
    });
    expect(parseIdCardSpec('idcard:C:\\SDK\\Termb.dll:3')).toEqual({
      library: 'C:\\SDK\\Termb.dll',
      port: 3,
    });
    expect(parseIdCardSpec('idcard:/usr/lib/libtermb.so:1002')).toEqual({
      library: '/usr/lib/libtermb.so',
      port: 1002,
    });
    expect(parseIdCardSpec('idcard:/usr/lib/libtermb.so:17')).toBeNull();
    expect(parseIdCardSpec('hid:1:2')).toBeNull();
  });
});
