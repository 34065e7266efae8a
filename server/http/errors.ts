/**
 * Every refusal leaves head office as { code, message (中文), messageEn, detail?, issues? } with the code's
 * HTTP status — never a stack trace — and is logged at warn with the counter the request named, the client's
 * address, the code and a short reason. Runtime: Node.
 */
import type { FastifyError, FastifyInstance, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { toFieldIssues } from '../../core/contract';
import { AppError, ERRORS } from '../../core/errors';
import { HEADERS } from '../../core/sync/signing';
import { Refusal } from './refusal';

function reasonOf(e: AppError): string {
  if (e instanceof Refusal) return e.reason;
  if (e.issues?.length) return `invalid ${e.issues.map((i) => i.path.join('.') || '(body)').join(', ')}`;
  return e.detail ?? ERRORS[e.code].en;
}

/** The counter id a request names, whatever else is wrong with it. */
function namedCounter(req: FastifyRequest): string | undefined {
  const v = req.headers[HEADERS.counter];
  return typeof v === 'string' ? v.slice(0, 64) : undefined;
}

function logRefusal(req: FastifyRequest, e: AppError, reason: string): void {
  req.log.warn(
    {
      counter: namedCounter(req),
      address: req.ip,
      route: `${req.method} ${req.url.slice(0, 200)}`,
      code: e.code,
      reason,
    },
    'refused',
  );
}

export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError | AppError, req, reply) => {
    let e: AppError;
    if (err instanceof AppError) e = err;
    else if (err.code === 'FST_ERR_CTP_BODY_TOO_LARGE' || err.statusCode === 413)
      e = new Refusal('PAYLOAD_TOO_LARGE', err.message);
    else if (err.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' || err.code === 'FST_ERR_CTP_EMPTY_JSON_BODY')
      e = new Refusal('MALFORMED_REQUEST', err.message, { detail: 'Content-Type 应为 application/json' });
    else if (err.statusCode === 400) e = new Refusal('MALFORMED_REQUEST', err.message);
    else {
      req.log.error({ err }, 'request failed');
      e = new AppError('INTERNAL');
    }
    if (e.code !== 'INTERNAL') logRefusal(req, e, reasonOf(e));
    void reply.status(e.status).send(e.toBody());
  });
  app.setNotFoundHandler((req, reply) => {
    const e = new AppError('NOT_FOUND');
    logRefusal(req, e, 'no such route');
    void reply.status(404).send(e.toBody());
  });
}

/** Parses a JSON text body (kept raw for the signature) and validates it; nothing is written on failure. */
export function parseBody<S extends z.ZodType>(schema: S, raw: unknown): z.output<S> {
  let value: unknown = raw;
  if (typeof raw === 'string') {
    try {
      value = raw.length === 0 ? {} : JSON.parse(raw);
    } catch {
      throw new AppError('MALFORMED_REQUEST', { detail: '请求内容不是有效的 JSON' });
    }
  }
  return validate(schema, value ?? {});
}

export function validate<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const r = schema.safeParse(value);
  if (!r.success) throw new AppError('VALIDATION_FAILED', { issues: toFieldIssues(r.error).slice(0, 20) });
  return r.data;
}
