/**
 * What a running counter does by itself, the same in `gasdesk serve` and in the desktop app: a backup every few
 * hours and the sync schedule (services/sync/scheduler.ts: at start, every few minutes while online, nightly,
 * when the network returns; a counter not enrolled yet starts it once enrolled). Runtime: Node.
 */
import type { App } from './app';
import { scheduleBackups } from './backup/backups';
import { syncEngine } from './sync/engine';

export const BACKUP_EVERY_HOURS = 6;

export interface BackgroundOptions {
  /** False for a throwaway counter (serve --throwaway): no scheduled backups. */
  readonly backups?: boolean;
  readonly onError: (what: string, err: unknown) => void;
}

/** Starts the scheduled backups and the sync schedule; returns the function that stops both. */
export function startBackgroundWork(app: App, opts: BackgroundOptions): () => void {
  const stopBackups =
    opts.backups === false
      ? () => {}
      : scheduleBackups(app, BACKUP_EVERY_HOURS, (e) => opts.onError('scheduled backup failed', e));
  syncEngine(app).start();
  return () => {
    stopBackups();
    syncEngine(app).stop();
  };
}
