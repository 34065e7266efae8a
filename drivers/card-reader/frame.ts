/**
 * Frame codec of the reference protocol, both directions. The decoder keeps state across chunks: bytes may
 * arrive split anywhere or several frames in one chunk; it resynchronises on STX after noise, and reports a
 * frame with a bad BCC or a missing ETX as an error (which the receiver answers with status 08).
 * Runtime: any.
 */
import { ETX, MAX_BODY, STX } from './protocol';

export function bcc(bytes: ArrayLike<number>, from: number, to: number): number {
  let x = 0;
  for (let i = from; i < to; i++) x ^= bytes[i]!;
  return x;
}

/** head: the command (request) or status (response) byte. */
export function encodeFrame(head: number, data: ArrayLike<number> = []): Uint8Array {
  const len = 1 + data.length;
  if (len > MAX_BODY) throw new RangeError(`frame body too long: ${len}`);
  const f = new Uint8Array(len + 5);
  f[0] = STX;
  f[1] = (len >>> 8) & 0xff;
  f[2] = len & 0xff;
  f[3] = head;
  f.set(Array.from(data), 4);
  f[4 + data.length] = bcc(f, 1, 4 + data.length);
  f[5 + data.length] = ETX;
  return f;
}

export interface Frame {
  readonly head: number;
  readonly data: Uint8Array;
}

export type DecodeEvent =
  | { type: 'frame'; frame: Frame }
  | { type: 'error'; reason: 'bcc' | 'etx' | 'length' };

export class FrameDecoder {
  private buf: number[] = [];

  /** Feeds bytes; returns the frames and errors completed by them, in order. */
  push(chunk: ArrayLike<number>): DecodeEvent[] {
    for (let i = 0; i < chunk.length; i++) this.buf.push(chunk[i]!);
    const out: DecodeEvent[] = [];
    for (;;) {
      const stx = this.buf.indexOf(STX);
      if (stx < 0) {
        this.buf = [];
        return out;
      }
      if (stx > 0) this.buf.splice(0, stx);
      if (this.buf.length < 3) return out;
      const len = (this.buf[1]! << 8) | this.buf[2]!;
      if (len < 1 || len > MAX_BODY) {
        // Not a frame start after all: skip this STX and look for the next one.
        this.buf.shift();
        out.push({ type: 'error', reason: 'length' });
        continue;
      }
      const total = len + 5;
      if (this.buf.length < total) return out;
      const f = this.buf.splice(0, total);
      if (f[total - 1] !== ETX) {
        out.push({ type: 'error', reason: 'etx' });
        // Resynchronise inside what we took: a real frame may start within it.
        this.buf.unshift(...f.slice(1));
        continue;
      }
      if (bcc(f, 1, 3 + len) !== f[3 + len]) {
        out.push({ type: 'error', reason: 'bcc' });
        // As for a missing ETX: a corrupted length may have taken the start of the next frame with it (whose
        // bytes happened to end on an ETX), so resynchronise inside what we took.
        this.buf.unshift(...f.slice(1));
        continue;
      }
      out.push({ type: 'frame', frame: { head: f[3]!, data: Uint8Array.from(f.slice(4, 3 + len)) } });
    }
  }

  /**
   * The inter-byte timeout: no byte has come for a while, so the incomplete frame at the head of the buffer
   * will never complete (its length byte was probably corrupted). Drops its STX and parses what follows.
   */
  expire(): DecodeEvent[] {
    if (this.buf.length === 0) return [];
    this.buf.shift();
    return [{ type: 'error', reason: 'length' }, ...this.push([])];
  }

  get pending(): number {
    return this.buf.length;
  }

  reset(): void {
    this.buf = [];
  }
}
