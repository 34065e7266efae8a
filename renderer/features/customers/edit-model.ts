/** 修改档案: which editable fields changed, as the contract's `changes` (only what changed). Runtime: browser. */
import type { Customer, OpInput } from '../../../core/contract';
import type { InspectionStatus, UserClass } from '../../../core/domain/customer';
import { writtenPhone } from '../../../core/validation/phone';
import { blankToUndefined } from '../../shell/zod-rules';
import { type AddressValues, toAddressInput } from './open-account-model';

export interface EditValues {
  phone?: string;
  altPhone?: string;
  address?: AddressValues;
  householdSize?: number | null;
  userClass?: UserClass;
  inspection?: { status?: InspectionStatus; date?: string };
  notes?: string;
  reason?: string;
}

export type Changes = OpInput<'customers.update'>['changes'];

export function editValuesOf(c: Customer): EditValues {
  return {
    phone: c.phone,
    altPhone: c.altPhone ?? '',
    address: { ...c.address, unit: c.address.unit ?? '' },
    householdSize: c.householdSize,
    userClass: c.userClass,
    inspection: { status: c.inspection.status, date: c.inspection.date ?? '' },
    notes: c.notes ?? '',
    reason: '',
  };
}

const same = (a: string | null | undefined, b: string | null | undefined) =>
  (a ?? '').trim() === (b ?? '').trim();

/** The changed fields; an optional field the operator emptied is sent as null, which clears it. */
export function diffEdit(c: Customer, v: EditValues): Changes {
  const changes: Changes = {};
  if (v.phone !== undefined && writtenPhone(v.phone) !== c.phone) changes.phone = v.phone;
  const alt = blankToUndefined(v.altPhone);
  if (!alt && c.altPhone) changes.altPhone = null;
  else if (alt && writtenPhone(alt) !== c.altPhone) changes.altPhone = alt;
  const a = v.address ?? {};
  const addressChanged = (['district', 'community', 'building', 'unit', 'room'] as const).some(
    (k) => !same(a[k], c.address[k]),
  );
  if (addressChanged) changes.address = toAddressInput(a);
  if (v.householdSize != null && v.householdSize !== c.householdSize) changes.householdSize = v.householdSize;
  if (v.userClass && v.userClass !== c.userClass) changes.userClass = v.userClass;
  const date = blankToUndefined(v.inspection?.date);
  if (v.inspection?.status && (v.inspection.status !== c.inspection.status || !same(date, c.inspection.date)))
    changes.inspection = { status: v.inspection.status, ...(date ? { date } : {}) };
  const notes = blankToUndefined(v.notes);
  if (!notes && c.notes) changes.notes = null;
  else if (notes && !same(notes, c.notes)) changes.notes = notes;
  return changes;
}
