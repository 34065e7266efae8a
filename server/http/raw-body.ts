/**
 * JSON bodies arrive as text for the handlers, and their bytes are kept as received: a counter's signature
 * covers exactly these bytes, and a push hands them to the database as they are — no second UTF-8 encoding of
 * a megabyte-sized batch in JavaScript. A body that is not valid UTF-8 is refused before anything reads it. A route
 * whose config says `bytesOnly` gets the bytes as its body and no text at all.
 * Runtime: Node.
 */
import { isUtf8 } from 'node:buffer';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../../core/errors';

const RAW = Symbol('rawBody');
const EMPTY = Buffer.alloc(0);

type WithRaw = FastifyRequest & { [RAW]?: Buffer };

export function registerJsonBodies(app: FastifyInstance): void {
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (req, body, done) => {
    const bytes = body as Buffer;
    if (!isUtf8(bytes)) {
      done(new AppError('MALFORMED_REQUEST', { detail: '请求内容不是有效的 UTF-8' }), undefined);
      return;
    }
    (req as WithRaw)[RAW] = bytes;
    // A route that reads only the bytes (a push: server/push/receive.ts decodes them once) gets no text made here.
    done(
      null,
      (req.routeOptions.config as { bytesOnly?: boolean } | undefined)?.bytesOnly
        ? bytes
        : bytes.toString('utf8'),
    );
  });
}

/** The body's bytes as received (empty for a request without a body). */
export function rawBodyOf(req: FastifyRequest): Buffer {
  return (req as WithRaw)[RAW] ?? EMPTY;
}
