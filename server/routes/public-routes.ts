/**
 * Readiness, the OpenAPI document, enrollment (authenticated by its one-time code; its rate per address is
 * counted by its gate, server/http/gates.ts), and the page a receipt's QR link opens (GET /r/<sale id>?…). Runtime: Node.
 */
import type { FastifyInstance } from 'fastify';
import { AppError } from '../../core/errors';
import { SYNC_ROUTES as R } from '../../core/sync/routes';
import { enrollRequestSchema } from '../../core/sync/wire';
import { enroll } from '../admin/enroll';
import { receiptVerdictPage } from '../admin/receipt-page';
import { verifyReceipt } from '../admin/receipts';
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

  // The receipt QR's link, when the company's verification address points here (its default path is /r): the
  // whole link is verified as POST /admin/receipts/verify would, and answered as a page a phone shows.
  app.get('/r/:saleId', async (req, reply) => {
    const link = `https://head-office${req.url.slice(0, 1000)}`;
    const verdict = await verifyReceipt(ho.store, link);
    return reply
      .type('text/html; charset=utf-8')
      .header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'")
      .header('cache-control', 'no-store')
      .send(receiptVerdictPage(verdict));
  });

  app.post(R.enroll.path, async (req) => {
    const body = parseBody(enrollRequestSchema, req.body);
    const res = await enroll(ho.store, body, ho.now());
    req.log.info({ counter: res.counterId, hall: res.hallCode, code: res.counterCode }, 'counter enrolled');
    return res;
  });
}
