/**
 * A token bucket per key (a counter, or a client address for unsigned routes). Kept in the instance's memory:
 * with several instances each enforces its own share, which is enough to stop a runaway client; nothing
 * correctness-critical depends on it. Runtime: Node.
 */
import { AppError } from '../../core/errors';

export interface RateLimit {
  /** Burst size. */
  readonly capacity: number;
  /** Tokens added per second. */
  readonly perSecond: number;
}

export class RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(
    private readonly limit: RateLimit,
    private readonly now: () => number = Date.now,
  ) {}

  /** Takes one token for `key`, or refuses with RATE_LIMITED. */
  take(key: string): void {
    const t = this.now();
    const b = this.buckets.get(key) ?? { tokens: this.limit.capacity, at: t };
    b.tokens = Math.min(this.limit.capacity, b.tokens + ((t - b.at) / 1000) * this.limit.perSecond);
    b.at = t;
    if (b.tokens < 1) {
      this.buckets.set(key, b);
      throw new AppError('RATE_LIMITED');
    }
    b.tokens -= 1;
    this.buckets.set(key, b);
    if (this.buckets.size > 10_000) this.prune(t);
  }

  private prune(t: number): void {
    for (const [k, b] of this.buckets)
      if (b.tokens + ((t - b.at) / 1000) * this.limit.perSecond >= this.limit.capacity)
        this.buckets.delete(k);
  }
}

export interface RateLimits {
  readonly counter: RateLimit;
  readonly anonymous: RateLimit;
  readonly admin: RateLimit;
}

export const DEFAULT_RATE_LIMITS: RateLimits = {
  counter: { capacity: 600, perSecond: 100 },
  anonymous: { capacity: 60, perSecond: 1 },
  admin: { capacity: 200, perSecond: 50 },
};
