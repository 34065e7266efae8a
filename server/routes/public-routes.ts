/**
 * Readiness, the OpenAPI document and enrollment (authenticated by its one-time code; its rate per address is
 * counted by its gate, server/http/gates.ts). Runtime: Node.
 */
import type { FastifyInstance } from 'fastify';
import { AppError } from '../../core/errors';
import { SYNC_ROUTES as R } from '../../core/sync/routes';
import { enrollRequestSchema } from '../../core/sync/wire';
import { enroll } from '../admin/enroll';
import type { HeadOffice } from '../context';
import { parseBody } from '../http/errors';
import { openApiDocument } from '../openapi';

export function registerPublicRoutes(app: FastifyInstance, ho: HeadOffice): void {
  app.get(R.health.path, async (_req, reply) => {
    if (!ho.ready) throw new AppError('HEAD_OFFICE_UNAVAILABLE');
    try {
      await ho.store.query('SELECT 1');
    } catch {
      throw new AppError('HEAD_OFFICE_UNAVAILABLE');
    }
    return reply.send({
      status: 'ok',
      database: ho.store.kind,
      version: ho.version,
      time: new Date(ho.now()).toISOString(),
    });
  });

  let doc: unknown;
  app.get('/openapi.json', async () => {
    doc ??= openApiDocument(ho.version);
    return doc;
  });

  app.post(R.enroll.path, async (req) => {
    const body = parseBody(enrollRequestSchema, req.body);
    const res = await enroll(ho.store, body, ho.now());
    req.log.info({ counter: res.counterId, hall: res.hallCode, code: res.counterCode }, 'counter enrolled');
    return res;
  });
}
