/**
 * Pushes the outbox to head office in sequence order, in batches (pipelined: push-pipeline.ts), until it is
 * drained. Each acknowledgement moves `acked_seq` forward (the outbox rows are never touched) and records what
 * head office quarantined; quarantined operations never hold back the ones behind them. Runtime: Node.
 */
import { MAX_PUSH_OPS, type PushResponse } from '../../core/sync/wire';
import { getSyncState, insertQuarantine, outboxAfter, updateSyncState } from '../../db';
import type { OutboxRow } from '../../db/ledger';
import type { App } from '../app';
import { pushPipelined } from './push-pipeline';
import type { SyncClient } from './transport';

export const PUSH_BATCH = 500;
const MAX_BATCH_CHARS = 4 * 1024 * 1024;

export interface PushTotals {
  pushed: number;
  quarantined: number;
  conflicts: number;
  clockSkewMs: number | null;
}

function takeBatch(rows: OutboxRow[]): OutboxRow[] {
  let size = 0;
  const out: OutboxRow[] = [];
  for (const r of rows) {
    size += r.payload.length + 400;
    if (out.length > 0 && size > MAX_BATCH_CHARS) break;
    out.push(r);
  }
  return out;
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
    next: (after) => takeBatch(outboxAfter(db, after, Math.min(batchSize, MAX_PUSH_OPS))),
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
