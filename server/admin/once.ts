/**
 * One administrator request, one effect: every /admin write carries the caller's `requestId` in its body. It
 * is recorded first in the write's own transaction (a concurrent repeat waits on that row), and its answer
 * before the commit; a repeat gets that answer and changes nothing, a different body under a used id is
 * refused (REQUEST_ID_REUSED), and a write that failed left no record, so its retry goes ahead. The answer
 * commits with the effect, and so does its audit entry (server/console/audit.ts): a head office that died
 * before sending it answers the retry from the database.
 * Runtime: Node.
 */
import { createHash } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { AppError } from '../../core/errors';
import { canonicalInput } from '../../core/request-input';
import { adminRequestIdSchema } from '../../core/sync/wire-revert';
import { audit, writeEntry } from '../console/audit';
import { parseBody } from '../http/errors';
import type { Queryable, Store } from '../pg/store';

class Repeated extends Error {}

/** The store as seen inside one transaction: a nested `tx` joins it. */
function joined(store: Store, q: Queryable): Store {
  return { kind: store.kind, query: q.query.bind(q), tx: (fn) => fn(q), close: store.close };
}

export async function adminOnce<T>(
  store: Store,
  req: FastifyRequest,
  write: (store: Store, body: unknown) => Promise<T>,
  nowMs: number,
): Promise<T> {
  const body = parseBody(z.unknown(), req.body) as Record<string, unknown>;
  const { requestId } = parseBody(z.object({ requestId: adminRequestIdSchema }), body);
  const route = `${req.method} ${req.url.split('?')[0]}`;
  const hash = createHash('sha256')
    .update(JSON.stringify([route, canonicalInput(body)]))
    .digest('hex');
  try {
    return await store.tx(async (q) => {
      const claimed = await q.query(
        `INSERT INTO admin_requests (request_id, route, input_hash) VALUES ($1, $2, $3)
         ON CONFLICT (request_id) DO NOTHING RETURNING request_id`,
        [requestId, route, hash],
      );
      if (claimed.length === 0) throw new Repeated();
      const result = await write(joined(store, q), body);
      await audit(q, writeEntry(req, 200), nowMs);
      await q.query('UPDATE admin_requests SET result = $2 WHERE request_id = $1', [
        requestId,
        JSON.stringify(result ?? null),
      ]);
      return result;
    });
  } catch (e) {
    if (!(e instanceof Repeated)) throw e;
    const [first] = await store.query<{ input_hash: string; result: T }>(
      'SELECT input_hash, result FROM admin_requests WHERE request_id = $1',
      [requestId],
    );
    if (!first || first.input_hash !== hash) throw new AppError('REQUEST_ID_REUSED');
    return first.result;
  }
}
