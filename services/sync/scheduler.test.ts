import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SyncRunResult } from '../../core/contract/sync';
import { backoffDelay, msUntilNightly, Scheduler } from './scheduler';

const ok: SyncRunResult = { ok: true, pushed: 0, pulled: 0, quarantined: 0, mismatches: 0, error: null };
const down: SyncRunResult = { ...ok, ok: false, error: { code: 'SYNC_UNREACHABLE', message: '' } };

function fakeTimers() {
  const timers: { at: number; fn: () => void; id: number }[] = [];
  let now = 0;
  let id = 0;
  return {
    set: (fn: () => void, ms: number) => {
      timers.push({ at: now + ms, fn, id: ++id });
      return id;
    },
    clear: (t: unknown) => {
      const i = timers.findIndex((x) => x.id === t);
      if (i >= 0) timers.splice(i, 1);
    },
    /** Fires every timer due within `ms`, in order. */
    async advance(ms: number) {
      const end = now + ms;
      for (;;) {
        timers.sort((a, b) => a.at - b.at);
        const t = timers[0];
        if (!t || t.at > end) break;
        timers.shift();
        now = t.at;
        t.fn();
        await new Promise((r) => setImmediate(r));
      }
      now = end;
    },
    pending: () => timers.map((t) => t.at - now),
  };
}

describe('backoff with jitter', () => {
  it('grows exponentially, stays within [½, 1½] of the capped step', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 40 }),
        fc.double({ min: 0, max: 0.999999, noNaN: true }),
        (n, r) => {
          const step = Math.min(300_000, 5_000 * 2 ** (n - 1));
          const d = backoffDelay(n, 5_000, 300_000, () => r);
          return d >= Math.floor(step * 0.5) && d <= Math.ceil(step * 1.5);
        },
      ),
    );
    expect(backoffDelay(1, 1000, 60_000, () => 0.5)).toBe(1000);
    expect(backoffDelay(3, 1000, 60_000, () => 0.5)).toBe(4000);
  });
});

describe('nightly time', () => {
  it('is the next HH:MM in China time by default', () => {
    const at = Date.parse('2026-03-02T22:00:00+08:00');
    expect(msUntilNightly(at, '22:30')).toBe(30 * 60_000);
    expect(msUntilNightly(at, '21:00')).toBe(23 * 3_600_000);
    expect(msUntilNightly(Date.parse('2026-03-02T22:30:00+08:00'), '22:30')).toBe(24 * 3_600_000);
  });
  it('is the next HH:MM in the counter’s zone, across a DST change', () => {
    const ny = 'America/New_York';
    expect(msUntilNightly(Date.parse('2026-03-02T22:00:00-05:00'), '22:30', ny)).toBe(30 * 60_000);
    // The night clocks spring forward (2026-03-08): from 22:30 EST to 22:30 EDT is 23 hours.
    expect(msUntilNightly(Date.parse('2026-03-07T22:30:00-05:00'), '22:30', ny)).toBe(23 * 3_600_000);
    expect(msUntilNightly(Date.parse('2026-03-02T09:00:00+08:00'), '22:30', 'Asia/Kolkata')).toBe(
      Date.parse('2026-03-02T22:30:00+05:30') - Date.parse('2026-03-02T09:00:00+08:00'),
    );
  });
});

describe('the nightly spread', () => {
  const at = (random: number) =>
    new Scheduler(async () => ok, {
      intervalMs: 3_600_000,
      nightlyAt: '22:30',
      random: () => random,
      probe: async () => true,
    });
  it('puts each counter at its own moment in the half hour after the nightly time, tonight if not yet past', () => {
    expect(at(0).nightlyOffsetMs).toBe(0);
    expect(at(0.5).nightlyOffsetMs).toBe(15 * 60_000);
    expect(at(0.999).nightlyOffsetMs).toBeLessThan(30 * 60_000);
    // At 22:40 a counter whose moment is 22:45 still syncs tonight, in 5 minutes; one at 22:30 waits a day less 10 min.
    const now = Date.parse('2026-03-02T22:40:00+08:00');
    expect(at(0.5).msUntilNightly(now)).toBe(5 * 60_000);
    expect(at(0).msUntilNightly(now)).toBe(24 * 3_600_000 - 10 * 60_000);
  });
  it('spreads a hall of counters over the span', () => {
    const offsets = Array.from({ length: 200 }, (_, i) => at((i + 0.5) / 200).nightlyOffsetMs);
    expect(Math.max(...offsets) - Math.min(...offsets)).toBeGreaterThan(29 * 60_000);
  });
});

describe('the scheduler', () => {
  it('syncs at start, then every interval; backs off while head office is down, and syncs at once when it returns', async () => {
    const t = fakeTimers();
    const results: SyncRunResult[] = [ok, down, down];
    let runs = 0;
    let reachable = false;
    const s = new Scheduler(async () => results[runs++] ?? ok, {
      intervalMs: 300_000,
      nightlyAt: '22:30',
      wallNow: () => Date.parse('2026-03-02T09:00:00+08:00'),
      probeMs: 10_000,
      backoffBaseMs: 60_000,
      random: () => 0.5,
      probe: async () => reachable,
      setTimer: t.set,
      clearTimer: t.clear,
    });
    s.start(1000);
    await t.advance(1000);
    expect(runs).toBe(1);
    await t.advance(300_000); // the interval: this one fails (network down)
    expect(runs).toBe(2);
    await t.advance(60_000); // first backoff step: fails again
    expect(runs).toBe(3);
    await t.advance(30_000); // probing meanwhile: still down, no run
    expect(runs).toBe(3);
    reachable = true;
    await t.advance(10_000); // the probe sees head office again: sync at once, before the backoff ends
    expect(runs).toBe(4);
    s.stop();
    expect(t.pending()).toEqual([]);
  });
});
