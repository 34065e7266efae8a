/**
 * Head office's steps on this counter's complaints and work orders (db/schema/head-office-steps.ts): the pull
 * inserts each once (a page pulled again changes nothing), and the service desk reads them with the counter's
 * own steps. Runtime: Node.
 */
import type Database from 'better-sqlite3';
import { inArray, type SQL, sql } from 'drizzle-orm';
import type { HeadOfficeStep } from '../../core/domain/head-office-steps';
import type { Drizzle } from '../open';
import { headOfficeSteps } from '../schema/head-office-steps';

/** Stores a pulled step; one already held (the same record and number) is left as it is. */
export function putHeadOfficeStep(db: Database.Database, s: HeadOfficeStep, pulledAt: string): void {
  db.prepare(
    `INSERT INTO head_office_steps (id, record_kind, record_id, ho_no, after_step_no, action, team, assignee, reason,
       by, at, pulled_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`,
  ).run(
    `${s.recordId}:${s.hoNo}`,
    s.recordKind,
    s.recordId,
    s.hoNo,
    s.afterStepNo,
    s.action,
    s.team,
    s.assignee,
    s.reason,
    s.by,
    s.at,
    pulledAt,
  );
}

/** Head office's steps on these records, by record, in head office's order. */
export function headOfficeStepsOf(db: Drizzle, ids: readonly string[]): Map<string, HeadOfficeStep[]> {
  const out = new Map<string, HeadOfficeStep[]>();
  if (ids.length === 0) return out;
  const rows = db
    .select()
    .from(headOfficeSteps)
    .where(inArray(headOfficeSteps.recordId, [...ids]))
    .orderBy(headOfficeSteps.recordId, headOfficeSteps.hoNo)
    .all();
  for (const { id: _i, pulledAt: _p, ...s } of rows) out.set(s.recordId, [...(out.get(s.recordId) ?? []), s]);
  return out;
}

/** SQL: whether head office closed the record whose id is `id` (its state is then closed, whatever its steps say). */
export const closedByHeadOffice = (id: SQL): SQL =>
  sql`EXISTS (SELECT 1 FROM head_office_steps h WHERE h.record_id = ${id} AND h.action = 'close')`;
