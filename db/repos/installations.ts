/**
 * 零散报装 rows, their steps and the attachments head office holds (db/schema/installations.ts): inserts and
 * reads only (append-only tables). An application's current status is its last step's. Runtime: Node.
 */
import { desc, eq, inArray, sql } from 'drizzle-orm';
import type { Drizzle } from '../open';
import { attachmentUploads, installationSteps, installations } from '../schema/installations';

export type InstallationRow = typeof installations.$inferSelect;
export type InstallationStepRow = typeof installationSteps.$inferSelect;

export function insertInstallation(db: Drizzle, row: InstallationRow): void {
  db.insert(installations).values(row).run();
}

export function insertInstallationStep(db: Drizzle, row: InstallationStepRow): void {
  db.insert(installationSteps).values(row).run();
}

export function findInstallation(db: Drizzle, id: string): InstallationRow | undefined {
  return db.select().from(installations).where(eq(installations.id, id)).get();
}

/** The steps of these applications, in order. */
export function installationStepsOf(db: Drizzle, ids: readonly string[]): InstallationStepRow[] {
  if (ids.length === 0) return [];
  return db
    .select()
    .from(installationSteps)
    .where(inArray(installationSteps.installationId, [...ids]))
    .orderBy(installationSteps.installationId, installationSteps.stepNo)
    .all();
}

const STATUS = sql`COALESCE((SELECT s.status_after FROM installation_steps s
  WHERE s.installation_id = installations.id ORDER BY s.step_no DESC LIMIT 1), 'accepted')`;

/** Applications newest first: of a customer, or those in given statuses. */
export function listInstallations(
  db: Drizzle,
  q: { customerId?: string; statuses?: readonly string[]; limit: number },
): InstallationRow[] {
  const where = [
    q.customerId ? sql`${installations.customerId} = ${q.customerId}` : undefined,
    q.statuses
      ? sql`${STATUS} IN (${sql.join(
          q.statuses.map((s) => sql`${s}`),
          sql`, `,
        )})`
      : undefined,
  ].filter((w) => w !== undefined);
  return db
    .select()
    .from(installations)
    .where(where.length ? sql.join(where, sql` AND `) : undefined)
    .orderBy(desc(installations.createdAt), sql`rowid DESC`)
    .limit(q.limit)
    .all();
}

/** Every attachment the applications and their steps name (sha256, size, mime), once each, not yet at head office. */
export function attachmentsNotUploaded(
  db: Drizzle,
  limit: number,
): { sha256: string; size: number; mime: string }[] {
  return db.all<{ sha256: string; size: number; mime: string }>(
    sql`SELECT json_extract(a.value, '$.sha256') AS sha256, json_extract(a.value, '$.size') AS size,
        json_extract(a.value, '$.mime') AS mime
      FROM (SELECT attachments FROM installations UNION ALL SELECT attachments FROM installation_steps) r,
        json_each(r.attachments) a
      WHERE json_extract(a.value, '$.sha256') NOT IN (SELECT sha256 FROM attachment_uploads)
      GROUP BY 1
      LIMIT ${limit}`,
  );
}

export function markAttachmentUploaded(db: Drizzle, sha256: string, at: string): void {
  db.insert(attachmentUploads).values({ sha256, uploadedAt: at }).onConflictDoNothing().run();
}

export function isAttachmentUploaded(db: Drizzle, sha256: string): boolean {
  return db.select().from(attachmentUploads).where(eq(attachmentUploads.sha256, sha256)).get() !== undefined;
}
