/**
 * Applies the new operations of a batch, inside the push transaction and under the counter's lock, once their
 * ops rows are stored (push-batch.ts): the head-office tables, quarantine, digests and the counter's new head —
 * one statement to read (preload.ts) and one to write (flush.ts). Runtime: Node.
 */
import type { QuarantinedOp } from '../../core/sync/wire';
import type { CounterCtx } from '../auth/counter-auth';
import type { Queryable } from '../pg/store';
import { applyOne } from './appliers';
import { Batch, type Outcome, type PushedOp } from './batch';
import { advanceDigests } from './digests';
import { flush } from './flush';
import { preload } from './preload';

export async function storeFresh(
  q: Queryable,
  ctx: CounterCtx,
  ops: PushedOp[],
  nowMs: number,
  newId: () => string,
) {
  const batch = new Batch(ctx, nowMs, newId);
  await preload(q, batch, ops);
  const outcomes: Outcome[] = ops.map((op) => applyOne(batch, op));
  const quarantined: QuarantinedOp[] = [];
  ops.forEach((op, i) => {
    const o = outcomes[i]!;
    if (o.state === 'quarantined')
      quarantined.push({ seq: op.seq, id: op.id, type: op.type, code: o.code, reason: o.reason });
  });
  const last = ops[ops.length - 1]!;
  await flush(q, batch, {
    quarantined,
    digests: advanceDigests(batch.digests, ops, ctx.timeZone),
    head: { seq: last.seq, hash: last.hash },
  });
  return {
    ackedSeq: last.seq,
    applied: outcomes.filter((o) => o.state === 'applied').length,
    stored: outcomes.filter((o) => o.state === 'stored').length,
    quarantined,
    conflicts: batch.conflicts.length,
  };
}
