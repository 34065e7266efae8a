/**
 * Head office's per-day digests of each counter's operations, advanced in the transaction that stores them
 * (in sequence order, so the chained hash of ids matches the counter's); written by write.ts. Runtime: Node.
 */
import { hash } from 'node:crypto';
import { type DayDigest, opDay } from '../../core/sync/digest';
import type { PushedOp } from './world';

export function chainId(prev: string, id: string): string {
  return hash('sha256', prev + id, 'hex');
}

/** The counter's digests of the batch's days advanced by its new ops, from those read under the lock (load.ts). */
export function advanceDigests(
  before: ReadonlyMap<string, DayDigest>,
  ops: PushedOp[],
  timeZone: string,
): DayDigest[] {
  const byDay = new Map<string, DayDigest>();
  for (const op of ops) {
    const day = opDay(op.createdAt, timeZone);
    const d = byDay.get(day) ?? {
      ...(before.get(day) ?? { day, count: 0, amount: 0, volume: 0, idsHash: '', lastSeq: 0 }),
    };
    const f = op.figures;
    d.count += 1;
    d.amount += f.amount;
    d.volume += f.volume;
    d.idsHash = chainId(d.idsHash, op.id);
    d.lastSeq = op.seq;
    byDay.set(day, d);
  }
  return [...byDay.values()];
}
