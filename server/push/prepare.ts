/**
 * Everything about a pushed batch that needs no database, from the body's bytes: parse and validate the
 * request, check the chain (verify-batch.ts), parse every payload and check the sales' (early-sales.ts). Pure
 * and synchronous, so that it runs in a prepare worker (prepare-pool.ts) off the thread that holds the
 * database connections; throws the same AppErrors the handlers always gave (nothing written). Runtime: Node.
 */
import { AppError, isErrorCode } from '../../core/errors';
import { type Knowledge, type PushRequest, pushRequestSchema } from '../../core/sync/wire';
import { isPushRequest } from '../../core/sync/wire-shape';
import { parseBody } from '../http/errors';
import { APPLIERS } from './appliers';
import type { PushedOp } from './batch';
import { type EarlySales, earlySales } from './early-sales';
import { verifyBatch } from './verify-batch';

/** A batch ready for its transaction (push-batch.ts). */
export interface PreparedPush {
  /** Sorted by sequence number; the payload text itself is left out (the ops rows come from the raw body). */
  readonly ops: PushedOp[];
  readonly knowledge?: Knowledge;
  /** Sequence numbers of ops stored but not applied (a type head office does not apply). */
  readonly stored: number[];
  readonly sales: EarlySales;
}

function parse(payload: string): unknown {
  try {
    return JSON.parse(payload);
  } catch {
    return undefined;
  }
}

/** The request, through the quick check when it fits (wire-shape.ts), else through the schema and its errors. */
function quickOrSchema(text: string): PushRequest {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return parseBody(pushRequestSchema, text); // refuses it as MALFORMED_REQUEST
  }
  return isPushRequest(body) ? body : parseBody(pushRequestSchema, body);
}

export function preparePush(counterId: string, raw: Uint8Array): PreparedPush {
  const text = Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength).toString('utf8');
  const req = quickOrSchema(text);
  const ops: PushedOp[] = verifyBatch(counterId, req.ops).map((o) => ({
    ...o,
    payload: '',
    data: parse(o.payload),
  }));
  return {
    ops,
    knowledge: req.knowledge,
    stored: ops.filter((o) => !APPLIERS[o.type]).map((o) => o.seq),
    sales: earlySales(ops),
  };
}

/** An AppError as it crosses from the worker, and back. */
export interface ErrorShape {
  readonly code: string;
  readonly detail?: string;
  readonly issues?: unknown;
}

export const errorShape = (e: AppError): ErrorShape => ({ code: e.code, detail: e.detail, issues: e.issues });
export const fromShape = (s: ErrorShape): AppError =>
  new AppError(isErrorCode(s.code) ? s.code : 'INTERNAL', { detail: s.detail, issues: s.issues as never });
