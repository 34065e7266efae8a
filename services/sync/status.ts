/** 同步状态 for the UI and `gasdesk sync status`. Runtime: Node. */
import type { SyncStatus } from '../../core/contract/sync';
import { getSyncState, lastOutboxSeq, listFindings, listQuarantine, listSyncConflicts } from '../../db';
import type { App } from '../app';
import { syncEngine } from './engine';

export function syncStatus(app: App): SyncStatus {
  const db = app.gdb.sqlite;
  const s = getSyncState(db);
  const lastSeq = lastOutboxSeq(db);
  const engine = syncEngine(app);
  const next = engine.nextRunAt;
  return {
    enrolled: s !== undefined,
    server: s?.serverUrl ?? null,
    pendingOps: lastSeq - (s?.ackedSeq ?? 0),
    lastSeq,
    ackedSeq: s?.ackedSeq ?? 0,
    pullCursor: s?.pullCursor ?? 0,
    running: engine.running,
    lastAttemptAt: s?.lastAttemptAt ?? null,
    lastSuccessAt: s?.lastSuccessAt ?? null,
    nextRunAt: next ? new Date(next).toISOString() : null,
    lastError:
      s?.lastErrorCode && s.lastErrorAt
        ? { code: s.lastErrorCode, message: s.lastErrorMessage ?? '', at: s.lastErrorAt }
        : null,
    clockOffsetMs: s?.clockOffsetMs ?? null,
    quarantined: listQuarantine(db),
    digestMismatches: listFindings(db, 'digest_mismatch').map((f) => ({
      day: f.key,
      field: f.field,
      at: f.at,
    })),
    conflicts: listSyncConflicts(db),
  };
}
