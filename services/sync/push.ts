/**
 * Pushes the outbox to head office in sequence order, in batches (pipelined: push-pipeline.ts), until it is
 * drained. Each acknowledgement moves `acked_seq` forward (the outbox rows are never touched) and records what
 * head office quarantined; quarantined operations never hold back the ones behind them. Runtime: Node.
 */
import { PUSH_BODY_LIMIT } from '../../core/sync/routes';
import { MAX_PUSH_OPS, type PushResponse } from '../../core/sync/wire';
import { getSyncState, insertQuarantine, outboxBatchJson, updateSyncState } from '../../db';
import type { App } from '../app';
import { pushPipelined } from './push-pipeline';
import type { SyncClient } from './transport';

export const PUSH_BATCH = 500;
/** A batch's operations as JSON stay under this: half the push body head office takes. */
const MAX_BATCH_BYTES = PUSH_BODY_LIMIT / 2;

export interface PushTotals {
  pushed: number;
  quarantined: number;
  conflicts: number;
  clockSkewMs: number | null;
}

export async function pushOutbox(app: App, client: SyncClient, batchSize = PUSH_BATCH): Promise<PushTotals> {
  const db = app.gdb.sqlite;
  const state = getSyncState(db)!;
  const totals: PushTotals = { pushed: 0, quarantined: 0, conflicts: 0, clockSkewMs: null };
  let acked = state.ackedSeq;
  const onAck = (res: PushResponse) => {
    const at = app.nowIso();
    app.transaction(() => {
      if (res.ackedSeq > acked) {
        totals.pushed += res.ackedSeq - acked;
        acked = res.ackedSeq;
        updateSyncState(db, { ackedSeq: acked });
      }
      insertQuarantine(
        db,
        res.quarantined.map((q) => ({
          seq: q.seq,
          opId: q.id,
          type: q.type,
          code: q.code,
          reason: q.reason,
          at,
        })),
      );
    });
    totals.quarantined += res.quarantined.length;
    totals.conflicts += res.conflicts;
    totals.clockSkewMs = res.clockSkewMs;
  };
  await pushPipelined(client, {
    acked,
    next: (after) => outboxBatchJson(db, after, Math.min(batchSize, MAX_PUSH_OPS), MAX_BATCH_BYTES),
    onAck,
    onRewind: (to) => {
      acked = to;
      updateSyncState(db, { ackedSeq: to });
    },
    // What this counter had pulled, once per sync (head office keeps it per counter).
    knowledge: { cursor: state.pullCursor, afterSeq: state.knowledgeSeq },
  });
  return totals;
}
