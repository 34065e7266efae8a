/**
 * At most `max` of a kind of work at once; the rest wait their turn in arrival order (never refused). Head office
 * reads pull pages through one (counter-routes.ts): 200 counters bootstrapping at once hold at most `max` pages
 * (each up to 20,000 entries) in memory and on the database, instead of 200. Runtime: Node.
 */
export interface Limiter {
  run<T>(work: () => Promise<T>): Promise<T>;
  /** Running now, and waiting. */
  readonly active: number;
  readonly waiting: number;
  /** The most that ever ran at once. */
  readonly peak: number;
}

export function limiter(max: number): Limiter {
  let active = 0;
  let peak = 0;
  const queue: (() => void)[] = [];
  // A finished piece of work hands its place straight to the first in line, so no newcomer slips in between.
  const release = () => {
    const next = queue.shift();
    if (next) next();
    else active--;
  };
  return {
    async run(work) {
      if (active >= max) await new Promise<void>((r) => queue.push(r));
      else active++;
      peak = Math.max(peak, active);
      try {
        return await work();
      } finally {
        release();
      }
    },
    get active() {
      return active;
    },
    get waiting() {
      return queue.length;
    },
    get peak() {
      return peak;
    },
  };
}
