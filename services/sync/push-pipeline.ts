/**
 * Pushes a hash-chained outbox in sequence order with up to `window` batches in flight, so that building and
 * checking one batch overlaps with head office storing the one before (and a slow link is not idle between
 * batches). Head office still stores them strictly in order: a batch that arrives before its predecessor is
 * refused with SYNC_SEQUENCE_GAP and simply sent again. A gap that is not of our making (head office holds
 * less than was acknowledged — restored from a backup) rewinds to where head office says. Runtime: Node.
 */
import { AppError } from '../../core/errors';
import { SYNC_ROUTES } from '../../core/sync/routes';
import type { Knowledge, PushResponse, WireOp } from '../../core/sync/wire';
import { EncodedJson, type SyncClient } from './transport';

export interface PipelineOptions {
  readonly acked: number;
  /** The next batch after `seq` (null when drained). */
  readonly next: (afterSeq: number) => PushBatch | null;
  /** Called in order for every acknowledged batch. */
  readonly onAck: (res: PushResponse) => void;
  /** Head office holds less than we thought: persist the rewind. */
  readonly onRewind: (acked: number) => void;
  readonly knowledge?: Knowledge;
  /**
   * Batches in flight (default 3: head office prepares one while it stores the one before and the next is on
   * the wire; against 2, npm run bench -- sync push measured ~8 % more in three of four same-hour pairs).
   */
  readonly window?: number;
}

/** A batch to send: its operations as a JSON array's UTF-8 bytes (db/repos/sync.ts reads them so), and its last seq. */
export interface PushBatch {
  readonly opsJson: Uint8Array;
  readonly last: number;
}

/** A batch of operations held as objects (tests, tools), encoded as a batch read from the outbox is. */
export function encodeBatch(ops: readonly WireOp[]): PushBatch | null {
  const last = ops[ops.length - 1];
  return last ? { opsJson: Buffer.from(JSON.stringify(ops)), last: last.seq } : null;
}

const OPS_OPEN = Buffer.from('{"ops":');
const CLOSE = Buffer.from('}');

/**
 * The request body around a batch's bytes, with what the counter had pulled on its first batch: in pieces, so
 * that half a megabyte is not copied once more to be joined (each copy also grows the memory V8 counts outside
 * its heap, and with it the full collections it runs).
 */
function pushBody(b: PushBatch, knowledge: Knowledge | undefined): EncodedJson {
  const end = knowledge ? Buffer.from(`,"knowledge":${JSON.stringify(knowledge)}}`) : CLOSE;
  return new EncodedJson([OPS_OPEN, b.opsJson, end]);
}

/** A batch in flight: its last op, and what was acknowledged when it was sent (to tell our own gaps from head office's). */
type Flight = { readonly last: number; readonly ackedAtSend: number; readonly result: Promise<PushResponse> };

export async function pushPipelined(client: SyncClient, o: PipelineOptions): Promise<number> {
  let acked = o.acked;
  let from = acked;
  let rewinds = 0;
  let sentKnowledge = false;
  const flights: Flight[] = [];
  const send = (b: PushBatch): Flight => {
    const body = pushBody(b, sentKnowledge ? undefined : o.knowledge);
    sentKnowledge = true;
    const result = client.request<PushResponse>('POST', SYNC_ROUTES.push.path, body).then((r) => r.body);
    result.catch(() => {}); // observed below, in order
    return { last: b.last, ackedAtSend: acked, result };
  };
  for (;;) {
    while (flights.length < (o.window ?? 3)) {
      const b = o.next(from);
      if (!b) break;
      flights.push(send(b));
      from = b.last;
    }
    const f = flights.shift();
    if (!f) return acked;
    let failure: unknown = null;
    try {
      const res = await f.result;
      if (res.ackedSeq > acked) acked = res.ackedSeq;
      o.onAck(res);
      if (res.ackedSeq < f.last)
        throw new AppError('INTERNAL', { detail: `head office acknowledged ${res.ackedSeq} of ${f.last}` });
      continue;
    } catch (e) {
      failure = e;
    }
    // Let the rest land (acknowledging what did), then decide from the first failure.
    for (const g of flights.splice(0)) {
      const res = await g.result.catch(() => null);
      if (res) {
        if (res.ackedSeq > acked) acked = res.ackedSeq;
        o.onAck(res);
      }
    }
    if (!(failure instanceof AppError && failure.code === 'SYNC_SEQUENCE_GAP')) throw failure;
    const expected = failure.fields?.expectedSeq;
    if (typeof expected !== 'number' || !Number.isInteger(expected)) throw failure;
    // Below what was acknowledged before this batch left: head office lost operations (restored); else our own overtaking.
    if (expected - 1 < f.ackedAtSend) {
      if (rewinds++ >= 3) throw failure;
      acked = expected - 1;
      o.onRewind(acked);
    }
    from = acked;
  }
}
