import { describe, expect, it } from 'vitest';
import { openCustomerInput } from '../../../core/contract';
import { initialOpenValues, toOpenInput } from './open-account-model';

describe('开户 form → customers.open input', () => {
  it('leaves blank optional fields out and passes the contract', () => {
    const input = toOpenInput({
      ...initialOpenValues(),
      name: '张三',
      idNumber: '110101199003074514',
      creditCode: '91350100M000100Y43',
      phone: '13912345678',
      altPhone: '  ',
      householdSize: 2,
      address: { district: '牛山街道', community: '阳光花园', building: '3', unit: '', room: '501' },
      contract: { no: 'HT1', signedOn: '2026-01-15' },
      documents: { connectionFeeInvoiceNo: 'FP1', registrationFormChecked: true },
      accountNo: '',
      meters: [{ meterNo: 'm0001', maker: '金卡', model: 'G2.5', cardType: 'SLE4442', installedOn: '' }],
    });
    expect(input).not.toHaveProperty('altPhone');
    expect(input).not.toHaveProperty('accountNo');
    expect(input).not.toHaveProperty('creditCode');
    expect(input.address).not.toHaveProperty('unit');
    expect(input.meters?.[0]).not.toHaveProperty('installedOn');
    expect(openCustomerInput.safeParse(input).success).toBe(true);
  });

  it('lets the contract name what is missing', () => {
    const r = openCustomerInput.safeParse(toOpenInput(initialOpenValues()));
    expect(r.success).toBe(false);
    const paths = r.error?.issues.map((i) => i.path.join('.'));
    expect(paths).toEqual(
      expect.arrayContaining(['name', 'phone', 'address.district', 'documents.registrationFormChecked']),
    );
  });
});
