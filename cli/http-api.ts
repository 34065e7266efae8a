/**
 * The HTTP transport of the contract for `gasdesk serve`: POST /api/<operation> with a JSON body, the per-run
 * token as a bearer header, requests only from the served origin, and the built UI as static files.
 * Runtime: Node.
 */
import { timingSafeEqual } from 'node:crypto';
import { existsSync } from 'node:fs';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyInstance, type FastifyReply } from 'fastify';
import { AppError } from '../core/errors';
import type { Dispatcher } from '../services/api';

export interface HttpApiOptions {
  readonly dispatcher: Dispatcher;
  readonly token: string;
  /** Filled in once the port is known: the only origin allowed to call the API. */
  readonly origin: () => string;
  readonly staticDir?: string;
}

export const SESSION_HEADER = 'x-gasdesk-session';

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

function fail(reply: FastifyReply, err: AppError) {
  return reply.code(err.status).send({ ok: false, error: err.toBody() });
}

export function buildHttpApi(opts: HttpApiOptions): FastifyInstance {
  const app = Fastify({ logger: false, bodyLimit: 1024 * 1024 });

  app.setErrorHandler((error, _req, reply) => {
    const code = (error as { code?: string }).code;
    const status = (error as { statusCode?: number }).statusCode;
    if (code === 'FST_ERR_CTP_BODY_TOO_LARGE')
      return fail(reply, new AppError('MALFORMED_REQUEST', { detail: 'body too large' }));
    if (status && status < 500) return fail(reply, new AppError('MALFORMED_REQUEST'));
    return fail(reply, new AppError('INTERNAL'));
  });

  app.addHook('onRequest', async (req, reply) => {
    reply.header('X-Content-Type-Options', 'nosniff');
    reply.header('Referrer-Policy', 'no-referrer');
    reply.header('X-Frame-Options', 'DENY');
    // frame-ancestors only works as a header (the page's meta CSP covers the rest).
    reply.header('Content-Security-Policy', "frame-ancestors 'none'");
    const expected = new URL(opts.origin());
    // DNS-rebinding guard: only our own host name is served.
    if (req.headers.host !== expected.host) return fail(reply, new AppError('FORBIDDEN_ORIGIN'));
    if (!req.url.startsWith('/api/')) return;
    const origin = req.headers.origin;
    if (origin !== undefined && origin !== opts.origin())
      return fail(reply, new AppError('FORBIDDEN_ORIGIN'));
    const auth = req.headers.authorization ?? '';
    const token = auth.startsWith('Bearer ') ? auth.slice(7) : '';
    if (!token || !sameSecret(token, opts.token)) return fail(reply, new AppError('UNAUTHORIZED'));
  });

  app.post<{ Params: { op: string } }>('/api/:op', async (req, reply) => {
    const rawSession = req.headers[SESSION_HEADER];
    const sessionId = typeof rawSession === 'string' ? rawSession : undefined;
    // The terminal whose wrong passwords slow it down: the client's address and its session.
    const terminal = `http:${req.ip}:${sessionId ?? ''}`;
    const out = await opts.dispatcher.invoke(req.params.op, req.body ?? {}, { sessionId, terminal });
    if (out.ok) return reply.code(200).send({ ok: true, result: out.result });
    return reply.code(out.status).send({ ok: false, error: out.error });
  });

  app.all('/api/*', async (_req, reply) => fail(reply, new AppError('UNKNOWN_OPERATION')));

  if (opts.staticDir && existsSync(opts.staticDir)) {
    app.register(fastifyStatic, { root: opts.staticDir, index: ['index.html'] });
  }
  return app;
}
