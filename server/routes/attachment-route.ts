/**
 * POST /v1/attachments (signed by the counter, docs/sync-protocol.md): one attachment file of a service-desk
 * record. Head office decodes it and checks it before keeping anything — its size (ATTACHMENT_TOO_LARGE), its
 * type by its first bytes (ATTACHMENT_TYPE) and its SHA-256 against the one the counter names
 * (ATTACHMENT_HASH_MISMATCH), and that a record of the counter's hall names it (ATTACHMENT_NOT_NAMED: the
 * counter pushes a record before its files, so a file no record of its hall names is not one head office should
 * keep for it) — then keeps it once under its hash, with the nonce claimed in the same transaction.
 * Runtime: Node.
 */
import { createHash } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { attachmentProblem, sniffAttachment } from '../../core/domain/attachments';
import { SYNC_ROUTES } from '../../core/sync/routes';
import { attachmentUploadSchema } from '../../core/sync/wire-attachments';
import { authenticateCounter, claimNonce } from '../auth/counter-auth';
import type { HeadOffice } from '../context';
import { parseBody } from '../http/errors';
import { rawBodyOf } from '../http/raw-body';
import { Refusal } from '../http/refusal';
import type { Queryable } from '../pg/store';

/** The kinds of service-desk record whose steps carry attachments (core/sync/ops/installation-ops.ts). */
const KINDS_WITH_ATTACHMENTS = ['installation'];

/** Whether a service record of the hall names the file (its own attachments or a step's), by the hall's kind index. */
async function namedByHall(q: Queryable, hallId: string, sha256: string): Promise<boolean> {
  const [r] = await q.query<{ named: boolean }>(
    `SELECT EXISTS (SELECT 1 FROM service_records WHERE hall_id = $1 AND kind = ANY($2::text[])
       AND jsonb_path_exists(data, '$.**.sha256 ? (@ == $h)', jsonb_build_object('h', $3::text))) AS named`,
    [hallId, KINDS_WITH_ATTACHMENTS, sha256],
  );
  return r?.named === true;
}

export function registerAttachmentRoute(app: FastifyInstance, ho: HeadOffice): void {
  const r = SYNC_ROUTES.uploadAttachment;
  app.post(r.path, { bodyLimit: r.bodyLimit }, async (req) => {
    const ctx = await authenticateCounter(ho.store, req, rawBodyOf(req), ho.now());
    const body = parseBody(attachmentUploadSchema, req.body);
    const bytes = Buffer.from(body.data, 'base64');
    const problem = attachmentProblem(bytes);
    if (problem)
      throw new Refusal(
        problem.code === 'ATTACHMENT_TOO_LARGE' ? 'ATTACHMENT_TOO_LARGE' : 'ATTACHMENT_TYPE',
        `attachment ${body.sha256}: ${problem.code}`,
      );
    if (createHash('sha256').update(bytes).digest('hex') !== body.sha256)
      throw new Refusal('ATTACHMENT_HASH_MISMATCH', `attachment ${body.sha256}: hash mismatch`);
    const mime = sniffAttachment(bytes)!;
    const stored = await ho.store.tx(async (q) => {
      await claimNonce(q, ctx, ho.now());
      if (!(await namedByHall(q, ctx.hallId, body.sha256)))
        throw new Refusal(
          'ATTACHMENT_NOT_NAMED',
          `attachment ${body.sha256}: no record of the hall names it`,
        );
      const rows = await q.query(
        `INSERT INTO attachments (sha256, hall_id, counter_id, size, mime, data, received_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (sha256) DO NOTHING RETURNING 1`,
        [body.sha256, ctx.hallId, ctx.counterId, bytes.length, mime, bytes, new Date(ho.now()).toISOString()],
      );
      return rows.length > 0;
    });
    req.log.info({ counter: ctx.counterId, sha256: body.sha256, size: bytes.length, stored }, 'attachment');
    return { sha256: body.sha256, size: bytes.length, mime, stored };
  });
}
