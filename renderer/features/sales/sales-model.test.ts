import { describe, expect, it } from 'vitest';
import type { Sale } from '../../../core/contract';
import {
  canReverse,
  cardWriteAction,
  refundable,
  reversesOnCard,
  topUpCandidate,
  unsettledOf,
} from './sales-model';

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
    expect(canReverse(sale({ status: 'card_write_failed' }))).toBe(false);
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

  it('writes a waiting sale, rewrites a failed one, and reverses a written one on its card', () => {
    expect(cardWriteAction(sale({}))).toBe('write');
    expect(cardWriteAction(sale({ status: 'card_write_failed' }))).toBe('rewrite');
    expect(cardWriteAction(sale({ status: 'completed' }))).toBeNull();
    expect(
      cardWriteAction(
        sale({
          status: 'card_write_failed',
          correctedBy: [{ id: 'f', kind: 'refund', receiptNo: 'R3', amountPaid: -3025 }],
        }),
      ),
    ).toBeNull();
    expect(reversesOnCard(sale({ status: 'completed' }))).toBe(true);
    expect(reversesOnCard(sale({}))).toBe(false);
  });

  it('offers 掉气补气 only for the latest gas sale, written and not corrected', () => {
    const fee = sale({ id: 'f1', kind: 'fee', status: 'completed' });
    const last = sale({ id: 'g2', status: 'completed' });
    const before = sale({ id: 'g1', status: 'completed' });
    expect(topUpCandidate([fee, last, before])).toBe('g2');
    expect(topUpCandidate([sale({ id: 'g3' }), last])).toBeUndefined();
    expect(
      topUpCandidate([
        sale({
          id: 'g4',
          status: 'completed',
          correctedBy: [{ id: 'r', kind: 'reversal', receiptNo: 'R9', amountPaid: -1 }],
        }),
      ]),
    ).toBeUndefined();
    expect(topUpCandidate([])).toBeUndefined();
  });

  it('lists the paid gas sales whose gas is not on a card: waiting or failed, not refunded', () => {
    const waiting = sale({ id: 'w' });
    const failed = sale({ id: 'f', status: 'card_write_failed' });
    const refunded = sale({
      id: 'r',
      status: 'card_write_failed',
      correctedBy: [{ id: 'x', kind: 'refund', receiptNo: 'R4', amountPaid: -3025 }],
    });
    const written = sale({ id: 'c', status: 'completed' });
    const fee = sale({ id: 'fee', kind: 'fee', status: 'completed' });
    expect(unsettledOf([waiting, written, failed, refunded, fee]).map((s) => s.id)).toEqual(['w', 'f']);
  });
});
