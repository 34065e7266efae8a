/**
 * POST /v1/push, start to end (docs/sync-protocol.md, "Push"). The route has already verified the counter's
 * signature over these bytes (server/auth/counter-auth.ts). Then:
 *
 *   1. receive   parse the body against the wire contract; the batch must be the counter's own operations, one
 *                contiguous run, every hash recomputing and linking to the one before (receive.ts);
 *   2. read      every payload through the ops contract (core/sync/ops: its version upgraded, its schema and
 *                its own figures checked), and its time bounded by the request's signed time (receive.ts);
 *   3. store     in one transaction, the ops rows under their unique keys — while the batch ahead of this one
 *                (a counter sends up to three at once) is still being applied (write.ts insertOps);
 *   4. lock      once that batch holds the counter's lock, if this instance is storing it (in-order.ts), queue
 *                behind it in one statement: the nonce, what the counter knew of the feed, the counter's row (two
 *                pushes of one counter queue here) and the feed lock (cursors become visible in order);
 *   5. continue  operations head office already holds must be the same ones (else a cloned database); the new
 *                ones must start right after its head and link to it, and be the ones stored in step 3;
 *   6. check     load what the new operations touch (load.ts), then, in sequence order, decide each one: may
 *                this counter say it, does it agree with what head office holds (rules/) — refused ones are
 *                quarantined with their reason and never block the ones behind them — and apply the rest;
 *   7. store     everything the batch changed, its digests and the counter's new head, in one statement;
 *   8. ack       answer with the acknowledged sequence number and what was quarantined.
 *
 * Any refusal rolls the whole transaction back. A retry, a duplicate delivery or an answer lost after the
 * commit finds its operations already held (step 5) and changes nothing. Runtime: Node.
 */
import { uuidv7 } from '../../core/ids';
import { AppError } from '../../core/errors';
import type { Knowledge, PushResponse, QuarantinedOp } from '../../core/sync/wire';
import { type CounterCtx, NONCE_SQL, nonceParams, sweepNonces } from '../auth/counter-auth';
import { LOCKS } from '../pg/migrate';
import type { Queryable, Store } from '../pg/store';
import { advanceDigests } from './digests';
import { storingInOrder } from './in-order';
import { load } from './load';
import { reportDayRows } from './report-days';
import { parsePush, readOps, verifyChain } from './receive';
import { decide } from './rules';
import { World } from './world';
import { insertOps, writeBatch } from './write';

export async function push(store: Store, ctx: CounterCtx, raw: Buffer, nowMs: number): Promise<PushResponse> {
  const request = parsePush(raw);
  const batch = verifyChain(ctx.counterId, request.ops);
  const pushed = readOps(batch, ctx.signedAtMs);
  let cloneAlert: string | null = null;
  try {
    return await storingInOrder(ctx.counterId, batch[0]!.seq, batch.at(-1)!.seq, (turn) =>
      store.tx(async (q) => {
        // 3. store the rows — while the batch ahead of this one is still being applied (a refusal below rolls
        // them back with the rest)
        const inserted = await insertOps(q, ctx.counterId, batch);
        // 4. lock — queued behind the batch before it, when this instance is storing that one (in-order.ts)
        await turn.predecessor();
        const head = await lockCounter(q, ctx, nowMs, request.knowledge);
        turn.locked();
        // 5. continue
        const held = batch.filter((o) => o.seq <= head.seq);
        const diverging = await divergingOp(q, ctx, held);
        if (diverging !== undefined) {
          cloneAlert = `operation ${diverging} differs from the one stored (cloned database?)`;
          throw new AppError('SYNC_CLONED_COUNTER', {
            detail: `seq ${diverging}`,
            fields: { seq: diverging },
          });
        }
        const base = {
          ackedSeq: head.seq,
          applied: 0,
          stored: 0,
          duplicates: held.length,
          quarantined: [],
          conflicts: 0,
        };
        if (held.length === batch.length) {
          await q.query('UPDATE counters SET last_seen_at = $2, clock_skew_ms = $3 WHERE slot_id = $1', [
            ctx.slotId,
            new Date(nowMs).toISOString(),
            ctx.clockSkewMs,
          ]);
          return { ...base, clockSkewMs: ctx.clockSkewMs };
        }
        const fresh = batch.slice(held.length);
        const first = fresh[0]!;
        if (first.seq !== head.seq + 1)
          throw new AppError('SYNC_SEQUENCE_GAP', {
            detail: `expected ${head.seq + 1}`,
            fields: { expectedSeq: head.seq + 1 },
          });
        if (first.prevHash !== head.hash) {
          cloneAlert = `operation ${first.seq} does not continue the stored chain (cloned database?)`;
          throw new AppError('SYNC_CLONED_COUNTER', {
            detail: `seq ${first.seq}`,
            fields: { seq: first.seq },
          });
        }
        // Under the counter's row lock a (counter, seq) cannot collide; an id taken by another counter's op can.
        if (inserted !== fresh.length)
          throw new AppError('SYNC_FOREIGN_OPS', {
            detail: 'an operation id is already used by another counter',
          });
        // 6. check and apply, in sequence order
        const ops = pushed.slice(held.length);
        const world = new World(ctx, nowMs, () => uuidv7(nowMs));
        await load(q, world, ops);
        const outcomes = ops.map((op) => decide(world, op));
        const quarantined: QuarantinedOp[] = [];
        ops.forEach((op, i) => {
          const o = outcomes[i]!;
          if (o.state === 'quarantined')
            quarantined.push({ seq: op.seq, id: op.id, type: op.type, code: o.code, reason: o.reason });
        });
        // 7. store what it changed
        const last = fresh[fresh.length - 1]!;
        await writeBatch(q, world, {
          quarantined,
          digests: advanceDigests(world.digests, ops, ctx.timeZone),
          head: { seq: last.seq, hash: last.hash },
          reportDays: reportDayRows(world.freshSales(), fresh, ctx.timeZone),
        });
        // 8. ack
        return {
          ...base,
          ackedSeq: last.seq,
          applied: outcomes.filter((o) => o.state === 'applied').length,
          stored: outcomes.filter((o) => o.state === 'stored').length,
          quarantined,
          conflicts: world.conflicts.length,
          clockSkewMs: ctx.clockSkewMs,
        };
      }),
    );
  } catch (e) {
    if (cloneAlert)
      await store
        .query('UPDATE counters SET alert = $2 WHERE slot_id = $1', [ctx.slotId, cloneAlert])
        .catch(() => {});
    throw e;
  }
}

/**
 * In one round trip: records the request's nonce (a second request with it is a replay) and what the counter
 * knew of the feed, takes the counter's row lock (two pushes of one counter queue here) and then the feed lock
 * (every write to what counters pull is made under it); a counter revoked meanwhile is refused.
 */
async function lockCounter(
  q: Queryable,
  ctx: CounterCtx,
  nowMs: number,
  knowledge: Knowledge | undefined,
): Promise<{ seq: number; hash: string }> {
  const [c] = await q.query<{ head_seq: number; head_hash: string; state: string; nonce_new: boolean }>(
    `WITH n AS (${NONCE_SQL}),
     k AS (
       INSERT INTO counter_knowledge (counter_id, after_seq, cursor) SELECT $1, $6::bigint, $7::bigint
       WHERE $6::bigint IS NOT NULL
       ON CONFLICT (counter_id, after_seq) DO UPDATE SET cursor = GREATEST(counter_knowledge.cursor, excluded.cursor))
     SELECT c.head_seq, c.head_hash, c.state, pg_advisory_xact_lock($5)::text AS feed_locked,
       EXISTS (SELECT FROM n) AS nonce_new
       FROM (SELECT head_seq, head_hash, state FROM counters WHERE slot_id = $4 FOR UPDATE) c`,
    [
      ...nonceParams(ctx, nowMs),
      ctx.slotId,
      LOCKS.feed,
      knowledge?.afterSeq ?? null,
      knowledge?.cursor ?? null,
    ],
  );
  if (c && !c.nonce_new) throw new AppError('SYNC_REPLAYED');
  if (c?.state !== 'active') throw new AppError('COUNTER_REVOKED');
  await sweepNonces(q, nowMs);
  return { seq: c.head_seq, hash: c.head_hash };
}

/** The first op head office already holds under its sequence number with another hash, if any. */
async function divergingOp(q: Queryable, ctx: CounterCtx, held: readonly { seq: number; hash: string }[]) {
  if (held.length === 0) return undefined;
  const stored = await q.query<{ seq: number; hash: string }>(
    'SELECT seq, hash FROM ops WHERE counter_id = $1 AND seq = ANY($2)',
    [ctx.counterId, held.map((o) => o.seq)],
  );
  const bySeq = new Map(stored.map((r) => [r.seq, r.hash]));
  return held.find((o) => bySeq.get(o.seq) !== o.hash)?.seq;
}
