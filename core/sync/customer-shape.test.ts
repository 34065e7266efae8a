import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isCustomerFeed } from './customer-shape';
import { customerFeedSchema } from './feed';

const customer = () => ({
  id: 'c0000000-0000-7000-8000-000000000001',
  accountNo: '019900000001',
  name: '王伟华',
  idNumber: '32072219400101001X',
  creditCode: null,
  phone: '13000007919',
  altPhone: null,
  address: { district: '虞山街道', community: '阳光花园', building: '1栋', unit: '1单元', room: '101' },
  fullAddress: '虞山街道阳光花园1栋1单元101',
  userClass: 'residential',
  householdSize: 3,
  inspection: { status: 'normal', date: '2025-06-01' },
  contract: { no: 'HT000000001', signedOn: '2020-05-01' },
  documents: { connectionFeeInvoiceNo: 'FP00000001', registrationFormChecked: true },
  status: 'active',
  statusChangedAt: '2020-05-01T02:00:00.000Z',
  openedAt: '2020-05-01T02:00:00.000Z',
  closedAt: null,
  notes: null,
  version: 0,
  updatedHlc: '001588298400000-00000-headoffice',
  purchaseCount: 7,
  balance: 1_250,
  balanceBy: { 'c0000000-0000-7000-8000-0000000000aa': 2_000, 'c0000000-0000-7000-8000-0000000000bb': -750 },
  gasUseBy: {
    'c0000000-0000-7000-8000-0000000000aa': { '2026-03-02': 1_000, '2026-03-09': -250 },
    import: { '2026-01-01': 18_000 },
  },
  meters: [
    {
      id: 'm1',
      meterNo: 'M000000001',
      maker: '金卡智能',
      model: 'JK-IC-G2.5',
      cardType: 'SLE4442',
      installedOn: null,
      status: 'active',
    },
  ],
});

/** Every path to a value in the object (meters' first element included). */
function paths(v: unknown, at: (string | number)[] = []): (string | number)[][] {
  if (typeof v !== 'object' || v === null) return [at];
  const keys = Array.isArray(v) ? v.map((_, i) => i) : Object.keys(v);
  return [at, ...keys.flatMap((k) => paths((v as Record<string | number, unknown>)[k], [...at, k]))];
}

const ODD = [
  null,
  undefined,
  'x',
  '',
  1.5,
  -1,
  0,
  2 ** 60,
  Number.NaN,
  true,
  [],
  {},
  'active',
  'removed',
  'hazard',
];

function mutate(v: unknown, path: (string | number)[], value: unknown): unknown {
  if (path.length === 0) return value;
  const copy = (Array.isArray(v) ? [...v] : { ...(v as object) }) as Record<string | number, unknown>;
  const [k, ...rest] = path as [string | number, ...(string | number)[]];
  if (rest.length === 0 && value === undefined) delete copy[k];
  else copy[k] = mutate(copy[k], rest, value);
  return copy;
}

describe('the quick customer shape check', () => {
  it('accepts exactly what the feed schema accepts, whatever is changed or removed', () => {
    expect(isCustomerFeed(customer())).toBe(true);
    const all = paths(customer());
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom(...all), fc.constantFrom(...ODD)), { minLength: 1, maxLength: 3 }),
        (changes) => {
          let v: unknown = customer();
          for (const [p, value] of changes) v = mutate(v, p, value);
          expect(isCustomerFeed(v)).toBe(customerFeedSchema.safeParse(v).success);
        },
      ),
      { numRuns: 5000 },
    );
  });

  it('lets extra keys through, as the schema does', () => {
    const v = { ...customer(), balance: 100, address: { ...customer().address, extra: 1 } };
    expect(isCustomerFeed(v)).toBe(true);
    expect(customerFeedSchema.safeParse(v).success).toBe(true);
  });
});
