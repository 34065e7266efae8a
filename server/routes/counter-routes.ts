/**
 * The signed sync API a counter calls: push, pull (its hall's feed, or the whole company's under the company pull
 * scope), reconcile, status, and the look-up and fetch of another hall's customer (docs/sync-protocol.md). Their gate
 * (server/http/gates.ts) checked the headers, the counter and its rate before the body was read; each handler
 * checks the signature over the body first; the nonce is claimed in the handler's transaction. Runtime: Node.
 */
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { SYNC_ROUTES } from '../../core/sync/routes';
import { pullQuerySchema, reconcileRequestSchema } from '../../core/sync/wire';
import { authenticateCounter, type CounterCtx, claimNonce } from '../auth/counter-auth';
import type { HeadOffice } from '../context';
import { readPage } from '../feed';
import { parseBody, validate } from '../http/errors';
import { limiter } from '../http/limiter';
import { push } from '../push/push';
import { rawBodyOf } from '../http/raw-body';
import { reconcile } from '../push/reconcile';
import { fetchRequestSchema, lookupRequestSchema } from '../../core/sync/wire-visit';
import { fetchCustomer } from '../visits/fetch';
import { lookupCustomers } from '../visits/lookup';
import { pullScopeOf } from '../visits/scope';

async function auth(ho: HeadOffice, req: FastifyRequest): Promise<CounterCtx> {
  return authenticateCounter(ho.store, req, rawBodyOf(req), ho.now());
}

const gzipAsync = promisify(gzip);
/** Pull pages read and packed at once, per head-office process. */
export const PULL_PAGES_AT_ONCE = 8;
/** Smaller pages go as they are: gzip would save little and cost a round on the thread pool. */
const GZIP_FROM_BYTES = 1024;

/** Whether an Accept-Encoding header takes gzip (and does not refuse it with q=0). */
export function acceptsGzip(header: string | string[] | undefined): boolean {
  const v = Array.isArray(header) ? header.join(',') : (header ?? '');
  return v.split(',').some((part) => {
    const [coding = '', ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    return (coding === 'gzip' || coding === 'x-gzip') && !(q && Number(q.slice(2)) === 0);
  });
}

export function registerCounterRoutes(app: FastifyInstance, ho: HeadOffice): void {
  const r = SYNC_ROUTES;
  const pages = limiter(PULL_PAGES_AT_ONCE);
  app.post(r.push.path, { bodyLimit: r.push.bodyLimit, config: { bytesOnly: true } }, async (req) => {
    const ctx = await auth(ho, req);
    const res = await push(ho.store, ctx, rawBodyOf(req), ho.now());
    req.log.info({ counter: ctx.counterId, acked: res.ackedSeq, q: res.quarantined.length }, 'push');
    return res;
  });

  app.get(r.pull.path, async (req, reply) => {
    const ctx = await auth(ho, req);
    const query = validate(pullQuerySchema, req.query);
    await claimNonce(ho.store, ctx, ho.now());
    // At most PULL_PAGES_AT_ONCE pages read and packed at a time (bootstraps of a whole city at once keep head
    // office's memory and database bounded); the rest wait their turn.
    const { scope } = await pullScopeOf(ho.store);
    const body = await pages.run(async () => {
      const page = await readPage(
        ho.store,
        ctx.hallId,
        query.cursor,
        query.limit,
        scope === 'company',
        ctx.counterId,
      );
      // Pages (a bootstrap's above all) go gzipped to a counter that asks: zlib on both sides, no new native
      // code, on libuv's thread pool so head office's event loop keeps turning.
      if (page.body.byteLength >= GZIP_FROM_BYTES && acceptsGzip(req.headers['accept-encoding'])) {
        reply.header('content-encoding', 'gzip');
        return gzipAsync(page.body, { level: 6 });
      }
      return page.body;
    });
    reply.type('application/json; charset=utf-8').header('vary', 'accept-encoding');
    return reply.send(body);
  });

  app.post(r.reconcile.path, { bodyLimit: r.reconcile.bodyLimit }, async (req) => {
    const ctx = await auth(ho, req);
    const body = parseBody(reconcileRequestSchema, req.body);
    return reconcile(ho.store, ctx, body, ho.now());
  });

  app.post(r.lookupCustomers.path, async (req) => {
    const ctx = await auth(ho, req);
    const body = parseBody(lookupRequestSchema, req.body);
    await claimNonce(ho.store, ctx, ho.now());
    return lookupCustomers(ho.store, ctx.hallId, body);
  });

  app.post(r.fetchCustomer.path, async (req) => {
    const ctx = await auth(ho, req);
    const body = parseBody(fetchRequestSchema, req.body);
    return ho.store.tx(async (q) => {
      await claimNonce(q, ctx, ho.now());
      return fetchCustomer(q, ctx, body.customerId);
    });
  });

  app.get(r.status.path, async (req) => {
    const ctx = await auth(ho, req);
    await claimNonce(ho.store, ctx, ho.now());
    const [row] = await ho.store.query<{
      head_seq: number;
      clock_skew_ms: number | null;
      q: number;
      c: number;
    }>(
      `SELECT head_seq, clock_skew_ms,
         (SELECT count(*)::int FROM quarantine WHERE counter_id = $2) AS q,
         (SELECT count(*)::int FROM conflicts WHERE incoming_counter_id = $2 AND status = 'open') AS c
       FROM counters WHERE slot_id = $1`,
      [ctx.slotId, ctx.counterId],
    );
    return {
      counterId: ctx.counterId,
      headSeq: row?.head_seq ?? 0,
      quarantined: row?.q ?? 0,
      openConflicts: row?.c ?? 0,
      clockSkewMs: row?.clock_skew_ms ?? null,
      serverTime: new Date(ho.now()).toISOString(),
    };
  });
}
