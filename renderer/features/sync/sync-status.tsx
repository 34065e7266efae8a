/**
 * Head office (总部) as the counter sees it: sync.status polled every 15 s while logged in, for the status
 * bar (已同步 time / 待上传 N / 离线 / 隔离 N) and the settings page. A build without the head-office part
 * (the operation unknown or failing inside) shows nothing and stops asking. Runtime: browser.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import type { SyncStatus } from '../../../core/contract';
import { api } from '../../api/client';
import { fmt, useT } from '../../i18n';
import { isApiError } from '../../shell/errors';
import { formatTime } from '../../shell/format';
import { syncSummary, syncTone, syncUnavailable } from './sync-model';

const POLL_MS = 15_000;

export interface SyncState {
  readonly status?: SyncStatus;
  /** False once sync.status answered that this build has no head-office part. */
  readonly available: boolean;
  refresh(): void;
}

const SyncContext = createContext<SyncState>({ available: false, refresh: () => {} });
export const SyncProvider = SyncContext.Provider;

export function useSync(): SyncState {
  return useContext(SyncContext);
}

export function useSyncPoll(enabled: boolean): SyncState {
  const [status, setStatus] = useState<SyncStatus>();
  const [available, setAvailable] = useState(true);
  const [kick, setKick] = useState(0);

  useEffect(() => {
    if (!enabled || !available) return;
    void kick;
    let alive = true;
    let timer: number | undefined;
    const tick = async () => {
      try {
        const s = await api['sync.status']({});
        if (alive) setStatus((old) => (JSON.stringify(old) === JSON.stringify(s) ? old : s));
      } catch (e) {
        if (isApiError(e) && syncUnavailable(e.code)) {
          if (alive) setAvailable(false);
          return;
        }
      }
      if (alive) timer = window.setTimeout(() => void tick(), POLL_MS);
    };
    void tick();
    return () => {
      alive = false;
      window.clearTimeout(timer);
    };
  }, [enabled, available, kick]);

  const refresh = useCallback(() => setKick((n) => n + 1), []);
  return useMemo(() => ({ status, available, refresh }), [status, available, refresh]);
}

/** The status bar's head-office part. */
export function SyncStatusItem() {
  const t = useT();
  const { status, available } = useSync();
  if (!available || !status) return null;
  const sum = syncSummary(status);
  let text: string;
  switch (sum.key) {
    case 'synced':
      text = sum.at ? fmt(t.sync.synced, { at: formatTime(sum.at) }) : t.sync.syncedNever;
      break;
    case 'pending':
    case 'offline':
    case 'quarantined':
      text = fmt(t.sync[sum.key], { n: sum.n });
      break;
    default:
      text = t.sync[sum.key];
  }
  return (
    <span className={`status-item tone-${syncTone(sum)}`} data-testid="sync-status">
      {t.sync.label}
      {text}
    </span>
  );
}
