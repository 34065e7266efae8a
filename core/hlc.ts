/**
 * Hybrid logical clock (Kulkarni et al.): wall time that never goes backwards and orders causally related
 * events across counters even when their wall clocks disagree (runtime: any).
 *
 * Encoded as a fixed-width string that sorts lexicographically: `<ms:15 digits>-<counter:5 digits>-<node>`.
 */
export interface Hlc {
  readonly ms: number;
  readonly counter: number;
  readonly node: string;
}

const MAX_COUNTER = 99_999;

export function encodeHlc(h: Hlc): string {
  return `${String(h.ms).padStart(15, '0')}-${String(h.counter).padStart(5, '0')}-${h.node}`;
}

export function decodeHlc(s: string): Hlc {
  const m = /^(\d{15})-(\d{5})-(.+)$/.exec(s);
  if (!m) throw new RangeError(`not an HLC timestamp: ${s}`);
  return { ms: Number(m[1]), counter: Number(m[2]), node: m[3]! };
}

export class HybridClock {
  private last: Hlc;

  /**
   * `maxLeadMs`: how far the last stamp may run ahead of the wall clock. Beyond it (the stamps came from a wall
   * clock that was wrong, since corrected) the clock starts again from the wall: a stamp from the future would
   * be refused by head office (docs/sync-protocol.md), and holding on to it would stamp every event after it
   * from the future too. Its own earlier events are ordered by their sequence, not their stamps.
   */
  constructor(
    private readonly node: string,
    private readonly wallMs: () => number,
    last?: string,
    private readonly maxLeadMs = Number.POSITIVE_INFINITY,
  ) {
    this.last = last ? decodeHlc(last) : { ms: 0, counter: 0, node };
  }

  /** A timestamp for a local event. */
  now(): string {
    const wall = this.wallMs();
    if (this.last.ms - wall > this.maxLeadMs) this.last = { ms: 0, counter: 0, node: this.node };
    const next =
      wall > this.last.ms
        ? { ms: wall, counter: 0, node: this.node }
        : { ms: this.last.ms, counter: this.last.counter + 1, node: this.node };
    return this.commit(next);
  }

  /** Merge a timestamp received from elsewhere (a sync peer); returns the local event's timestamp. */
  receive(remote: string): string {
    const r = decodeHlc(remote);
    const wall = this.wallMs();
    const ms = Math.max(wall, this.last.ms, r.ms);
    let counter = 0;
    if (ms === this.last.ms && ms === r.ms) counter = Math.max(this.last.counter, r.counter) + 1;
    else if (ms === this.last.ms) counter = this.last.counter + 1;
    else if (ms === r.ms) counter = r.counter + 1;
    return this.commit({ ms, counter, node: this.node });
  }

  private commit(h: Hlc): string {
    // A stalled or rewound wall clock must never stop the counter: borrow a millisecond instead of overflowing.
    if (h.counter > MAX_COUNTER) h = { ms: h.ms + 1, counter: 0, node: h.node };
    this.last = h;
    return encodeHlc(h);
  }
}
