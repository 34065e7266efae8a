/**
 * Who came or called: a customer of the file (name, phone and address taken from it) or a prospective
 * customer as the clerk typed them. Runtime: Node.
 */
import type { HeadOfficeStep } from '../../core/domain/head-office-steps';
import { AppError } from '../../core/errors';
import { findCustomer, staffName } from '../../db';
import type { App } from '../app';

export interface Party {
  customerId: string | null;
  accountNo: string | null;
  name: string;
  phone: string;
  address: string;
}

export function partyOf(
  app: App,
  input: { customerId?: string; name?: string; phone?: string; address?: string },
): Party {
  if (input.customerId) {
    const c = findCustomer(app.db, input.customerId);
    if (!c) throw new AppError('CUSTOMER_NOT_FOUND');
    return { customerId: c.id, accountNo: c.accountNo, name: c.name, phone: c.phone, address: c.fullAddress };
  }
  // The contract requires a name and a phone without a customer.
  return {
    customerId: null,
    accountNo: null,
    name: input.name ?? '',
    phone: input.phone ?? '',
    address: input.address ?? '',
  };
}

/** `${hall}-${counter}-${code}-${6 digits}`: readable, unique per counter (one gap-free series per kind). */
export function readableNo(app: App, code: string, n: number): string {
  const c = app.counter()!;
  return `${c.hallCode}-${c.counterCode}-${code}-${String(n).padStart(6, '0')}`;
}

export const staffRef = (app: App, id: string) => ({
  id,
  displayName: staffName(app.gdb.sqlite, id) ?? '—',
});

/** Head office's steps on a record as the service desk shows them. */
export const headOfficeView = (ho: readonly HeadOfficeStep[]) =>
  ho.map(({ recordId: _r, recordKind: _k, ...s }) => s);
