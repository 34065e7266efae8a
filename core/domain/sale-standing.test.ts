import { describe, expect, it } from 'vitest';
import { saleStanding } from './cash';

const sale = { kind: 'gas' as const, status: 'completed' as const, amountPaid: 15_400 };

describe('a sale’s standing: its reversal or refunds show instead of its own state', () => {
  it('is its own state while nothing corrected it', () => {
    expect(saleStanding({ ...sale, correctedBy: [] })).toEqual({
      code: 'completed',
      label: '已完成',
      by: [],
      paidBack: 0,
    });
    expect(saleStanding({ ...sale, status: 'card_write_failed', correctedBy: [] }).label).toBe('写卡失败');
  });

  it('is 已冲正 with the reversal’s receipt number once reversed', () => {
    const st = saleStanding({
      ...sale,
      correctedBy: [{ kind: 'reversal', receiptNo: '010101-00000014', amountPaid: -15_400 }],
    });
    expect(st).toEqual({ code: 'reversed', label: '已冲正', by: ['010101-00000014'], paidBack: 15_400 });
  });

  it('is 部分退款 until the refunds add up to what was paid, then 已退款', () => {
    const fee = { kind: 'fee' as const, status: 'completed' as const, amountPaid: 60_000 };
    const first = { kind: 'refund' as const, receiptNo: 'R-1', amountPaid: -30_000 };
    expect(saleStanding({ ...fee, correctedBy: [first] })).toMatchObject({
      code: 'partly_refunded',
      label: '部分退款',
      by: ['R-1'],
      paidBack: 30_000,
    });
    expect(saleStanding({ ...fee, correctedBy: [first, { ...first, receiptNo: 'R-2' }] })).toMatchObject({
      code: 'refunded',
      label: '已退款',
      by: ['R-1', 'R-2'],
      paidBack: 60_000,
    });
  });
});
