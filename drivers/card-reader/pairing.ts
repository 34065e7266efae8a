/**
 * Pairs the reader's replies with the host's requests (docs/reader-protocol.md, "Pairing"). A reader answers
 * one request at a time, in order, so the requests still owed a reply form a queue: a reply belongs to the
 * first of them whose command it fits (status and length, reply-shape.ts), and any before it lost theirs. A
 * request that timed out stays in the queue, abandoned, until its late reply comes or it is given up; a reply
 * that fits nothing is discarded. Every discard is counted. Runtime: any.
 */
import { replyFits } from './reply-shape';

export interface Pending {
  readonly cmd: number;
  readonly data: Uint8Array;
  /** Command and data: two requests with the same key are the same read. */
  readonly key: string;
  /** A read, which an identical request may repeat (and whose late reply answers the repeat too). */
  readonly retryable: boolean;
  sentAt: number;
  /** When its reply, if still not come, is taken as lost. */
  giveUpAt: number;
  /** Timed out: the caller has been told, and its reply (if it comes) is late. */
  abandoned: boolean;
}

export interface PairingStats {
  /** Late replies (to requests that had timed out) discarded. */
  late: number;
  /** Late replies that answered an identical read sent again after the timeout. */
  reused: number;
  /** Replies that fitted no request (duplicates, replies of another command): discarded. */
  stray: number;
  /** Requests answered with bytes that could not be decoded (bad BCC, missing ETX), and read again. */
  garbled: number;
  /** Requests whose reply never came. */
  lost: number;
}

export type Pairing = { kind: 'reply'; to: Pending } | { kind: 'late'; to: Pending } | { kind: 'discarded' };

export class ReplyQueue {
  private queue: Pending[] = [];
  /** The last requests given up on: a reply of theirs still coming is counted late, not stray. */
  private lostRecently: Pending[] = [];
  readonly stats: PairingStats = { late: 0, reused: 0, stray: 0, garbled: 0, lost: 0 };

  push(p: Pending): void {
    this.queue.push(p);
  }

  /** Takes a request off the queue (its write failed: no reply will come). */
  drop(p: Pending): void {
    this.queue = this.queue.filter((q) => q !== p);
  }

  /** Gives up the abandoned requests whose late reply has not come in time. */
  expire(now: number): void {
    const gone = this.queue.filter((p) => p.abandoned && p.giveUpAt <= now);
    if (gone.length === 0) return;
    this.queue = this.queue.filter((p) => !gone.includes(p));
    for (const p of gone) this.lose(p);
  }

  /** The abandoned requests whose reply must come (or be given up) before `next` is sent. */
  blocking(next: Pending): Pending[] {
    return this.queue.filter((p) => p.abandoned && !(next.retryable && p.key === next.key));
  }

  /** A reader shown to be this slow: abandoned requests wait at least this long after sending for their reply. */
  waitAtLeast(ms: number): void {
    for (const p of this.queue) if (p.abandoned) p.giveUpAt = Math.max(p.giveUpAt, p.sentAt + ms);
  }

  /** Until when an earlier, identical request may still get its late reply (0: none owed). */
  owedUntil(p: Pending): number {
    const owed = this.queue.filter((q) => q !== p && q.abandoned && q.key === p.key);
    return owed.length > 0 ? Math.min(...owed.map((q) => q.giveUpAt)) : 0;
  }

  /** A complete reply came: whose it is. */
  frame(now: number, status: number, data: Uint8Array): Pairing {
    this.expire(now);
    const i = this.queue.findIndex((p) => replyFits(p.cmd, p.data, status, data));
    if (i < 0) {
      const j = this.lostRecently.findIndex((p) => replyFits(p.cmd, p.data, status, data));
      if (j >= 0) {
        this.lostRecently.splice(j, 1);
        this.stats.late++;
      } else this.stats.stray++;
      return { kind: 'discarded' };
    }
    // The reader answers in order: the requests before this one will get no reply.
    for (const p of this.queue.splice(0, i)) this.lose(p);
    const to = this.queue.shift()!;
    return to.abandoned ? { kind: 'late', to } : { kind: 'reply', to };
  }

  /** The request's reply came but could not be decoded: it leaves the queue. */
  garbled(p: Pending): void {
    this.drop(p);
    this.stats.garbled++;
  }

  private lose(p: Pending): void {
    this.stats.lost++;
    this.lostRecently.push(p);
    if (this.lostRecently.length > 8) this.lostRecently.shift();
  }
}
