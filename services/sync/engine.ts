/**
 * The counter's sync engine, one per App: at most one sync runs at a time (a second request joins the
 * running one), a watchdog aborts a sync that stops making progress (a hung connection), and the scheduler
 * decides when the next one runs. Runtime: Node.
 */
import type { SyncRunResult } from '../../core/contract/sync';
import { getSyncState } from '../../db';
import type { App } from '../app';
import { type RunOptions, runSync } from './run-sync';
import { type ScheduleOptions, Scheduler } from './scheduler';
import { plainRequest } from './transport';

export interface EngineOptions extends Omit<RunOptions, 'signal' | 'onProgress'> {
  /** Abort a sync when head office has not answered for this long. */
  readonly watchdogMs?: number;
}

export class SyncEngine {
  private current: Promise<SyncRunResult> | null = null;
  private scheduler: Scheduler | null = null;
  watchdogFired = 0;

  constructor(
    private readonly app: App,
    private opts: EngineOptions = {},
  ) {}

  configure(opts: EngineOptions): void {
    this.opts = { ...this.opts, ...opts };
  }

  get running(): boolean {
    return this.current !== null;
  }

  get nextRunAt(): number | null {
    return this.scheduler?.nextRunAt ?? null;
  }

  /** One sync now, or the one already running. */
  run(): Promise<SyncRunResult> {
    if (this.current) return this.current;
    const controller = new AbortController();
    const limit = this.opts.watchdogMs ?? 120_000;
    let timer: NodeJS.Timeout | undefined;
    const arm = () => {
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => {
        this.watchdogFired++;
        controller.abort(new Error('watchdog: head office stopped answering'));
      }, limit);
      timer.unref();
    };
    arm();
    this.current = runSync(this.app, { ...this.opts, signal: controller.signal, onProgress: arm }).finally(
      () => {
        if (timer) clearTimeout(timer);
        this.current = null;
      },
    );
    return this.current;
  }

  private wanted: Partial<ScheduleOptions> | null = null;

  /**
   * Starts the schedule (serve mode, the desktop app); the nightly time and interval come from sync_state. On a
   * counter not enrolled yet it starts once enrollment is done.
   */
  start(overrides: Partial<ScheduleOptions> = {}): void {
    this.stop();
    this.wanted = overrides;
    const state = getSyncState(this.app.gdb.sqlite);
    if (!state) return;
    this.scheduler = new Scheduler(() => this.run(), {
      intervalMs: state.intervalMinutes * 60_000,
      nightlyAt: state.nightlyAt,
      timeZone: this.app.timeZone(),
      wallNow: () => this.app.clock.nowMs(),
      probe: () =>
        plainRequest(state.serverUrl, 'GET', '/health', undefined, { timeoutMs: 5_000 }).then(
          () => true,
          () => false,
        ),
      ...overrides,
    });
    this.scheduler.start();
  }

  /** On demand (the 立即同步 button): through the scheduler when there is one, so it reschedules. */
  now(): Promise<SyncRunResult> {
    return this.scheduler ? this.scheduler.now() : this.run();
  }

  /** After enrollment: start the schedule if one was asked for. */
  enrolled(): void {
    if (this.wanted && !this.scheduler) this.start(this.wanted);
  }

  stop(): void {
    this.scheduler?.stop();
    this.scheduler = null;
    this.wanted = null;
  }
}

const engines = new WeakMap<App, SyncEngine>();

export function syncEngine(app: App): SyncEngine {
  let e = engines.get(app);
  if (!e) {
    e = new SyncEngine(app);
    engines.set(app, e);
  }
  return e;
}
