/**
 * One pushed batch, in one PostgreSQL transaction: lock the counter's row (two syncs of one counter queue
 * here), check the batch continues the chain head office holds (a duplicate delivery is recognised by its
 * hashes, a diverging history is refused as a clone), store every new operation with INSERT … ON CONFLICT DO
 * NOTHING under its unique keys, apply it, advance the digests and the head, and answer with the acknowledged
 * sequence number. A response lost after the commit changes nothing: the retry finds the ops already stored.
 * The ops rows themselves go in before the lock (insertOps), so consecutive batches overlap in the database.
 * Everything that needs no database (parsing, hashes, payload checks) was done before, by prepare.ts (on a
 * prepare worker); a batch whose predecessor this instance is still storing waits for it before taking the
 * lock (in-order.ts). Runtime: Node.
 */
import { uuidv7 } from '../../core/ids';
import { AppError } from '../../core/errors';
import { NONCE_TTL_MS } from '../../core/sync/signing';
import type { PushResponse } from '../../core/sync/wire';
import type { CounterCtx } from '../auth/counter-auth';
import type { Queryable, Store } from '../pg/store';
import { LOCKS } from '../pg/migrate';
import { earlySalesSql } from './early-sales';
import { storingInOrder } from './in-order';
import { OPS_COLUMNS, type PreparedPush } from './prepare';
import { storeFresh } from './store-fresh';

/**
 * Before any lock: records the nonce and stores the batch's ops rows (from the binary column arrays the prepare
 * worker made of the operations whose hashes it checked), and with them the sales of the newly stored ops
 * (early-sales.ts). Storing outside the counter's lock lets the next batch's rows go in while the batch before
 * it is still being applied. Everything that decides (continuity, chain, clone) happens under the lock, and a
 * refusal rolls these rows back with the rest. Every op is the authenticated counter's (verify-batch.ts), so
 * its id is the counter column.
 *
 * Two forms. A batch is first stored with a plain INSERT, which fails the transaction on a key already held
 * (23505); almost every batch is new, and the plain form saves PostgreSQL ~1.5 ms a batch of 500 against
 * ON CONFLICT DO NOTHING, which probes every unique index before each row. A batch that meets a key already
 * held — a duplicate delivery, a retry after a lost answer, two syncs of one counter at once, an id another
 * counter took, a sale id given twice — runs again in a new transaction with ON CONFLICT DO NOTHING, which skips
 * what is held (a concurrent push of the same rows waits on them); the checks under the lock then decide.
 */
const FIRST_SALES_PARAM = 5 + OPS_COLUMNS.length;
const insertOpsSql = (
  onConflict: boolean,
) => `WITH n AS (INSERT INTO nonces (counter_id, nonce, expires_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING RETURNING 1),
  i AS (
    INSERT INTO ops (counter_id, ${OPS_COLUMNS.map(([c]) => c).join(', ')}, state)
    SELECT $1, ${OPS_COLUMNS.map(([c]) => `x.${c}`).join(', ')}, CASE WHEN x.seq = ANY($4) THEN 'stored' ELSE 'applied' END
    FROM unnest(${OPS_COLUMNS.map(([, type], k) => `$${5 + k}::${type}[]`).join(', ')})
      AS x(${OPS_COLUMNS.map(([c]) => c).join(', ')})
    ${onConflict ? 'ON CONFLICT DO NOTHING ' : ''}RETURNING seq),${earlySalesSql(FIRST_SALES_PARAM, onConflict)}
  SELECT EXISTS (SELECT 1 FROM n) AS fresh_nonce, (SELECT count(*)::int FROM i) AS inserted`;
const INSERT_NEW_OPS_SQL = insertOpsSql(false);
const INSERT_OPS_SQL = insertOpsSql(true);

/** A unique index refused a row (PostgreSQL's unique_violation, from node-postgres and PGlite alike). */
const keyHeld = (e: unknown) => (e as { code?: unknown } | null)?.code === '23505';

async function insertOps(q: Queryable, ctx: CounterCtx, p: PreparedPush, nowMs: number, onConflict: boolean) {
  const [r] = await q.query<{ fresh_nonce: boolean; inserted: number }>(
    onConflict ? INSERT_OPS_SQL : INSERT_NEW_OPS_SQL,
    [
      ctx.counterId,
      ctx.nonce,
      new Date(nowMs + NONCE_TTL_MS).toISOString(),
      p.stored,
      ...p.rows,
      ...p.sales.params,
    ],
  );
  return r!;
}

/**
 * Takes the counter's row lock (two syncs of one counter queue here) and then the feed lock (every write to
 * what counters pull is made under it: cursors become visible in order, and the batch's reads see every write
 * it could have waited for), in one round trip: the outer SELECT takes the feed lock once the subquery has
 * locked the row.
 */
async function lockCounter(q: Queryable, ctx: CounterCtx, freshNonce: boolean) {
  const [c] = await q.query<{ head_seq: number; head_hash: string; state: string }>(
    `SELECT c.head_seq, c.head_hash, c.state, pg_advisory_xact_lock($2)::text AS feed_locked
       FROM (SELECT head_seq, head_hash, state FROM counters WHERE slot_id = $1 FOR UPDATE) c`,
    [ctx.slotId, LOCKS.feed],
  );
  if (c?.state !== 'active') throw new AppError('COUNTER_REVOKED');
  if (!freshNonce) throw new AppError('SYNC_REPLAYED');
  return c;
}

export async function pushBatch(
  store: Store,
  ctx: CounterCtx,
  prepared: PreparedPush,
  nowMs: number,
): Promise<PushResponse> {
  const sorted = prepared.ops;
  let cloneAlert: string | null = null;
  const attempt = (predecessor: () => Promise<void>, onConflict: boolean) =>
    store.tx(async (q) => {
      const ins = await insertOps(q, ctx, prepared, nowMs, onConflict);
      await predecessor();
      const c = await lockCounter(q, ctx, ins.fresh_nonce);
      if (prepared.knowledge)
        await q.query(
          `INSERT INTO counter_knowledge (counter_id, after_seq, cursor) VALUES ($1, $2, $3)
           ON CONFLICT (counter_id, after_seq) DO UPDATE SET cursor = GREATEST(counter_knowledge.cursor, excluded.cursor)`,
          [ctx.counterId, prepared.knowledge.afterSeq, prepared.knowledge.cursor],
        );
      const old = sorted.filter((o) => o.seq <= c.head_seq);
      if (old.length > 0) {
        const stored = await q.query<{ seq: number; hash: string }>(
          'SELECT seq, hash FROM ops WHERE counter_id = $1 AND seq = ANY($2)',
          [ctx.counterId, old.map((o) => o.seq)],
        );
        const byseq = new Map(stored.map((r) => [r.seq, r.hash]));
        const diverging = old.find((o) => byseq.get(o.seq) !== o.hash);
        if (diverging) {
          cloneAlert = `operation ${diverging.seq} differs from the one stored (cloned database?)`;
          throw new AppError('SYNC_CLONED_COUNTER', { detail: `seq ${diverging.seq}` });
        }
      }
      const base = {
        ackedSeq: c.head_seq,
        applied: 0,
        stored: 0,
        duplicates: old.length,
        quarantined: [],
        conflicts: 0,
        clockSkewMs: ctx.clockSkewMs,
      };
      if (old.length === sorted.length) {
        await q.query('UPDATE counters SET last_seen_at = $2, clock_skew_ms = $3 WHERE slot_id = $1', [
          ctx.slotId,
          new Date(nowMs).toISOString(),
          ctx.clockSkewMs,
        ]);
        return base;
      }
      const first = sorted[old.length]!;
      if (first.seq !== c.head_seq + 1)
        throw new AppError('SYNC_SEQUENCE_GAP', { detail: `expected ${c.head_seq + 1}` });
      // The first new op's link: the batch's own first one, or (verify-batch.ts checked every link) the op before it.
      const link = old.length === 0 ? prepared.firstPrevHash : sorted[old.length - 1]!.hash;
      if (link !== c.head_hash) {
        cloneAlert = `operation ${first.seq} does not continue the stored chain (cloned database?)`;
        throw new AppError('SYNC_CLONED_COUNTER', { detail: `seq ${first.seq}` });
      }
      // Under the counter's row lock a (counter, seq) cannot collide; an id taken by another counter's op can.
      if (ins.inserted !== sorted.length - old.length)
        throw new AppError('SYNC_FOREIGN_OPS', {
          detail: 'an operation id is already used by another counter',
        });
      return { ...base, ...(await storeFresh(q, ctx, sorted.slice(old.length), nowMs, () => uuidv7(nowMs))) };
    });
  const decide = (predecessor: () => Promise<void>) =>
    attempt(predecessor, false).catch((e: unknown) => {
      if (!keyHeld(e)) throw e;
      return attempt(predecessor, true);
    });
  try {
    return await storingInOrder(ctx.counterId, sorted[0]!.seq, sorted[sorted.length - 1]!.seq, decide);
  } catch (e) {
    if (cloneAlert)
      await store
        .query('UPDATE counters SET alert = $2 WHERE slot_id = $1', [ctx.slotId, cloneAlert])
        .catch(() => {});
    throw e;
  }
}
