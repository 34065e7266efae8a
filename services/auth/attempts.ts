/**
 * What this counter process remembers of password attempts, besides each account's failure count (in the
 * database): a queue per key, so that attempts on one account (and from one terminal) are evaluated one after
 * another; each terminal's run of failures, which slows it down; and each account name's burst of failures,
 * so that a flood is audited as one entry when it starts and one summary when it ends — not a row per try.
 * Runtime: Node.
 */
import { LOCKOUT_MINUTES, TERMINAL_BACKOFF_SECONDS, TERMINAL_FREE_FAILURES } from '../../core/domain/roles';
import type { App } from '../app';

/** How many terminals and names are remembered; the longest unused are forgotten first. */
const MAX_REMEMBERED = 1000;
/** A burst ends when its name has seen no attempt for this long. */
export const BURST_GAP_MS = LOCKOUT_MINUTES * 60_000;

/** One name's run of attempts that did not succeed, since its first failure. */
export interface Burst {
  /** Attempts whose password was checked and wrong (or whose name is unknown). */
  wrong: number;
  /** Attempts refused without checking: the terminal was waiting, or the account was locked. */
  refused: number;
  lastMs: number;
}

interface TerminalRun {
  failures: number;
  lastMs: number;
}

/** A Map that forgets its least recently set entry beyond MAX_REMEMBERED. */
class Remembered<V> extends Map<string, V> {
  override set(key: string, value: V): this {
    super.delete(key);
    super.set(key, value);
    if (this.size > MAX_REMEMBERED) super.delete(this.keys().next().value as string);
    return this;
  }
}

export class Attempts {
  private readonly queues = new Map<string, Promise<void>>();
  private readonly terminals = new Remembered<TerminalRun>();
  private readonly bursts = new Remembered<Burst>();

  /** Runs `fn` once every earlier call with the same key has settled (in call order). */
  serial<T>(key: string, fn: () => Promise<T>): Promise<T> {
    const before = this.queues.get(key) ?? Promise.resolve();
    const run = before.then(fn);
    const settled = run.then(
      () => undefined,
      () => undefined,
    );
    this.queues.set(key, settled);
    void settled.then(() => {
      if (this.queues.get(key) === settled) this.queues.delete(key);
    });
    return run;
  }

  /** Seconds the terminal must still wait before its next attempt is checked (0: it may try now). */
  terminalWait(terminal: string, nowMs: number): number {
    const t = this.terminals.get(terminal);
    if (!t || t.failures < TERMINAL_FREE_FAILURES) return 0;
    const waitMs =
      Math.min(TERMINAL_BACKOFF_SECONDS * 2 ** (t.failures - TERMINAL_FREE_FAILURES), LOCKOUT_MINUTES * 60) *
      1000;
    return Math.max(0, Math.ceil((t.lastMs + waitMs - nowMs) / 1000));
  }

  terminalFailed(terminal: string, nowMs: number): void {
    this.terminals.set(terminal, {
      failures: (this.terminals.get(terminal)?.failures ?? 0) + 1,
      lastMs: nowMs,
    });
  }

  terminalSucceeded(terminal: string): void {
    this.terminals.delete(terminal);
  }

  /** The name's open burst, if it has not ended by the gap. */
  burst(name: string, nowMs: number): Burst | undefined {
    const b = this.bursts.get(name);
    return b && nowMs - b.lastMs <= BURST_GAP_MS ? b : undefined;
  }

  /** The name's burst that ended by the gap and has not been summed up yet (then forgotten). */
  takeEnded(name: string, nowMs: number): Burst | undefined {
    const b = this.bursts.get(name);
    if (!b || nowMs - b.lastMs <= BURST_GAP_MS) return undefined;
    this.bursts.delete(name);
    return b;
  }

  /** Counts an attempt in the name's burst; returns true when it opens a new burst. */
  count(name: string, kind: 'wrong' | 'refused', nowMs: number): boolean {
    const open = this.burst(name, nowMs);
    const b = open ?? { wrong: 0, refused: 0, lastMs: nowMs };
    b[kind] += 1;
    b.lastMs = nowMs;
    this.bursts.set(name, b);
    return !open;
  }

  /** Ends the name's burst (success, lock, unlock) and returns it. */
  end(name: string): Burst | undefined {
    const b = this.bursts.get(name);
    this.bursts.delete(name);
    return b;
  }
}

const perApp = new WeakMap<App, Attempts>();

export function attemptsOf(app: App): Attempts {
  let a = perApp.get(app);
  if (!a) {
    a = new Attempts();
    perApp.set(app, a);
  }
  return a;
}

/** How many attempts of the burst failed. */
export const burstSize = (b: Burst): number => b.wrong + b.refused;

/** "共 7 次失败（密码错误 5 次，被拒 2 次）" — a burst as an audit entry says it. */
export function burstText(b: Burst): string {
  const n = burstSize(b);
  if (b.refused === 0) return `共 ${n} 次失败`;
  return `共 ${n} 次失败（${b.wrong > 0 ? `密码错误 ${b.wrong} 次，` : ''}被拒 ${b.refused} 次）`;
}
