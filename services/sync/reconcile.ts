/**
 * Reconciliation from the counter's side (reliability.md 7): the outbox's per-day digests, advanced to the
 * acknowledged operation, are sent to head office after every complete push; each day head office sees
 * differently is kept as a finding (shown in 同步状态) until a later sync agrees. Runtime: Node.
 */
import { hash } from 'node:crypto';
import { type DayDigest, opDay, opFigures } from '../../core/sync/digest';
import { SYNC_ROUTES } from '../../core/sync/routes';
import type { ReconcileResponse } from '../../core/sync/wire';
import {
  clearFindings,
  getSyncState,
  loadDigests,
  outboxForDigest,
  putFinding,
  saveDigests,
  updateSyncState,
} from '../../db';
import type { App } from '../app';
import type { SyncClient } from './transport';

/** Brings the digests up to `upTo` (recomputing from scratch if they ran ahead of it). */
export function advanceDigests(app: App, upTo: number): DayDigest[] {
  const db = app.gdb.sqlite;
  return app.transaction(() => {
    let from = getSyncState(db)!.digestedSeq;
    if (from > upTo) {
      db.prepare('DELETE FROM sync_digests').run();
      from = 0;
    }
    const days = new Map(loadDigests(db).map((d) => [d.day, d]));
    const zone = app.timeZone(); // the hall's, as head office dates the same operations
    for (const op of outboxForDigest(db, from, upTo)) {
      const day = opDay(op.createdAt, zone);
      const d = days.get(day) ?? { day, count: 0, amount: 0, volume: 0, idsHash: '', lastSeq: 0 };
      let payload: unknown;
      try {
        payload = JSON.parse(op.payload);
      } catch {
        payload = undefined;
      }
      const f = opFigures(op.type, payload);
      d.count += 1;
      d.amount += f.amount;
      d.volume += f.volume;
      d.idsHash = hash('sha256', d.idsHash + op.id, 'hex');
      d.lastSeq = op.seq;
      days.set(day, d);
    }
    saveDigests(db, [...days.values()]);
    updateSyncState(db, { digestedSeq: upTo });
    return [...days.values()].sort((a, b) => a.day.localeCompare(b.day));
  });
}

/** Returns the number of days that disagree (0 when head office could not compare yet). */
export async function reconcileDigests(app: App, client: SyncClient): Promise<number> {
  const { ackedSeq } = getSyncState(app.gdb.sqlite)!;
  const days = advanceDigests(app, ackedSeq);
  const res = (
    await client.request<ReconcileResponse>('POST', SYNC_ROUTES.reconcile.path, { upToSeq: ackedSeq, days })
  ).body;
  if (!res.compared) return 0;
  const at = app.nowIso();
  app.transaction(() => {
    clearFindings(app.gdb.sqlite, 'digest_mismatch');
    for (const m of res.mismatches)
      putFinding(app.gdb.sqlite, {
        kind: 'digest_mismatch',
        key: m.day,
        field: m.field,
        detail: JSON.stringify(m),
        at,
      });
  });
  return res.mismatches.length;
}
