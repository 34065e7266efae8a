/** The head-office sync state (sync.status) in one short phrase for the status bar. Runtime: any. */
import type { SyncStatus } from '../../../core/contract';

export type SyncSummary =
  | { key: 'notEnrolled' }
  | { key: 'syncing' }
  | { key: 'quarantined'; n: number }
  | { key: 'offline'; n: number }
  | { key: 'pending'; n: number }
  | { key: 'synced'; at: string | null };

/** The last attempt failed and nothing has succeeded since. */
function failing(s: SyncStatus): boolean {
  if (!s.lastError) return false;
  if (!s.lastSuccessAt) return true;
  return !!s.lastAttemptAt && s.lastAttemptAt > s.lastSuccessAt;
}

export function syncSummary(s: SyncStatus): SyncSummary {
  if (!s.enrolled) return { key: 'notEnrolled' };
  if (s.quarantined.length > 0) return { key: 'quarantined', n: s.quarantined.length };
  if (s.running) return { key: 'syncing' };
  if (failing(s)) return { key: 'offline', n: s.pendingOps };
  if (s.pendingOps > 0) return { key: 'pending', n: s.pendingOps };
  return { key: 'synced', at: s.lastSuccessAt };
}

export function syncTone(sum: SyncSummary): 'good' | 'warn' | 'bad' | 'muted' {
  switch (sum.key) {
    case 'synced':
      return 'good';
    case 'quarantined':
    case 'offline':
      return 'bad';
    case 'notEnrolled':
      return 'muted';
    default:
      return 'warn';
  }
}

/** sync.status answers: the head-office part of this build is there (not an unknown or broken operation). */
export function syncUnavailable(code: string | undefined): boolean {
  return code === 'UNKNOWN_OPERATION' || code === 'INTERNAL';
}
