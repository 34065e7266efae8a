import { describe, expect, it } from 'vitest';
import type { Customer } from '../../../core/contract';
import { diffEdit, editValuesOf } from './edit-model';

const customer: Customer = {
  id: '0190a5b6-1c2d-7e3f-8a9b-0c1d2e3f4a5b',
  accountNo: '010101000001',
  name: '张三',
  idNumber: '110101199003074514',
  creditCode: null,
  phone: '13912345678',
  altPhone: '051885551234',
  address: { district: '牛山街道', community: '阳光花园', building: '3栋', unit: null, room: '501' },
  fullAddress: '牛山街道阳光花园3栋501',
  userClass: 'residential',
  householdSize: 3,
  inspection: { status: 'normal', date: null },
  contract: { no: 'HT1', signedOn: '2024-01-01' },
  documents: { connectionFeeInvoiceNo: 'FP1', registrationFormChecked: true },
  status: 'active',
  statusChangedAt: '2024-01-01T00:00:00.000Z',
  openedAt: '2024-01-01T00:00:00.000Z',
  closedAt: null,
  notes: '老人独居',
  version: 1,
  meters: [],
};

describe('修改档案 diff', () => {
  it('finds nothing when nothing was touched', () => {
    expect(diffEdit(customer, editValuesOf(customer))).toEqual({});
  });

  it('sends only the changed fields, the whole address when one part changed', () => {
    const v = editValuesOf(customer);
    v.phone = '139 1234 0000';
    v.address = { ...v.address, unit: '2单元' };
    v.inspection = { status: 'hazard', date: '2026-01-15' };
    const changes = diffEdit(customer, v);
    expect(changes).toEqual({
      phone: '139 1234 0000',
      address: { district: '牛山街道', community: '阳光花园', building: '3栋', unit: '2单元', room: '501' },
      inspection: { status: 'hazard', date: '2026-01-15' },
    });
  });

  it('keeps a phone the clerk only reformatted as written (the way the customer gives it), but not spaces around it', () => {
    expect(diffEdit(customer, { ...editValuesOf(customer), phone: ' 13912345678 ' })).toEqual({});
    const v = { ...editValuesOf(customer), altPhone: '0518-85551234' };
    expect(diffEdit(customer, v)).toEqual({ altPhone: '0518-85551234' });
  });

  it('clears an emptied optional field with null', () => {
    const v = { ...editValuesOf(customer), altPhone: '', notes: ' ' };
    expect(diffEdit(customer, v)).toEqual({ altPhone: null, notes: null });
  });
});
