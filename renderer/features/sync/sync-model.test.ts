import { describe, expect, it } from 'vitest';
import type { SyncStatus } from '../../../core/contract';
import { syncSummary, syncTone, syncUnavailable } from './sync-model';

const base: SyncStatus = {
  enrolled: true,
  server: 'https://hq.example.com',
  pendingOps: 0,
  lastSeq: 10,
  ackedSeq: 10,
  pullCursor: 3,
  running: false,
  lastAttemptAt: '2026-11-26T08:00:00Z',
  lastSuccessAt: '2026-11-26T08:00:00Z',
  nextRunAt: null,
  lastError: null,
  clockOffsetMs: 0,
  quarantined: [],
  digestMismatches: [],
  conflicts: [],
};
const err = { code: 'SYNC_UNREACHABLE', message: '连接不上总部', at: '2026-11-26T09:00:00Z' };

describe('head-office summary', () => {
  it('says synced with the time, or what waits', () => {
    expect(syncSummary(base)).toEqual({ key: 'synced', at: base.lastSuccessAt });
    expect(syncSummary({ ...base, pendingOps: 4 })).toEqual({ key: 'pending', n: 4 });
    expect(syncSummary({ ...base, running: true })).toEqual({ key: 'syncing' });
  });

  it('is offline when the last attempt failed after the last success', () => {
    const s = { ...base, pendingOps: 2, lastError: err, lastAttemptAt: '2026-11-26T09:00:00Z' };
    expect(syncSummary(s)).toEqual({ key: 'offline', n: 2 });
    expect(syncSummary({ ...s, lastSuccessAt: null })).toEqual({ key: 'offline', n: 2 });
    expect(syncSummary({ ...s, lastAttemptAt: base.lastSuccessAt })).toEqual({ key: 'pending', n: 2 });
  });

  it('puts quarantine first and not-enrolled before all', () => {
    const q = { seq: 3, opId: 'o', type: 'sale', code: 'X', reason: '重复', at: '2026-11-26T09:00:00Z' };
    expect(syncSummary({ ...base, quarantined: [q] })).toEqual({ key: 'quarantined', n: 1 });
    expect(syncSummary({ ...base, enrolled: false, quarantined: [q] })).toEqual({ key: 'notEnrolled' });
    expect(syncTone({ key: 'quarantined', n: 1 })).toBe('bad');
    expect(syncTone({ key: 'synced', at: null })).toBe('good');
  });

  it('hides itself when the build has no head-office part', () => {
    expect(syncUnavailable('UNKNOWN_OPERATION')).toBe(true);
    expect(syncUnavailable('INTERNAL')).toBe(true);
    expect(syncUnavailable('SESSION_LOCKED')).toBe(false);
  });
});
