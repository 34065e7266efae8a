import { describe, expect, it } from 'vitest';
import { changeOf, rowAmounts, tenderProblems, toTenders } from './tender-model';

describe('tender panel arithmetic', () => {
  it('one cash row pays the whole amount due, with change from 实收', () => {
    const rows = [{ method: 'cash' as const, received: '200' }];
    expect(rowAmounts(12345, rows)).toEqual([12345]);
    expect(changeOf(12345, rows)).toBe(7655);
    expect(toTenders(12345, rows)).toEqual([{ method: 'cash', amount: 12345, received: 20000 }]);
    expect(tenderProblems(12345, rows)).toEqual([]);
  });

  it('split tenders: the first row pays the remainder; non-cash rows need a reference', () => {
    const rows = [
      { method: 'cash' as const },
      { method: 'wechat' as const, amount: '50.10', reference: ' WX001 ' },
    ];
    expect(rowAmounts(10000, rows)).toEqual([4990, 5010]);
    expect(toTenders(10000, rows)).toEqual([
      { method: 'cash', amount: 4990 },
      { method: 'wechat', amount: 5010, reference: 'WX001' },
    ]);
    expect(tenderProblems(10000, [rows[0]!, { method: 'alipay', amount: '1' }])).toEqual([
      { path: [1, 'reference'], problem: 'referenceRequired' },
    ]);
  });

  it('flags short cash, bad amounts and overpayment', () => {
    expect(tenderProblems(1000, [{ method: 'cash', received: '9.99' }])).toEqual([
      { path: [0, 'received'], problem: 'receivedShort' },
    ]);
    expect(
      tenderProblems(1000, [{ method: 'cash' }, { method: 'bank_card', amount: '1.234', reference: 'x' }]),
    ).toEqual([{ path: [1, 'amount'], problem: 'amountInvalid' }]);
    expect(
      tenderProblems(1000, [{ method: 'cash' }, { method: 'bank_card', amount: '11', reference: 'x' }]),
    ).toEqual([
      { path: [0, 'amount'], problem: 'overpaid' },
      { path: [1, 'amount'], problem: 'overpaid' },
    ]);
  });

  it('a first row left with nothing to pay is left out; refunds take no 实收', () => {
    const rows = [
      { method: 'cash' as const, received: '100' },
      { method: 'wechat' as const, amount: '10', reference: 'R' },
    ];
    expect(toTenders(1000, rows)).toEqual([{ method: 'wechat', amount: 1000, reference: 'R' }]);
    expect(toTenders(500, [{ method: 'cash', received: '100' }], { refund: true })).toEqual([
      { method: 'cash', amount: 500 },
    ]);
  });
});
