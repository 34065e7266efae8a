/**
 * The customer file's current state and its search index, kept in step inside the caller's transaction.
 * Runtime: Node.
 */
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Customer, CustomerSummary } from '../../core/contract';
import { maskIdNumber } from '../../core/domain/customer';
import { searchIndexText } from '../../core/domain/search';
import type { Drizzle } from '../open';
import { customers, meters } from '../schema';

export type CustomerRow = typeof customers.$inferSelect;
export type CustomerInsert = Omit<typeof customers.$inferInsert, 'seq'>;
export type MeterRow = typeof meters.$inferSelect;

export function toCustomer(r: CustomerRow, meterRows: MeterRow[]): Customer {
  return {
    id: r.id,
    accountNo: r.accountNo,
    name: r.name,
    idNumber: r.idNumber,
    creditCode: r.creditCode,
    phone: r.phone,
    altPhone: r.altPhone,
    address: {
      district: r.district,
      community: r.community,
      building: r.building,
      unit: r.unit,
      room: r.room,
    },
    fullAddress: r.fullAddress,
    userClass: r.userClass,
    householdSize: r.householdSize,
    inspection: { status: r.inspectionStatus, date: r.inspectionDate },
    contract: { no: r.contractNo, signedOn: r.contractSignedOn },
    documents: {
      connectionFeeInvoiceNo: r.connectionFeeInvoiceNo,
      registrationFormChecked: r.registrationFormChecked,
    },
    status: r.status,
    statusChangedAt: r.statusChangedAt,
    openedAt: r.openedAt,
    closedAt: r.closedAt,
    notes: r.notes,
    version: r.version,
    meters: meterRows.map((m) => ({
      id: m.id,
      meterNo: m.meterNo,
      maker: m.maker,
      model: m.model,
      cardType: m.cardType,
      installedOn: m.installedOn,
      status: m.status,
    })),
  };
}

export function toSummary(r: CustomerRow, meterNos: string[]): CustomerSummary {
  return {
    id: r.id,
    accountNo: r.accountNo,
    name: r.name,
    idNumberMasked: maskIdNumber(r.idNumber ?? r.creditCode),
    phone: r.phone,
    fullAddress: r.fullAddress,
    userClass: r.userClass,
    status: r.status,
    meterNos,
  };
}

export { searchIndexText };

function indexRow(db: Drizzle, r: Pick<CustomerRow, 'seq' | 'name' | 'fullAddress'>): void {
  const t = searchIndexText(r.name, r.fullAddress);
  db.run(
    sql`INSERT OR REPLACE INTO customer_search (rowid, name, address) VALUES (${r.seq}, ${t.name}, ${t.address})`,
  );
}

export function insertCustomer(db: Drizzle, row: CustomerInsert): CustomerRow {
  const inserted = db.insert(customers).values(row).returning().get();
  indexRow(db, inserted);
  return inserted;
}

/** Optimistic update: returns undefined when the row moved on since `expectedVersion`. */
export function updateCustomer(
  db: Drizzle,
  id: string,
  expectedVersion: number,
  patch: Partial<CustomerInsert>,
): CustomerRow | undefined {
  const updated = db
    .update(customers)
    .set({ ...patch, version: expectedVersion + 1 })
    .where(and(eq(customers.id, id), eq(customers.version, expectedVersion)))
    .returning()
    .get();
  if (updated && (patch.name !== undefined || patch.fullAddress !== undefined)) indexRow(db, updated);
  return updated;
}

export function findCustomer(db: Drizzle, id: string): CustomerRow | undefined {
  return db.select().from(customers).where(eq(customers.id, id)).get();
}

export function accountNoTaken(db: Drizzle, accountNo: string): boolean {
  return (
    db.select({ id: customers.id }).from(customers).where(eq(customers.accountNo, accountNo)).get() !==
    undefined
  );
}

/** The highest account number starting with `prefix` and `digits` long, or undefined. */
export function maxAccountNo(db: Drizzle, prefix: string, length: number): string | undefined {
  const row = db
    .select({ max: sql<string | null>`max(${customers.accountNo})` })
    .from(customers)
    .where(
      sql`${customers.accountNo} >= ${prefix} AND ${customers.accountNo} < ${`${prefix}:`} AND length(${customers.accountNo}) = ${length}`,
    )
    .get();
  return row?.max ?? undefined;
}

export function metersOf(db: Drizzle, customerId: string): MeterRow[] {
  return db
    .select()
    .from(meters)
    .where(eq(meters.customerId, customerId))
    .orderBy(asc(meters.createdAt))
    .all();
}

export function meterNosOf(db: Drizzle, customerIds: string[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  if (customerIds.length === 0) return out;
  const rows = db
    .select({ customerId: meters.customerId, meterNo: meters.meterNo })
    .from(meters)
    .where(and(inArray(meters.customerId, customerIds), eq(meters.status, 'active')))
    .all();
  for (const r of rows) out.set(r.customerId, [...(out.get(r.customerId) ?? []), r.meterNo]);
  return out;
}

export function meterNoTaken(db: Drizzle, meterNo: string): boolean {
  return (
    db.select({ id: meters.id }).from(meters).where(eq(meters.meterNo, meterNo.toUpperCase())).get() !==
    undefined
  );
}

export function insertMeter(db: Drizzle, row: typeof meters.$inferInsert): void {
  db.insert(meters).values(row).run();
}
