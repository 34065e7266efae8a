/**
 * 工单 rows and the faulty-meter register (db/schema/work-orders.ts): inserts and reads only (append-only
 * tables). A work order's current status is its last step's. Runtime: Node.
 */
import { desc, eq, inArray, sql } from 'drizzle-orm';
import type { Drizzle } from '../open';
import { closedByHeadOffice } from './head-office-steps';
import { meterFaults, usageReferrals, workOrderSteps, workOrders } from '../schema/work-orders';
import { meters } from '../schema/customers';

export type WorkOrderRow = typeof workOrders.$inferSelect;
export type WorkOrderStepRow = typeof workOrderSteps.$inferSelect;
export type MeterFaultRow = typeof meterFaults.$inferSelect;
export type UsageReferralRow = typeof usageReferrals.$inferSelect;

export function findUsageReferral(db: Drizzle, id: string): UsageReferralRow | undefined {
  return db.select().from(usageReferrals).where(eq(usageReferrals.id, id)).get();
}

/** The 核表请求 no work order was opened from here yet, oldest first. */
export function openUsageReferrals(db: Drizzle, limit: number): UsageReferralRow[] {
  return db
    .select()
    .from(usageReferrals)
    .where(
      sql`NOT EXISTS (SELECT 1 FROM work_orders w WHERE w.source_type = 'referral' AND w.source_id = ${usageReferrals.id})`,
    )
    .orderBy(usageReferrals.createdAt)
    .limit(limit)
    .all();
}

export function insertWorkOrder(db: Drizzle, row: WorkOrderRow): void {
  db.insert(workOrders).values(row).run();
}

export function insertWorkOrderStep(db: Drizzle, row: WorkOrderStepRow): void {
  db.insert(workOrderSteps).values(row).run();
}

export function insertMeterFault(db: Drizzle, row: MeterFaultRow): void {
  db.insert(meterFaults).values(row).run();
}

export function findWorkOrder(db: Drizzle, id: string): WorkOrderRow | undefined {
  return db.select().from(workOrders).where(eq(workOrders.id, id)).get();
}

/** The steps of these work orders, in order. */
export function workOrderStepsOf(db: Drizzle, ids: readonly string[]): WorkOrderStepRow[] {
  if (ids.length === 0) return [];
  return db
    .select()
    .from(workOrderSteps)
    .where(inArray(workOrderSteps.workOrderId, [...ids]))
    .orderBy(workOrderSteps.workOrderId, workOrderSteps.stepNo)
    .all();
}

/** A work order's status: its last step's, 待派 without one, 已撤销 once head office closed it. */
const STATUS = sql`CASE WHEN ${closedByHeadOffice(sql`work_orders.id`)} THEN 'cancelled' ELSE
  COALESCE((SELECT s.status_after FROM work_order_steps s WHERE s.work_order_id = work_orders.id
  ORDER BY s.step_no DESC LIMIT 1), 'pending') END`;

/** Work orders newest first: of a customer, of a source record, or those in given statuses. */
export function listWorkOrders(
  db: Drizzle,
  q: { customerId?: string; sourceId?: string; statuses?: readonly string[]; limit: number },
): WorkOrderRow[] {
  const where = [
    q.customerId ? sql`${workOrders.customerId} = ${q.customerId}` : undefined,
    q.sourceId ? sql`${workOrders.sourceId} = ${q.sourceId}` : undefined,
    q.statuses
      ? sql`${STATUS} IN (${sql.join(
          q.statuses.map((s) => sql`${s}`),
          sql`, `,
        )})`
      : undefined,
  ].filter((w) => w !== undefined);
  return db
    .select()
    .from(workOrders)
    .where(where.length ? sql.join(where, sql` AND `) : undefined)
    .orderBy(desc(workOrders.createdAt), sql`rowid DESC`)
    .limit(q.limit)
    .all();
}

/** A meter of the file by number: whose it is and whether it is still installed. */
export function meterByNo(db: Drizzle, meterNo: string) {
  return db
    .select({ customerId: meters.customerId, status: meters.status })
    .from(meters)
    .where(eq(meters.meterNo, meterNo))
    .get();
}

/** The faulty-meter register: one meter's entries, a customer's, or all, newest first. */
export function listMeterFaults(
  db: Drizzle,
  q: { meterNo?: string; customerId?: string; limit: number },
): MeterFaultRow[] {
  const where = q.meterNo
    ? eq(meterFaults.meterNo, q.meterNo)
    : q.customerId
      ? eq(meterFaults.customerId, q.customerId)
      : undefined;
  return db
    .select()
    .from(meterFaults)
    .where(where)
    .orderBy(desc(meterFaults.at), sql`rowid DESC`)
    .limit(q.limit)
    .all();
}

export interface ReadingRef {
  id: string;
  customerId: string;
  meterNo: string;
  /** JSON: { lowBattery, valveClosed, tamper, leakAlarm } */
  status: string;
  readAt: number;
}

/** A meter reading taken from a card (the source of an alarm's work order). */
export function readingById(db: Drizzle, id: string): ReadingRef | undefined {
  return db.get<ReadingRef>(
    sql`SELECT id, customer_id AS customerId, meter_no AS meterNo, status, read_at AS readAt
      FROM meter_readings WHERE id = ${id}`,
  );
}
