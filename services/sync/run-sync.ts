/**
 * One sync with head office: push the whole outbox, pull the feed, reconcile the digests. Records the attempt,
 * the success or the error (with its stable code) in sync_state; never throws, so a scheduler can always try
 * again. Sales never wait for it. Runtime: Node.
 */
import { AppError } from '../../core/errors';
import type { SyncRunResult } from '../../core/contract/sync';
import { getSyncState, updateSyncState } from '../../db';
import type { App } from '../app';
import type { KeyProtector } from '../cards/key-vault';
import { counterClient } from './client';
import { pullFeed } from './pull';
import { pushOutbox } from './push';
import { reconcileDigests } from './reconcile';
import { uploadAttachments } from './upload-attachments';

export interface RunOptions {
  readonly signal?: AbortSignal;
  readonly protector?: KeyProtector;
  readonly onProgress?: () => void;
  readonly pushBatch?: number;
  readonly pullLimit?: number;
  readonly timeoutMs?: number;
}

export async function runSync(app: App, opts: RunOptions = {}): Promise<SyncRunResult> {
  const db = app.gdb.sqlite;
  const result: SyncRunResult = {
    ok: false,
    pushed: 0,
    pulled: 0,
    quarantined: 0,
    mismatches: 0,
    error: null,
  };
  const state = getSyncState(db);
  if (!state) {
    const e = new AppError('SYNC_NOT_ENROLLED').toBody();
    return { ...result, error: { code: e.code, message: e.message } };
  }
  updateSyncState(db, { lastAttemptAt: app.nowIso() });
  const client = counterClient(app, opts);
  try {
    const pushed = await pushOutbox(app, client, opts.pushBatch);
    result.pushed = pushed.pushed;
    result.quarantined = pushed.quarantined;
    await uploadAttachments(app, client);
    result.pulled = await pullFeed(app, client, opts.pullLimit);
    result.mismatches = await reconcileDigests(app, client);
    result.ok = true;
    updateSyncState(db, {
      lastSuccessAt: app.nowIso(),
      lastErrorCode: null,
      lastErrorMessage: null,
      lastErrorAt: null,
      clockOffsetMs: Math.round(client.o.clockOffsetMs),
    });
    app.noteClockOffset(Math.round(client.o.clockOffsetMs));
  } catch (e) {
    const err =
      e instanceof AppError
        ? e
        : new AppError('INTERNAL', { detail: e instanceof Error ? e.message : String(e) });
    const body = err.toBody();
    result.error = { code: body.code, message: body.message };
    updateSyncState(db, {
      lastErrorCode: body.code,
      lastErrorMessage: `${body.message}${err.detail ? `（${err.detail.slice(0, 200)}）` : ''}`,
      lastErrorAt: app.nowIso(),
      clockOffsetMs: Math.round(client.o.clockOffsetMs),
    });
    app.noteClockOffset(Math.round(client.o.clockOffsetMs));
  }
  return result;
}
