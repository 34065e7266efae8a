/** Bulk insert of generated households for the benchmarks: raw prepared statements, one row per call. */
import type Database from 'better-sqlite3';
import { formatAddress } from '../core/domain/customer';
import type { FakeHousehold } from '../services/setup/fake-households';

/** Returns a function that inserts one household as a residential customer and gives back its row id. */
export function customerInserter(
  sqlite: Database.Database,
): (id: string, accountNo: string, h: FakeHousehold) => number {
  const insert =
    sqlite.prepare(`INSERT INTO customers (id, account_no, name, id_number, phone, district, community,
    building, unit, room, full_address, user_class, household_size, inspection_status, inspection_date, contract_no,
    contract_signed_on, connection_fee_invoice_no, registration_form_checked, status, status_changed_at, opened_at,
    version, updated_hlc) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'residential', ?, ?, ?, ?, ?, ?, 1, 'active', ?, ?, 1, ?)`);
  return (id, accountNo, h) => {
    const when = h.contract.signedOn;
    const a = h.address;
    return Number(
      insert.run(
        id,
        accountNo,
        h.name,
        h.idNumber,
        h.phone,
        a.district,
        a.community,
        a.building,
        a.unit,
        a.room,
        formatAddress(a),
        h.householdSize,
        h.inspection.status,
        when,
        h.contract.no,
        when,
        h.documents.connectionFeeInvoiceNo,
        when,
        when,
        when,
      ).lastInsertRowid,
    );
  };
}
