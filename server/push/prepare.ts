/**
 * Everything about a pushed batch that needs no database, from the body's bytes: parse and validate the
 * request, check the chain (verify-batch.ts), parse every payload and check the sales' (early-sales.ts). Pure
 * and synchronous, so that it runs in a prepare worker (prepare-pool.ts) off the thread that holds the
 * database connections; throws the same AppErrors the handlers always gave (nothing written). Runtime: Node.
 */
import { isAscii } from 'node:buffer';
import { AppError, isErrorCode } from '../../core/errors';
import {
  type Knowledge,
  type PushRequest,
  pushRequestSchema,
  storable,
  type WireOp,
} from '../../core/sync/wire';
import { isPushRequest } from '../../core/sync/wire-shape';
import { parseBody } from '../http/errors';
import { binaryArray, type ElementType } from '../pg/binary-array';
import { APPLIERS } from './appliers';
import type { PushedOp } from './batch';
import { type EarlySales, earlySales } from './early-sales';
import { verifyBatch } from './verify-batch';

/** A batch ready for its transaction (push-batch.ts). */
export interface PreparedPush {
  /** Sorted by sequence number, with what the transaction reads of them (the rest is in `rows`). */
  readonly ops: PushedOp[];
  /** The link of the first operation to the one before it. */
  readonly firstPrevHash: string;
  /** The ops rows, column by column in OPS_COLUMNS's order, as binary array parameters (binary-array.ts). */
  readonly rows: Uint8Array[];
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

/**
 * Escapes in a payload's text that can make a string head office cannot store: a NUL, or a surrogate (unpaired
 * — a pair, an emoji, is fine, and the walk below tells them apart). Counters write every character above
 * U+007F as an escape (core/sync/canonical.ts payloadJson), so a Chinese name alone must not send a payload
 * down the walk. A false alarm (an escaped backslash before "u0000") only costs the walk.
 */
const RISKY_ESCAPE = /\\u(?:0000|[dD][89a-fA-F])/;

/**
 * Whether every string in a parsed payload can be stored as it is (core/sync/wire.ts `storable`). Only a
 * `\u` escape in the payload's text can make one that cannot: almost every payload is settled by the test.
 */
function storableData(payload: string, data: unknown): boolean {
  if (!RISKY_ESCAPE.test(payload)) return true;
  const walk = (v: unknown): boolean => {
    if (typeof v === 'string') return storable(v);
    if (Array.isArray(v)) return v.every(walk);
    if (typeof v === 'object' && v !== null)
      return Object.entries(v).every(([k, x]) => storable(k) && walk(x));
    return true;
  };
  return walk(data);
}

/** The ops table's columns filled from a batch, with their SQL types (push-batch.ts unnests them). */
export const OPS_COLUMNS: readonly (readonly [
  column: string,
  type: ElementType,
  get: (o: WireOp) => unknown,
])[] = [
  ['seq', 'bigint', (o) => o.seq],
  ['id', 'text', (o) => o.id],
  ['type', 'text', (o) => o.type],
  ['entity_type', 'text', (o) => o.entityType],
  ['entity_id', 'text', (o) => o.entityId],
  ['payload', 'text', (o) => o.payload],
  ['operator_id', 'text', (o) => o.operatorId],
  ['approver_id', 'text', (o) => o.approverId],
  ['hlc', 'text', (o) => o.hlc],
  ['created_at', 'text', (o) => o.createdAt],
  ['prev_hash', 'text', (o) => o.prevHash],
  ['hash', 'text', (o) => o.hash],
];

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
  const bytes = Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength);
  // A counter's batch is ASCII (payloads escape everything above U+007F): read as one-byte text, 3× faster.
  const text = isAscii(bytes) ? bytes.toString('latin1') : bytes.toString('utf8');
  const req = quickOrSchema(text);
  const sorted = verifyBatch(counterId, req.ops);
  const rows = OPS_COLUMNS.map(([, type, get]) =>
    binaryArray(type, sorted.map(get) as (string | number | null)[]),
  );
  const ops: PushedOp[] = sorted.map((o) => {
    const data = parse(o.payload);
    const op: PushedOp = {
      seq: o.seq,
      id: o.id,
      type: o.type,
      entityId: o.entityId,
      operatorId: o.operatorId,
      hlc: o.hlc,
      createdAt: o.createdAt,
      hash: o.hash,
      data,
    };
    if (data !== undefined && !storableData(o.payload, data)) op.unstorable = true;
    return op;
  });
  const sales = earlySales(ops); // then only the sales' figures stay on the ops
  return {
    ops,
    firstPrevHash: sorted[0]!.prevHash,
    rows,
    knowledge: req.knowledge,
    stored: ops.filter((o) => !APPLIERS[o.type]).map((o) => o.seq),
    sales,
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
