/** Mapping between the contract's customer fields and stored rows, and field-level diffs for history. */
import type { z } from 'zod';
import {
  type Customer,
  type editableFields,
  missingOwnerId,
  type OpenCustomerInput,
} from '../../core/contract';
import { formatAddress, type UserClass } from '../../core/domain/customer';
import { AppError } from '../../core/errors';
import { type CustomerInsert, findCustomer, metersOf, toCustomer, visitingOf } from '../../db';
import type { App } from '../app';

type Editable = Omit<z.output<typeof editableFields>, 'altPhone' | 'notes'> & {
  altPhone?: string | null;
  notes?: string | null;
};

export function editablePatch(changes: Partial<Editable>): Partial<CustomerInsert> {
  const p: Partial<CustomerInsert> = {};
  if (changes.phone !== undefined) p.phone = changes.phone;
  if ('altPhone' in changes) p.altPhone = changes.altPhone ?? null;
  if (changes.address) {
    const a = changes.address;
    Object.assign(p, {
      district: a.district,
      community: a.community,
      building: a.building,
      unit: a.unit ?? null,
      room: a.room,
    });
    p.fullAddress = formatAddress(a);
  }
  if (changes.householdSize !== undefined) p.householdSize = changes.householdSize;
  if (changes.userClass !== undefined) p.userClass = changes.userClass;
  if (changes.inspection) {
    p.inspectionStatus = changes.inspection.status;
    p.inspectionDate = changes.inspection.date ?? null;
  }
  if ('notes' in changes) p.notes = changes.notes ?? null;
  return p;
}

export function rowFromOpening(
  input: OpenCustomerInput,
  ids: { id: string; accountNo: string; now: string; hlc: string },
): CustomerInsert {
  return {
    id: ids.id,
    accountNo: ids.accountNo,
    name: input.name,
    idNumber: input.idNumber ?? null,
    creditCode: input.creditCode ?? null,
    contractNo: input.contract.no,
    contractSignedOn: input.contract.signedOn,
    connectionFeeInvoiceNo: input.documents.connectionFeeInvoiceNo,
    registrationFormChecked: input.documents.registrationFormChecked,
    status: 'active',
    statusChangedAt: ids.now,
    openedAt: ids.now,
    closedAt: null,
    version: 1,
    updatedHlc: ids.hlc,
    ...(editablePatch(input) as Required<
      Pick<
        CustomerInsert,
        | 'phone'
        | 'district'
        | 'community'
        | 'building'
        | 'room'
        | 'fullAddress'
        | 'householdSize'
        | 'userClass'
        | 'inspectionStatus'
      >
    >),
  };
}

/** The flat view of a customer that history records field by field. */
export function historyView(c: Customer) {
  return {
    name: c.name,
    idNumber: c.idNumber,
    creditCode: c.creditCode,
    phone: c.phone,
    altPhone: c.altPhone,
    address: c.fullAddress,
    householdSize: c.householdSize,
    userClass: c.userClass,
    'inspection.status': c.inspection.status,
    'inspection.date': c.inspection.date,
    notes: c.notes,
    status: c.status,
    'contract.no': c.contract.no,
    meters: c.meters.map((m) => m.meterNo).join('、'),
  } as Record<string, unknown>;
}

export function diffViews(before: Record<string, unknown>, after: Record<string, unknown>) {
  return Object.keys(after)
    .filter((k) => (before[k] ?? null) !== (after[k] ?? null))
    .map((field) => ({ field, before: before[field] ?? null, after: after[field] ?? null }));
}

export function loadCustomer(app: App, id: string): Customer {
  const row = findCustomer(app.db, id);
  if (!row) throw new AppError('CUSTOMER_NOT_FOUND');
  return toCustomer(row, metersOf(app.db, id));
}

/** A customer of another hall fetched from head office (services/customers/other-halls.ts): its file is refused here. */
export function refuseOtherHall(app: App, customerId: string): void {
  const v = visitingOf(app.gdb.sqlite, customerId);
  if (v) throw new AppError('CUSTOMER_OF_OTHER_HALL', { detail: `${v.hallName}（${v.hallCode}）` });
}

/** Guards the optimistic version before a change is even computed; a customer of another hall is refused. */
export function loadForChange(app: App, id: string, expectedVersion: number): Customer {
  const c = loadCustomer(app, id);
  refuseOtherHall(app, id); // its file is its hall's to change (FOREIGN_HALL at head office)
  if (c.version !== expectedVersion) throw new AppError('STALE_RECORD');
  return c;
}

export function requireOwnerIdFor(
  userClass: UserClass,
  owner: { idNumber?: string | null; creditCode?: string | null },
  path: (string | number)[] = [],
): void {
  const missing = missingOwnerId(userClass, owner);
  if (missing)
    throw new AppError('VALIDATION_FAILED', {
      issues: [{ path: [...path, missing.field], code: 'REQUIRED', message: missing.message }],
    });
}
