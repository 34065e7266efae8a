import { describe, expect, it } from 'vitest';
import {
  addressParts,
  allowedActions,
  CUSTOMER_STATUSES,
  formatAddress,
  maskIdNumber,
  nextStatus,
  STATUS_ACTIONS,
} from './customer';
import fc from 'fast-check';
import { bigrams, bigramTextFast, guessSearchKind, searchIndexText } from './search';

describe('customer status state machine', () => {
  it('allows exactly the legal moves', () => {
    const table = Object.fromEntries(
      CUSTOMER_STATUSES.map((s) => [s, Object.fromEntries(STATUS_ACTIONS.map((a) => [a, nextStatus(s, a)]))]),
    );
    expect(table).toEqual({
      active: { suspend: 'suspended', resume: null, close: 'closed', transfer: 'active' },
      suspended: { suspend: null, resume: 'active', close: 'closed', transfer: null },
      closed: { suspend: null, resume: null, close: null, transfer: null },
    });
  });
  it('a suspended customer cannot be transferred; a closed one can do nothing', () => {
    expect(allowedActions('suspended')).toEqual(['resume', 'close']);
    expect(allowedActions('closed')).toEqual([]);
  });
});

describe('customer helpers', () => {
  it('masks ID numbers', () => expect(maskIdNumber('11010519491231002X')).toBe('110105********002X'));
  it('formats addresses without doubling suffixes', () => {
    expect(
      formatAddress({ district: '牛山街道', community: '阳光花园', building: '3', unit: '2', room: '501' }),
    ).toBe('牛山街道阳光花园3栋2单元501');
    expect(
      formatAddress({
        district: '牛山街道',
        community: '阳光花园',
        building: '3栋',
        unit: '2单元',
        room: '501',
      }),
    ).toBe('牛山街道阳光花园3栋2单元501');
    expect(
      formatAddress({
        district: '牛山街道',
        community: '阳光花园',
        building: '3号楼',
        unit: null,
        room: '501',
      }),
    ).toBe('牛山街道阳光花园3号楼501');
  });
  it('gives the address in the parts a receipt line may break between', () => {
    const a = { district: '牛山街道', community: '阳光花园', building: '3', unit: '2', room: '1502' };
    expect(addressParts(a)).toEqual(['牛山街道', '阳光花园', '3栋', '2单元', '1502']);
    expect(addressParts({ ...a, unit: null })).toEqual(['牛山街道', '阳光花园', '3栋', '1502']);
    expect(addressParts(a).join('')).toBe(formatAddress(a));
  });
});

describe('search', () => {
  it('bigrams Chinese text, ignoring punctuation', () => {
    expect(bigrams('阳光花园')).toEqual(['阳光', '光花', '花园']);
    expect(bigrams('3栋-2')).toEqual(['3栋', '2']);
    expect(bigrams('王')).toEqual(['王']);
  });
  it('makes the index text in one pass exactly as the general path, or declines', () => {
    const alphabet = [
      '阳',
      '光',
      '花',
      '园',
      '王',
      '一',
      '龥',
      'A',
      'z',
      '0',
      '9',
      ' ',
      '-',
      '#',
      '·',
      '（',
      'É',
      '１',
      '𠀀',
    ];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...alphabet), { maxLength: 24 }), (chars) => {
        const text = chars.join('');
        const fast = bigramTextFast(text);
        const general = bigrams(text).join(' ');
        if (fast !== null) expect(fast).toBe(general);
        // It declines exactly when the text holds something beyond ASCII and the CJK block.
        expect(fast === null).toBe([...text].some((ch) => ch > '\u007f' && (ch < '一' || ch > '\u9fff')));
        expect(searchIndexText(text, text)).toEqual({ name: general, address: general });
      }),
      { numRuns: 3000 },
    );
    expect(bigramTextFast('虞山街道阳光花园3栋2单元1201')).toBe(
      '虞山 山街 街道 道阳 阳光 光花 花园 园3 3栋 栋2 2单 单元 元1 12 20 01',
    );
    expect(bigramTextFast('Room B-2')).toBe('ro oo om b 2');
  });
  it('guesses the kind of a query', () => {
    expect(guessSearchKind('11010519491231002X')).toBe('idNumber');
    expect(guessSearchKind('13812345678')).toBe('phone');
    expect(guessSearchKind('010101000001')).toBe('accountNo');
    expect(guessSearchKind('M000000001')).toBe('meterNo');
    expect(guessSearchKind('张丽')).toBe('name');
    expect(guessSearchKind('阳光花园3栋')).toBe('address');
  });
});
