/**
 * Head office's per-day digests of each counter's operations, advanced in the transaction that stores them
 * (in sequence order, so the chained hash of ids matches the counter's). Runtime: Node.
 */
import { hash } from 'node:crypto';
import { type DayDigest, opDay, opFigures } from '../../core/sync/digest';
import type { Queryable } from '../pg/store';
import type { PushedOp } from './batch';

export function chainId(prev: string, id: string): string {
  return hash('sha256', prev + id, 'hex');
}

export async function advanceDigests(q: Queryable, counterId: string, ops: PushedOp[]): Promise<void> {
  const days = [...new Set(ops.map((o) => opDay(o.createdAt)))];
  const rows = await q.query<DayDigest>(
    `SELECT day, count, amount, volume, ids_hash AS "idsHash", last_seq AS "lastSeq"
       FROM day_digests WHERE counter_id = $1 AND day = ANY($2)`,
    [counterId, days],
  );
  const byDay = new Map(rows.map((r) => [r.day, r]));
  for (const op of ops) {
    const day = opDay(op.createdAt);
    const d = byDay.get(day) ?? { day, count: 0, amount: 0, volume: 0, idsHash: '', lastSeq: 0 };
    const f = opFigures(op.type, op.data);
    d.count += 1;
    d.amount += f.amount;
    d.volume += f.volume;
    d.idsHash = chainId(d.idsHash, op.id);
    d.lastSeq = op.seq;
    byDay.set(day, d);
  }
  await q.query(
    `INSERT INTO day_digests (counter_id, day, count, amount, volume, ids_hash, last_seq)
     SELECT $2, x.day, x.count, x.amount, x.volume, x."idsHash", x."lastSeq"
       FROM json_to_recordset($1::json) AS x(day text, count integer, amount bigint, volume bigint, "idsHash" text, "lastSeq" bigint)
     ON CONFLICT (counter_id, day) DO UPDATE SET count = excluded.count, amount = excluded.amount, volume = excluded.volume,
       ids_hash = excluded.ids_hash, last_seq = excluded.last_seq`,
    [JSON.stringify([...byDay.values()]), counterId],
  );
}
