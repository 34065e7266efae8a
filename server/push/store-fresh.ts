/**
 * Applies the new operations of a batch, inside the push transaction and under the counter's lock, once their
 * ops rows are stored (push-batch.ts): the head-office tables, quarantine, digests and the counter's new head. Runtime: Node.
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
  if (quarantined.length > 0) {
    await q.query(`UPDATE ops SET state = 'quarantined' WHERE counter_id = $1 AND seq = ANY($2)`, [
      ctx.counterId,
      quarantined.map((x) => x.seq),
    ]);
    await q.query(
      `INSERT INTO quarantine (op_id, counter_id, seq, type, code, reason)
       SELECT x.id, $2, x.seq, x.type, x.code, x.reason FROM json_to_recordset($1::json) AS x(id text, seq bigint, type text, code text, reason text)
       ON CONFLICT DO NOTHING`,
      [JSON.stringify(quarantined), ctx.counterId],
    );
  }
  await flush(q, batch);
  await advanceDigests(q, ctx.counterId, ops);
  const last = ops[ops.length - 1]!;
  await q.query(
    'UPDATE counters SET head_seq = $2, head_hash = $3, last_seen_at = $4, clock_skew_ms = $5 WHERE slot_id = $1',
    [ctx.slotId, last.seq, last.hash, new Date(nowMs).toISOString(), ctx.clockSkewMs],
  );
  return {
    ackedSeq: last.seq,
    applied: outcomes.filter((o) => o.state === 'applied').length,
    stored: outcomes.filter((o) => o.state === 'stored').length,
    quarantined,
    conflicts: batch.conflicts.length,
  };
}
