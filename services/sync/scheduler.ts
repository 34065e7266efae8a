/**
 * When the counter syncs (reliability.md 9): at start, every few minutes while online, nightly at a set time
 * (each counter at its own moment in the half hour after it),
 * on demand, and at once when the network returns (a cheap health probe runs while head office is
 * unreachable). Failures back off exponentially with jitter, so a hall of counters coming back together does
 * not hammer head office; refusals no retry can fix wait the longest. Timers and randomness are injected for
 * tests. Runtime: Node.
 */
import { DEFAULT_TIME_ZONE, dayIn, nextDate, wallClockMs } from '../../core/business-day';
import type { SyncRunResult } from '../../core/contract/sync';

export interface ScheduleOptions {
  /** Between successful syncs while online. */
  readonly intervalMs: number;
  /** Nightly sync time, HH:MM in the counter's business-day zone. */
  readonly nightlyAt: string;
  /**
   * Each counter syncs nightly at its own moment within this span after `nightlyAt` (drawn once when the
   * scheduler is made), so a city's counters do not all reach head office in the same minute. Default 30 min.
   */
  readonly nightlySpreadMs?: number;
  /** The counter's business-day zone (App.timeZone); default Asia/Shanghai. */
  readonly timeZone?: string;
  /** While head office is unreachable, how often to probe it. */
  readonly probeMs?: number;
  readonly backoffBaseMs?: number;
  readonly backoffMaxMs?: number;
  readonly random?: () => number;
  /** The counter's wall clock (for the nightly time). */
  readonly wallNow?: () => number;
  /** Resolves true when head office answers (GET /health). */
  readonly probe: () => Promise<boolean>;
  readonly setTimer?: (fn: () => void, ms: number) => unknown;
  readonly clearTimer?: (t: unknown) => void;
}

/** Codes no retry can fix soon: wait the longest before trying again. */
const HOPELESS = new Set([
  'COUNTER_REVOKED',
  'SYNC_NOT_ENROLLED',
  'SYNC_CLONED_COUNTER',
  'SYNC_CHAIN_BROKEN',
  'SYNC_FOREIGN_OPS',
  'SYNC_BAD_SIGNATURE',
  'SYNC_UNKNOWN_COUNTER',
]);

/** Exponential backoff with jitter: uniformly within [½, 1½] of min(max, base·2^(n−1)). */
export function backoffDelay(failures: number, baseMs: number, maxMs: number, random: () => number): number {
  const exp = Math.min(maxMs, baseMs * 2 ** Math.max(0, failures - 1));
  return Math.round(exp * (0.5 + random()));
}

/** Milliseconds from `nowMs` to the next `HH:MM` on the wall clock of `zone`. */
export function msUntilNightly(nowMs: number, hhmm: string, zone = DEFAULT_TIME_ZONE): number {
  const [h, m] = hhmm.split(':').map(Number) as [number, number];
  const today = dayIn(zone, nowMs);
  let at = wallClockMs(zone, today, h * 60 + m);
  if (at <= nowMs) at = wallClockMs(zone, nextDate(today), h * 60 + m);
  return at - nowMs;
}

export class Scheduler {
  /** This counter's place in the nightly spread (ms after nightlyAt). */
  readonly nightlyOffsetMs: number;
  private timer: unknown = null;
  private probeTimer: unknown = null;
  private failures = 0;
  private stopped = false;
  nextRunAt: number | null = null;

  constructor(
    private readonly run: () => Promise<SyncRunResult>,
    private readonly o: ScheduleOptions,
  ) {
    this.nightlyOffsetMs = Math.floor((o.random ?? Math.random)() * (o.nightlySpreadMs ?? 30 * 60_000));
  }

  /** Milliseconds to this counter's nightly sync: the next nightlyAt + its offset. */
  msUntilNightly(wallMs: number): number {
    return msUntilNightly(wallMs - this.nightlyOffsetMs, this.o.nightlyAt, this.o.timeZone);
  }

  private get set() {
    return this.o.setTimer ?? ((fn: () => void, ms: number) => setTimeout(fn, ms).unref());
  }
  private get clear() {
    return this.o.clearTimer ?? ((t: unknown) => clearTimeout(t as NodeJS.Timeout));
  }

  start(firstDelayMs = 1000): void {
    this.stopped = false;
    this.schedule(firstDelayMs);
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) this.clear(this.timer);
    if (this.probeTimer) this.clear(this.probeTimer);
    this.timer = this.probeTimer = null;
    this.nextRunAt = null;
  }

  /** Runs now (on demand, or when the network returned) and reschedules from the outcome. */
  async now(): Promise<SyncRunResult> {
    if (this.timer) this.clear(this.timer);
    this.timer = null;
    const result = await this.run();
    this.after(result);
    return result;
  }

  private schedule(ms: number): void {
    if (this.stopped) return;
    if (this.timer) this.clear(this.timer);
    this.nextRunAt = Date.now() + ms;
    this.timer = this.set(() => {
      this.timer = null;
      void this.now();
    }, ms);
  }

  private after(r: SyncRunResult): void {
    if (this.stopped) return;
    const wall = (this.o.wallNow ?? Date.now)();
    const nightly = this.msUntilNightly(wall);
    if (r.ok) {
      this.failures = 0;
      this.stopProbing();
      this.schedule(Math.min(this.o.intervalMs, nightly));
      return;
    }
    const code = r.error?.code ?? 'INTERNAL';
    const max = this.o.backoffMaxMs ?? 5 * 60_000;
    this.failures = HOPELESS.has(code) ? 64 : this.failures + 1;
    const delay = backoffDelay(
      this.failures,
      this.o.backoffBaseMs ?? 5_000,
      max,
      this.o.random ?? Math.random,
    );
    this.schedule(Math.min(delay, nightly));
    if (code === 'SYNC_UNREACHABLE') this.startProbing();
  }

  private startProbing(): void {
    if (this.probeTimer || this.stopped) return;
    const tick = async () => {
      this.probeTimer = null;
      if (this.stopped) return;
      if (await this.o.probe().catch(() => false)) {
        void this.now();
        return;
      }
      this.probeTimer = this.set(() => void tick(), this.o.probeMs ?? 15_000);
    };
    this.probeTimer = this.set(() => void tick(), this.o.probeMs ?? 15_000);
  }

  private stopProbing(): void {
    if (this.probeTimer) this.clear(this.probeTimer);
    this.probeTimer = null;
  }
}
