import { describe, expect, it } from 'vitest';
import type { Sale } from '../../../core/contract';
import { canReverse, refundable } from './sales-model';

function sale(patch: Partial<Sale>): Sale {
  return {
    id: 's1',
    receiptNo: 'R1',
    invoiceNo: null,
    kind: 'gas',
    status: 'pending_card_write',
    customer: null,
    businessDate: '2026-11-26',
    createdAt: '2026-11-26T08:00:00Z',
    shiftId: 'sh',
    operator: { id: 'o', displayName: '王芳' },
    approver: null,
    volume: 1000,
    amount: 3025,
    balanceUsed: 0,
    balanceAdded: 0,
    amountPaid: 3025,
    priceVersionId: null,
    periodStart: null,
    usedBefore: null,
    lines: [],
    tenders: [],
    correctsSaleId: null,
    correctedBy: [],
    reason: null,
    ...patch,
  };
}

describe('what may still be done with a sale', () => {
  it('reverses a gas sale once', () => {
    expect(canReverse(sale({}))).toBe(true);
    expect(
      canReverse(sale({ correctedBy: [{ id: 'r', kind: 'reversal', receiptNo: 'R2', amountPaid: -3025 }] })),
    ).toBe(false);
    expect(canReverse(sale({ kind: 'fee' }))).toBe(false);
  });

  it('refunds fees and failed card writes, less what was already paid back', () => {
    expect(refundable(sale({}))).toBe(0);
    expect(refundable(sale({ status: 'card_write_failed' }))).toBe(3025);
    expect(
      refundable(
        sale({ kind: 'fee', correctedBy: [{ id: 'f', kind: 'refund', receiptNo: 'R3', amountPaid: -1000 }] }),
      ),
    ).toBe(2025);
  });
});
