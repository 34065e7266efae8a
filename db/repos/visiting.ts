/** Customers of other halls fetched from head office (db/schema/visiting.ts). Runtime: Node. */
import type Database from 'better-sqlite3';
import { prepared } from '../prepared';

export interface VisitingRow {
  customerId: string;
  hallCode: string;
  hallName: string;
  fetchedAt: string;
}

export function putVisiting(db: Database.Database, v: VisitingRow): void {
  prepared(
    db,
    `INSERT INTO visiting_customers (customer_id, hall_code, hall_name, fetched_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (customer_id) DO UPDATE SET hall_code = excluded.hall_code, hall_name = excluded.hall_name,
       fetched_at = excluded.fetched_at`,
  ).run(v.customerId, v.hallCode, v.hallName, v.fetchedAt);
}

/** The other hall a local customer belongs to, when it is one fetched from head office. */
export function visitingOf(db: Database.Database, customerId: string): VisitingRow | undefined {
  return prepared(
    db,
    `SELECT customer_id AS customerId, hall_code AS hallCode, hall_name AS hallName, fetched_at AS fetchedAt
     FROM visiting_customers WHERE customer_id = ?`,
  ).get(customerId) as VisitingRow | undefined;
}
