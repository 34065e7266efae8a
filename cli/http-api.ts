/**
 * The HTTP transport of the contract for `gasdesk serve`: POST /api/<operation> with a JSON body, the per-run
 * token as a bearer header, requests only from the served origin, bodies up to 1 MB (413 REQUEST_TOO_LARGE
 * beyond), and the built UI as static files.
 * Runtime: Node.
 */
import { timingSafeEqual } from 'node:crypto';
import { existsSync } from 'node:fs';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyInstance, type FastifyReply } from 'fastify';
import { AppError } from '../core/errors';
import type { Dispatcher } from '../services/api';
import { namesApi, readTarget } from './request-target';

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
  // 10 MiB: a 零散报装 step's three attachments of 2 MB each, as base64.
  const app = Fastify({ logger: false, bodyLimit: 10 * 1024 * 1024 });

  app.setErrorHandler((error, _req, reply) => {
    const code = (error as { code?: string }).code;
    const status = (error as { statusCode?: number }).statusCode;
    if (code === 'FST_ERR_CTP_BODY_TOO_LARGE') return fail(reply, new AppError('REQUEST_TOO_LARGE'));
    if (status && status < 500) return fail(reply, new AppError('MALFORMED_REQUEST'));
    return fail(reply, new AppError('INTERNAL'));
  });

  /**
   * Host, Origin and token are checked on what the request reaches, not on its raw spelling: a request is an
   * API call when the route it matched is an API route or when its target, read as any router might read it
   * (request-target.ts), names /api. An API call in any other spelling than plain `/api/<op>` is refused too
   * (after the checks), so nothing odd falls through to the static files.
   */
  app.addHook('onRequest', async (req, reply) => {
    reply.header('X-Content-Type-Options', 'nosniff');
    reply.header('Referrer-Policy', 'no-referrer');
    reply.header('X-Frame-Options', 'DENY');
    // frame-ancestors only works as a header (the page's meta CSP covers the rest).
    reply.header('Content-Security-Policy', "frame-ancestors 'none'");
    const expected = new URL(opts.origin());
    const target = readTarget(req.url);
    // DNS-rebinding guard: only our own host name is served (an absolute-form target names its own host).
    if (req.headers.host !== expected.host || (target.authority ?? expected.host) !== expected.host)
      return fail(reply, new AppError('FORBIDDEN_ORIGIN'));
    const routedToApi = req.routeOptions.url?.startsWith('/api') ?? false;
    if (!routedToApi && !namesApi(target)) return;
    const origin = req.headers.origin;
    if (origin !== undefined && origin !== opts.origin())
      return fail(reply, new AppError('FORBIDDEN_ORIGIN'));
    const auth = req.headers.authorization ?? '';
    const token = auth.startsWith('Bearer ') ? auth.slice(7) : '';
    if (!token || !sameSecret(token, opts.token)) return fail(reply, new AppError('UNAUTHORIZED'));
    if (!target.plain || !req.url.startsWith('/api/'))
      return fail(
        reply,
        new AppError('MALFORMED_REQUEST', { detail: 'the API is called as /api/<operation>' }),
      );
  });

  app.post<{ Params: { op: string } }>('/api/:op', async (req, reply) => {
    const rawSession = req.headers[SESSION_HEADER];
    const sessionId = typeof rawSession === 'string' ? rawSession : undefined;
    // The terminal whose wrong passwords slow it down: the client's address and its session.
    const terminal = `http:${req.ip}:${sessionId ?? ''}`;
    const out = await opts.dispatcher.invoke(req.params.op, req.body ?? {}, { sessionId, terminal });
    if (out.ok) return reply.code(200).send({ ok: true, result: out.result, replayed: out.replayed });
    return reply.code(out.status).send({ ok: false, error: out.error });
  });

  app.all('/api/*', async (_req, reply) => fail(reply, new AppError('UNKNOWN_OPERATION')));

  if (opts.staticDir && existsSync(opts.staticDir)) {
    app.register(fastifyStatic, { root: opts.staticDir, index: ['index.html'] });
  }
  return app;
}
