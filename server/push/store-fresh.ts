/**
 * Stores and applies the new operations of a batch, inside the push transaction: the ops rows (INSERT … ON
 * CONFLICT DO NOTHING — every one must land, or the batch is refused), the head-office tables, quarantine,
 * digests and the counter's new head. Runtime: Node.
 */
import { AppError } from '../../core/errors';
import type { QuarantinedOp } from '../../core/sync/wire';
import type { CounterCtx } from '../auth/counter-auth';
import type { Queryable } from '../pg/store';
import { applyOne } from './appliers';
import { Batch, type Outcome } from './batch';
import { advanceDigests } from './digests';
import { flush } from './flush';
import { preload } from './preload';
import type { Prepared } from './push-batch';

export async function storeFresh(
  q: Queryable,
  ctx: CounterCtx,
  fresh: Prepared,
  nowMs: number,
  newId: () => string,
) {
  const { ops } = fresh;
  // jsonb, not json: a key given twice counts once, exactly as JSON.parse (which the hashes were checked on) reads it.
  const [ins] = await q.query<{ n: number }>(
    `WITH i AS (
       INSERT INTO ops (counter_id, seq, id, type, entity_type, entity_id, payload, operator_id, approver_id, hlc, created_at,
         prev_hash, hash, state)
       SELECT x."counterId", x.seq, x.id, x.type, x."entityType", x."entityId", x.payload, x."operatorId", x."approverId",
         x.hlc, x."createdAt", x."prevHash", x.hash, CASE WHEN x.seq = ANY($3) THEN 'stored' ELSE 'applied' END
       FROM jsonb_to_recordset($1::jsonb -> 'ops') AS x("counterId" text, seq bigint, id text, type text, "entityType" text,
         "entityId" text, payload text, "operatorId" text, "approverId" text, hlc text, "createdAt" text, "prevHash" text,
         hash text)
       WHERE x.seq >= $2
       ON CONFLICT DO NOTHING RETURNING 1)
     SELECT count(*)::int AS n FROM i`,
    [fresh.raw, ops[0]!.seq, fresh.stored],
  );
  // Under the counter's row lock a (counter, seq) cannot collide; an id taken by another counter's op can.
  if (ins!.n !== ops.length)
    throw new AppError('SYNC_FOREIGN_OPS', { detail: 'an operation id is already used by another counter' });
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
