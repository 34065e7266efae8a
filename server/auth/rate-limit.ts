/**
 * Rate limits, counted by @fastify/rate-limit: a fixed window per key (a counter, or a client address), in
 * the instance's memory. With several instances each enforces its own share, which is enough to stop a
 * runaway client; nothing correctness-critical depends on it. The gates of server/http/gates.ts charge them
 * before a body is read. Runtime: Node.
 */
import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Refusal } from '../http/refusal';

export interface RateLimit {
  /** Requests accepted per window. */
  readonly max: number;
  /** The window, ms (windows count real time, whatever clock the business logic runs on). */
  readonly windowMs: number;
}

export interface RateLimits {
  /** Per enrolled counter, over all its signed /v1 requests. */
  readonly counter: RateLimit;
  /** Per client address: enrollments, and signed requests refused before their counter was known. */
  readonly anonymous: RateLimit;
  /** Per client address, over the admin API. */
  readonly admin: RateLimit;
}

/** 100 requests a second per counter on average, 1 a second per address for the rest, 50 for the admin API. */
export const DEFAULT_RATE_LIMITS: RateLimits = {
  counter: { max: 600, windowMs: 6_000 },
  anonymous: { max: 60, windowMs: 60_000 },
  admin: { max: 200, windowMs: 4_000 },
};

type Check = ReturnType<FastifyInstance['createRateLimit']>;
const KEY = Symbol('rateLimitKey');
type Keyed = FastifyRequest & { [KEY]?: string };

/** One limit with its own counts. Usable once head office is ready (the plugin is loaded then). */
export class Limiter {
  private check?: Check;

  constructor(
    /** Whose rate, for the log: 'counter', 'address'… */
    private readonly whose: string,
    private readonly limit: RateLimit,
    /** Keyed by what the caller passes (a counter id) rather than by the client's address. */
    private readonly byKey = false,
  ) {}

  bind(app: FastifyInstance): void {
    this.check = app.createRateLimit({
      max: this.limit.max,
      timeWindow: this.limit.windowMs,
      ...(this.byKey ? { keyGenerator: (req: FastifyRequest) => (req as Keyed)[KEY] ?? req.ip } : {}),
    });
  }

  /** Counts one request; over the limit, refuses with RATE_LIMITED (and Retry-After). */
  async charge(req: FastifyRequest, reply: FastifyReply, key?: string): Promise<void> {
    if (!this.check) throw new Error('rate limits are used before head office is ready');
    (req as Keyed)[KEY] = key;
    const r = await this.check(req);
    if (r.isAllowed || !r.isExceeded) return;
    void reply.header('retry-after', String(r.ttlInSeconds));
    const per = `${this.limit.max} per ${this.limit.windowMs / 1000} s`;
    throw new Refusal('RATE_LIMITED', `${this.whose} over its rate (${per})`);
  }
}

export interface Limiters {
  readonly counter: Limiter;
  readonly anonymous: Limiter;
  readonly admin: Limiter;
}

/** Registers the plugin (no limit of its own on any route) and the three limits, bound once it is loaded. */
export function registerRateLimits(app: FastifyInstance, limits: RateLimits): Limiters {
  const limiters: Limiters = {
    counter: new Limiter('counter', limits.counter, true),
    anonymous: new Limiter('address', limits.anonymous),
    admin: new Limiter('admin address', limits.admin),
  };
  void app.register(rateLimit, { global: false });
  app.addHook('onReady', async () => {
    for (const l of Object.values(limiters)) l.bind(app);
  });
  return limiters;
}
