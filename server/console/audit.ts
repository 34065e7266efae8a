/**
 * The audit of console actions: every sign-in (and every refused one), sign-out, and every write to the admin
 * API, whether by a console user or by the administrator's token. A write that is done is audited in its own
 * transaction (server/admin/once.ts); one refused for want of authority, after its answer.
 * Runtime: Node.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { consoleAuditEntrySchema } from '../../core/sync/wire-console';
import type { HeadOffice } from '../context';
import type { Queryable } from '../pg/store';
import { consoleUserOf } from './permissions';

export interface AuditEntry {
  readonly actor: string;
  readonly action: string;
  readonly status: number;
  readonly detail?: unknown;
  readonly address?: string;
}

export async function audit(q: Queryable, entry: AuditEntry, nowMs: number): Promise<void> {
  await q.query(
    'INSERT INTO console_audit (at, actor, action, status, detail, address) VALUES ($1, $2, $3, $4, $5::jsonb, $6)',
    [
      new Date(nowMs).toISOString(),
      entry.actor,
      entry.action,
      entry.status,
      entry.detail === undefined ? null : JSON.stringify(entry.detail),
      entry.address ?? null,
    ],
  );
}

export async function listAudit(
  q: Queryable,
  before: number | undefined,
  limit: number,
): Promise<z.infer<typeof consoleAuditEntrySchema>[]> {
  return q.query(
    `SELECT id, at, actor, action, status, detail, address FROM console_audit
      WHERE ($1::bigint IS NULL OR id < $1) ORDER BY id DESC LIMIT $2`,
    [before ?? null, limit],
  );
}

const requestIdOf = (req: FastifyRequest) =>
  (req.body as { requestId?: unknown } | undefined)?.requestId ?? undefined;

/** Who made an admin request: a console user's name, or 'admin-token'. */
export const actorOf = (req: FastifyRequest) => consoleUserOf(req)?.username ?? 'admin-token';

/** The audit entry of a write to the admin API. */
export const writeEntry = (req: FastifyRequest, status: number): AuditEntry => ({
  actor: actorOf(req),
  action: `POST ${req.routeOptions.url ?? ''}`,
  status,
  detail: { params: req.params, requestId: requestIdOf(req) },
  address: req.ip,
});

/**
 * Audits each write to /admin refused for want of authority (403: a role or an origin); a write that is done
 * audited itself, and one refused for its content wrote nothing, as any bad input.
 */
export function registerAudit(app: FastifyInstance, ho: HeadOffice): void {
  app.addHook('onResponse', async (req, reply) => {
    const path = req.routeOptions.url ?? '';
    if (req.method !== 'POST' || !path.startsWith('/admin/') || reply.statusCode !== 403) return;
    try {
      await audit(ho.store, writeEntry(req, reply.statusCode), ho.now());
    } catch (e) {
      req.log.error({ err: e }, 'console audit not written');
    }
  });
}
