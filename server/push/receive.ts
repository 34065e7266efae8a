/**
 * The first steps of a push, before any transaction (nothing is written when they refuse): parse the body
 * against the wire contract, check the batch is one contiguous, correctly chained run of the authenticated
 * counter's own operations (core/sync/canonical.ts — the counter's own hash form), and read every payload
 * through the ops contract (core/sync/ops), bounding its time by the request's signed time. Runtime: Node.
 */
import { hash } from 'node:crypto';
import { decodeHlc } from '../../core/hlc';
import { AppError } from '../../core/errors';
import { canonicalOp } from '../../core/sync/canonical';
import { opFigures } from '../../core/sync/digest';
import { readOp } from '../../core/sync/ops';
import { TIMESTAMP_WINDOW_MS } from '../../core/sync/signing';
import { type PushRequest, pushRequestSchema, type WireOp } from '../../core/sync/wire';
import { parseBody } from '../http/errors';
import { type PushedOp, quarantine } from './world';

/** How far past the request's signed time an operation's own time may be: the signature's own window. */
export const ALLOWED_FUTURE_MS = TIMESTAMP_WINDOW_MS;

export function parsePush(raw: Buffer): PushRequest {
  return parseBody(pushRequestSchema, raw.toString('utf8'));
}

function opHash(op: WireOp): string {
  return hash('sha256', canonicalOp(op), 'hex');
}

/** The batch sorted by sequence; throws (nothing written) unless it is the counter's own, contiguous and chained. */
export function verifyChain(counterId: string, ops: readonly WireOp[]): WireOp[] {
  const foreign = ops.find((o) => o.counterId !== counterId);
  if (foreign)
    throw new AppError('SYNC_FOREIGN_OPS', {
      detail: `operation ${foreign.seq} belongs to another counter`,
      fields: { seq: foreign.seq },
    });
  const sorted = [...ops].sort((a, b) => a.seq - b.seq);
  sorted.forEach((op, i) => {
    const before = sorted[i - 1];
    if (before && op.seq !== before.seq + 1)
      throw new AppError('SYNC_CHAIN_BROKEN', {
        detail: `operations ${before.seq}..${op.seq} are not contiguous`,
        fields: { seq: op.seq },
      });
    if (opHash(op) !== op.hash)
      throw new AppError('SYNC_CHAIN_BROKEN', {
        detail: `operation ${op.seq}: content does not match its hash`,
        fields: { seq: op.seq },
      });
    if (before && op.prevHash !== before.hash)
      throw new AppError('SYNC_CHAIN_BROKEN', {
        detail: `operation ${op.seq}: link to the previous operation is broken`,
        fields: { seq: op.seq },
      });
  });
  return sorted;
}

/** An op's time, bounded by the request's signed time: an operation from the future never wins anything. */
function fromTheFuture(op: WireOp, signedAtMs: number): boolean {
  const bound = signedAtMs + ALLOWED_FUTURE_MS;
  const created = Date.parse(op.createdAt);
  return decodeHlc(op.hlc).ms > bound || !(created <= bound);
}

function parsedOrNull(payload: string): unknown {
  try {
    return JSON.parse(payload);
  } catch {
    return null;
  }
}

/** Reads each op with the ops contract; an op from the future is marked refused, whatever it says. */
export function readOps(ops: readonly WireOp[], signedAtMs: number): PushedOp[] {
  return ops.map((o) => readOne(o, signedAtMs));
}

function readOne(o: WireOp, signedAtMs: number): PushedOp {
  const read = readOp(o);
  return {
    seq: o.seq,
    id: o.id,
    type: o.type,
    entityId: o.entityId,
    operatorId: o.operatorId,
    approverId: o.approverId,
    hlc: o.hlc,
    createdAt: o.createdAt,
    hash: o.hash,
    // As the counter's digests count them: from the payload as sent (only an unreadable one is parsed again).
    figures: opFigures(o.type, read.ok ? read.data : parsedOrNull(o.payload)),
    read,
    ...(fromTheFuture(o, signedAtMs)
      ? {
          refused: quarantine(
            'FUTURE_TIME',
            `业务时间晚于请求时间（柜台时钟超前？）：${o.createdAt}，总部不采信`,
          ),
        }
      : {}),
  };
}
