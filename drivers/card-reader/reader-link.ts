/**
 * The host's side of the wire: one request at a time, each with a timeout, and every reply paired with its
 * request (pairing.ts) — a late reply is never taken for the next request's, a reply that fits no request is
 * discarded, and a slow reader gets longer timeouts: slow, never wrong. Runtime: Node.
 */
import { type DecodeEvent, encodeFrame, FrameDecoder } from './frame';
import { type PairingStats, type Pending, ReplyQueue } from './pairing';
import { STATUS } from './protocol';
import { ReaderError } from './reader-error';
import { okShape, replyBytes } from './reply-shape';
import type { ReaderTransport } from './transport';

export interface LinkOptions {
  timeoutMs?: number;
  /**
   * How long after its request a late reply is still waited for before a different request is sent
   * (default: 4 × timeoutMs); past it, the reply is taken as lost.
   */
  lateReplyMs?: number;
  /** Quiet line needed before a request whose reply could be taken for the previous one's (default 5 ms). */
  settleMs?: number;
}

/** The longest the host waits for one reply, however slow the reader has shown itself to be. */
const MAX_WAIT_MS = 10_000;

export type Reply = { status: number; data: Uint8Array };

export class ReaderLink {
  private readonly decoder = new FrameDecoder();
  private readonly replies = new ReplyQueue();
  private current: { entry: Pending; resolve: (r: Reply) => void; reject: (e: Error) => void } | null = null;
  private readonly wakers = new Set<() => void>();
  private queue: Promise<unknown> = Promise.resolve();
  private closed = false;
  private readonly closeListeners: ((err?: Error) => void)[] = [];
  private interByte: ReturnType<typeof setTimeout> | undefined;
  private garbageTimer: ReturnType<typeof setTimeout> | undefined;
  /**
   * The inter-byte timeout: a line quiet this long has finished sending (20 byte-times, at least 50 ms — a USB
   * serial adapter hands bytes on every 16 ms by default, and a busy PC reads them later still).
   */
  private readonly quietMs: number;
  private lastByteAt = 0;
  /** The request whose reply came last (a reply of the same shape needs a quiet line first). */
  private lastAnswered: Pending | null = null;
  /** The slowest reply seen (ms after its request): a slow reader gets longer timeouts. */
  private slowestMs = 0;
  readonly timeoutMs: number;
  private readonly lateReplyMs: number;
  private readonly settleMs: number;
  private readonly byteMs: number;
  /** Bytes exchanged, for the wire-time benchmark. */
  bytesOut = 0;
  bytesIn = 0;

  constructor(
    private readonly transport: ReaderTransport,
    opts: LinkOptions = {},
  ) {
    this.timeoutMs = opts.timeoutMs ?? 500;
    this.lateReplyMs = opts.lateReplyMs ?? 4 * this.timeoutMs;
    this.byteMs = transport.byteMs ?? 0;
    this.quietMs = Math.max(50, 20 * this.byteMs);
    this.settleMs = opts.settleMs ?? Math.max(5, 24 * this.byteMs);
    transport.onData((chunk) => this.receive(chunk));
    transport.onClose((err) => {
      this.closed = true;
      for (const cb of this.closeListeners) cb(err);
      clearTimeout(this.interByte);
      clearTimeout(this.garbageTimer);
      this.current?.reject(new ReaderError('DISCONNECTED'));
      this.wake();
    });
  }

  get connected(): boolean {
    return !this.closed;
  }

  /** Registers a listener for the link going away by itself (the transport takes one; this fans it out). */
  onClose(cb: (err?: Error) => void): void {
    this.closeListeners.push(cb);
  }

  /** Replies discarded or lost so far (docs/reader-protocol.md, "Pairing"). */
  get stats(): Readonly<PairingStats> {
    return this.replies.stats;
  }

  private receive(chunk: Uint8Array) {
    this.bytesIn += chunk.length;
    this.lastByteAt = performance.now();
    clearTimeout(this.interByte);
    this.take(this.decoder.push(chunk));
    // The inter-byte timeout: a frame left incomplete (a corrupted length) is given up, and what followed
    // its start is parsed again.
    if (this.decoder.pending > 0) this.interByte = setTimeout(() => this.whenQuiet(), this.quietMs);
  }

  /**
   * The inter-byte timer fired: the frame is given up only if no byte came meanwhile — judged after the bytes
   * already waiting are read (timers run before I/O in an event-loop turn, so a process that was not scheduled
   * for a while would otherwise give up a frame whose rest has already arrived).
   */
  private whenQuiet() {
    setImmediate(() => {
      const quiet = performance.now() - this.lastByteAt;
      if (this.decoder.pending === 0) return;
      if (quiet < this.quietMs) {
        this.interByte = setTimeout(() => this.whenQuiet(), this.quietMs - quiet);
        return;
      }
      this.take(this.decoder.expire());
    });
  }

  /**
   * Garbage came while a reply was awaited: once the line has been quiet a moment with no reply that fits, the
   * request was answered with garbage (FRAME_ERROR: a read is sent again). Garbage never takes a reply's turn
   * by itself — it may be noise, or the remains of a reply that is still to be found in it.
   */
  private garbage() {
    const cur = this.current;
    if (!cur) return;
    clearTimeout(this.garbageTimer);
    this.garbageTimer = setTimeout(() => {
      if (this.current !== cur) return;
      if (this.decoder.pending > 0 || performance.now() - this.lastByteAt < this.quietMs)
        return this.garbage();
      this.replies.garbled(cur.entry);
      cur.resolve({ status: STATUS.frameError, data: new Uint8Array() });
    }, this.quietMs);
  }

  private take(events: DecodeEvent[]) {
    const now = performance.now();
    for (const ev of events) {
      if (ev.type === 'error') {
        if (ev.reason !== 'length') this.garbage(); // a stray STX (reason 'length') is noise, not a reply
        continue;
      }
      const { head: status, data } = ev.frame;
      const paired = this.replies.frame(now, status, data);
      if (paired.kind === 'reply') {
        if (paired.to === this.current?.entry) this.current.resolve({ status, data });
      } else if (paired.kind === 'late') {
        this.slowestMs = Math.min(MAX_WAIT_MS, Math.max(this.slowestMs, now - paired.to.sentAt));
        this.replies.waitAtLeast(Math.min(MAX_WAIT_MS, 3 * this.slowestMs));
        const cur = this.current;
        if (cur?.entry.retryable && cur.entry.key === paired.to.key) {
          // The same read sent again: the late reply answers it, and the repeat's own reply is now the late one.
          cur.entry.abandoned = true;
          this.replies.stats.reused++;
          cur.resolve({ status, data });
        } else this.replies.stats.late++;
      }
    }
    this.wake();
  }

  private wake() {
    for (const w of [...this.wakers]) w();
  }

  /** Waits until a reply comes, the link closes, or `until` (performance.now()) passes. */
  private waitUntil(until: number): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.wakers.delete(done);
        resolve();
      };
      const timer = setTimeout(done, Math.max(0, until - performance.now()));
      this.wakers.add(done);
    });
  }

  /**
   * Before a request: every late reply it could be taken for has come or been given up, and if its reply could
   * look like the last one's (a duplicate of that would fit), the line has been quiet for a moment.
   */
  private async resync(next: Pending): Promise<void> {
    for (;;) {
      if (this.closed) return;
      const now = performance.now();
      this.replies.expire(now);
      const owed = this.replies.blocking(next);
      let until = owed.length > 0 ? Math.min(...owed.map((p) => p.giveUpAt)) : 0;
      const last = this.lastAnswered;
      if (!until && last && okShape(last.cmd, last.data) === okShape(next.cmd, next.data))
        until = this.lastByteAt + this.settleMs;
      if (until <= now) return;
      await this.waitUntil(until);
    }
  }

  /**
   * One exchange, serialised with every other. `retryable`: a read, which may be sent again. `lastTry`: the
   * last attempt of a read, which on its timeout still waits for a late reply to an earlier attempt.
   */
  exchange(cmd: number, data: ArrayLike<number>, retryable: boolean, lastTry = false): Promise<Reply> {
    const run = async () => {
      if (this.closed) throw new ReaderError('DISCONNECTED');
      const bytes = Uint8Array.from(Array.from(data));
      const entry: Pending = {
        cmd,
        data: bytes,
        key: `${cmd}:${Buffer.from(bytes).toString('hex')}`,
        retryable,
        sentAt: 0,
        giveUpAt: 0,
        abandoned: false,
      };
      await this.resync(entry);
      if (this.closed) throw new ReaderError('DISCONNECTED');
      const frame = encodeFrame(cmd, bytes);
      const timeout =
        Math.min(MAX_WAIT_MS, Math.max(this.timeoutMs, Math.ceil(this.slowestMs * 1.5))) +
        (frame.length + replyBytes(cmd, bytes)) * this.byteMs;
      entry.sentAt = performance.now();
      entry.giveUpAt = entry.sentAt + Math.max(this.lateReplyMs, 2 * timeout);
      this.replies.push(entry);
      const reply = new Promise<Reply>((resolve, reject) => {
        const expire = () => {
          const owed = lastTry ? this.replies.owedUntil(entry) : 0;
          if (owed > performance.now()) {
            timer = setTimeout(expire, owed - performance.now());
            return;
          }
          entry.abandoned = true;
          this.current = null;
          reject(new ReaderError('TIMEOUT'));
        };
        let timer = setTimeout(expire, timeout);
        this.current = {
          entry,
          resolve: (r) => {
            clearTimeout(timer);
            this.current = null;
            this.lastAnswered = entry;
            resolve(r);
          },
          reject: (e) => {
            clearTimeout(timer);
            this.current = null;
            reject(e);
          },
        };
      });
      this.bytesOut += frame.length;
      try {
        await this.transport.write(frame);
      } catch {
        // The link is gone (unplugged) — say so, whatever the transport called it.
        this.replies.drop(entry);
        if (this.current?.entry === entry) this.current.reject(new ReaderError('DISCONNECTED'));
      }
      return reply;
    };
    const p = this.queue.then(run, run);
    this.queue = p.catch(() => {});
    return p;
  }

  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.interByte);
    clearTimeout(this.garbageTimer);
    this.current?.reject(new ReaderError('DISCONNECTED'));
    this.wake();
    await this.transport.close();
  }
}
