/**
 * Every refusal leaves head office as { code, message (中文), messageEn, detail?, issues? } with the code's
 * HTTP status — never a stack trace. Runtime: Node.
 */
import type { FastifyError, FastifyInstance } from 'fastify';
import type { z } from 'zod';
import { toFieldIssues } from '../../core/contract';
import { AppError } from '../../core/errors';

export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError | AppError, req, reply) => {
    let e: AppError;
    if (err instanceof AppError) e = err;
    else if (err.code === 'FST_ERR_CTP_BODY_TOO_LARGE' || err.statusCode === 413)
      e = new AppError('PAYLOAD_TOO_LARGE');
    else if (err.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' || err.code === 'FST_ERR_CTP_EMPTY_JSON_BODY')
      e = new AppError('MALFORMED_REQUEST', { detail: 'Content-Type 应为 application/json' });
    else if (err.statusCode === 400) e = new AppError('MALFORMED_REQUEST');
    else {
      req.log.error({ err }, 'request failed');
      e = new AppError('INTERNAL');
    }
    if (e.status >= 500 && e.code !== 'INTERNAL') req.log.warn({ code: e.code }, 'refused');
    void reply.status(e.status).send(e.toBody());
  });
  app.setNotFoundHandler((_req, reply) => {
    void reply.status(404).send(new AppError('NOT_FOUND').toBody());
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
