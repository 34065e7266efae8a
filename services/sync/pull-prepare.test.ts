import { describe, expect, it } from 'vitest';
import { AppError } from '../../core/errors';
import { packPage, preparePage, unpackPage } from './pull-prepare';

const ME = 'c0000000-0000-7000-8000-0000000000aa';
const OTHER = 'c0000000-0000-7000-8000-0000000000bb';

const customer = (i: number, meters: number) => ({
  id: `c0000000-0000-7000-8000-${String(i).padStart(12, '0')}`,
  accountNo: `0199${String(i).padStart(8, '0')}`,
  name: '王芳',
  idNumber: null,
  creditCode: null,
  phone: '13800138000',
  altPhone: null,
  address: { district: '虞山街道', community: '阳光花园', building: '3栋', unit: '2单元', room: '301' },
  fullAddress: '虞山街道阳光花园3栋2单元301',
  userClass: 'residential',
  householdSize: 3,
  inspection: { status: 'normal', date: '2025-06-01' },
  contract: { no: `HT${i}`, signedOn: '2020-05-01' },
  documents: { connectionFeeInvoiceNo: `FP${i}`, registrationFormChecked: true },
  status: 'active',
  statusChangedAt: '2020-05-01T02:00:00.000Z',
  openedAt: '2020-05-01T02:00:00.000Z',
  closedAt: null,
  notes: i % 2 ? '备注' : null,
  version: 0,
  updatedHlc: '001588298400000-00000-headoffice',
  purchaseCount: i,
  // Head office's balance, with this counter's part and another's; the first customer has none (an older head office).
  ...(i > 1 ? { balance: 900 + i, balanceBy: { [ME]: 400, [OTHER]: 500 + i } } : {}),
  meters: Array.from({ length: meters }, (_, m) => ({
    id: `m-${i}-${m}`,
    meterNo: `M${i}${m}`,
    maker: '金卡智能',
    model: 'JK-IC-G2.5',
    cardType: 'SLE4442',
    installedOn: '2020-05-01',
    status: 'active',
  })),
});

describe('a prepared page packed for the trip from the pull worker', () => {
  it('unpacks to the same entries, in feed order, whatever their kind', () => {
    const entries = [
      { cursor: 1, kind: 'customer', key: 'a', data: customer(1, 0) },
      {
        cursor: 2,
        kind: 'purchase_limits',
        key: 'residential',
        data: { userClass: 'residential', perPurchase: null, perMonth: null, perYear: 600_000 },
      },
      { cursor: 3, kind: 'customer', key: 'b', data: customer(2, 2) },
      { cursor: 4, kind: 'customer', key: 'c', data: { id: 'broken' } },
      { cursor: 5, kind: 'customer', key: 'd', data: customer(3, 1) },
    ];
    const page = preparePage(JSON.stringify({ entries, cursor: 5, more: true }), 0, ME);
    expect(page.entries.map((e) => e.kind)).toEqual([
      'customer',
      'purchase_limits',
      'customer',
      'customer',
      'customer',
    ]);
    expect('invalid' in page.entries[3]!).toBe(true);
    // The balance less this counter's own part (it adds its own sales'); none sent, none taken.
    const balances = page.entries.map((e) => ('customer' in e ? e.customer.othersBalance : 'x'));
    expect(balances).toEqual([null, 'x', 902 - 400, 'x', 903 - 400]);
    const packed = packPage(page);
    expect(packed.cells.every((c) => c === null || typeof c !== 'object' || !('customer' in c))).toBe(true);
    expect(unpackPage(structuredClone(packed))).toEqual(page);
  });
});

describe('a pulled page', () => {
  const page = (cursors: number[], cursor: number) =>
    JSON.stringify({
      entries: cursors.map((c) => ({ cursor: c, kind: 'customer', key: `k${c}`, data: customer(c, 1) })),
      cursor,
      more: false,
    });
  const refusal = (text: string, from: number) => {
    try {
      preparePage(text, from, ME);
    } catch (e) {
      return e instanceof AppError ? `${e.code}: ${e.detail}` : String(e);
    }
    return 'accepted';
  };

  it('is refused unless its entries come in cursor order after the cursor asked for, up to its own', () => {
    expect(refusal(page([11, 12, 14], 14), 10)).toBe('accepted');
    expect(refusal(page([11, 14, 12], 14), 10)).toBe(
      'SYNC_UNREACHABLE: the feed entries are not in cursor order',
    );
    expect(refusal(page([11, 11], 11), 10)).toBe(
      'SYNC_UNREACHABLE: the feed entries are not in cursor order',
    );
    expect(refusal(page([10, 12], 12), 10)).toBe(
      'SYNC_UNREACHABLE: the feed entries are not in cursor order',
    );
    expect(refusal(page([11, 13], 12), 10)).toBe(
      'SYNC_UNREACHABLE: the feed entries are not in cursor order',
    );
    expect(refusal(page([11], 10), 10)).toBe('SYNC_UNREACHABLE: the feed cursor did not advance');
  });
});
