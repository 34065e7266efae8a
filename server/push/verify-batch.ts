/**
 * The checks a pushed batch must pass before head office opens a transaction: every operation is the
 * authenticated counter's own, the batch is one contiguous run of sequence numbers, and every hash recomputes
 * and links to the one before (core/sync/canonical.ts — the counter's own form). Runtime: Node.
 */
import { hash } from 'node:crypto';
import { AppError } from '../../core/errors';
import { canonicalOp } from '../../core/sync/canonical';
import type { WireOp } from '../../core/sync/wire';

export function opHash(op: WireOp): string {
  return hash('sha256', canonicalOp(op), 'hex');
}

/** Returns the ops sorted by sequence; throws (nothing written) when the batch is not acceptable. */
export function verifyBatch(counterId: string, ops: WireOp[]): WireOp[] {
  const foreign = ops.find((o) => o.counterId !== counterId);
  if (foreign)
    throw new AppError('SYNC_FOREIGN_OPS', {
      detail: `operation ${foreign.seq} belongs to ${foreign.counterId.slice(0, 64)}`,
    });
  const sorted = [...ops].sort((a, b) => a.seq - b.seq);
  for (let i = 0; i < sorted.length; i++) {
    const op = sorted[i]!;
    if (i > 0 && op.seq !== sorted[i - 1]!.seq + 1)
      throw new AppError('SYNC_CHAIN_BROKEN', {
        detail: `operations ${sorted[i - 1]!.seq}..${op.seq} are not contiguous`,
      });
    if (opHash(op) !== op.hash)
      throw new AppError('SYNC_CHAIN_BROKEN', {
        detail: `operation ${op.seq}: content does not match its hash`,
      });
    if (i > 0 && op.prevHash !== sorted[i - 1]!.hash)
      throw new AppError('SYNC_CHAIN_BROKEN', {
        detail: `operation ${op.seq}: link to the previous operation is broken`,
      });
  }
  return sorted;
}
