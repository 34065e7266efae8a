/**
 * The host side of the reference protocol: one request at a time, a timeout on each, retries only for reads,
 * a write always read back and compared, and never a PSC verification the operator did not ask for.
 * Runtime: Node.
 */
import { encodeFrame, FrameDecoder } from './frame';
import { CMD, STATUS } from './protocol';
import type { ReaderTransport } from './transport';

export type ReaderErrorCode =
  | 'TIMEOUT'
  | 'NO_CARD'
  | 'WRONG_CARD_TYPE'
  | 'PSC_WRONG'
  | 'CARD_LOCKED'
  | 'NOT_VERIFIED'
  | 'WRITE_PROTECTED'
  | 'OUT_OF_RANGE'
  | 'FRAME_ERROR'
  | 'UNKNOWN_COMMAND'
  | 'DISCONNECTED'
  | 'LAST_TRY_NEEDS_CONFIRMATION'
  | 'WRITE_NOT_CONFIRMED';

export class ReaderError extends Error {
  constructor(
    readonly code: ReaderErrorCode,
    readonly triesLeft?: number,
  ) {
    super(`reader: ${code}${triesLeft !== undefined ? ` (tries left ${triesLeft})` : ''}`);
    this.name = 'ReaderError';
  }
}

const STATUS_ERRORS: Record<number, ReaderErrorCode> = {
  [STATUS.noCard]: 'NO_CARD',
  [STATUS.wrongCardType]: 'WRONG_CARD_TYPE',
  [STATUS.pscWrong]: 'PSC_WRONG',
  [STATUS.cardLocked]: 'CARD_LOCKED',
  [STATUS.notVerified]: 'NOT_VERIFIED',
  [STATUS.writeProtected]: 'WRITE_PROTECTED',
  [STATUS.outOfRange]: 'OUT_OF_RANGE',
  [STATUS.frameError]: 'FRAME_ERROR',
  [STATUS.unknownCommand]: 'UNKNOWN_COMMAND',
};

export interface ReaderOptions {
  timeoutMs?: number;
  /** Extra attempts for read commands after a timeout or a garbled exchange. */
  readRetries?: number;
}

/** Largest read per request (the length byte: 1–255, 0 = 256). */
const CHUNK = 128;

export class CardReader {
  private readonly decoder = new FrameDecoder();
  private waiter: {
    resolve: (r: { status: number; data: Uint8Array }) => void;
    reject: (e: Error) => void;
  } | null = null;
  private queue: Promise<unknown> = Promise.resolve();
  private closed = false;
  private quietUntil = 0;
  readonly timeoutMs: number;
  private readonly readRetries: number;
  /** Bytes exchanged, for the wire-time benchmark. */
  bytesOut = 0;
  bytesIn = 0;

  constructor(
    private readonly transport: ReaderTransport,
    opts: ReaderOptions = {},
  ) {
    this.timeoutMs = opts.timeoutMs ?? 500;
    this.readRetries = opts.readRetries ?? 2;
    transport.onData((chunk) => this.receive(chunk));
    transport.onClose(() => {
      this.closed = true;
      this.waiter?.reject(new ReaderError('DISCONNECTED'));
      this.waiter = null;
    });
  }

  get connected(): boolean {
    return !this.closed;
  }

  private receive(chunk: Uint8Array) {
    this.bytesIn += chunk.length;
    for (const ev of this.decoder.push(chunk)) {
      if (Date.now() < this.quietUntil || !this.waiter) continue; // a late reply to a request we gave up on
      const w = this.waiter;
      this.waiter = null;
      if (ev.type === 'frame') w.resolve({ status: ev.frame.head, data: ev.frame.data });
      else w.resolve({ status: STATUS.frameError, data: new Uint8Array() });
    }
  }

  /** One exchange, serialised with every other. */
  private exchange(cmd: number, data: ArrayLike<number>): Promise<{ status: number; data: Uint8Array }> {
    const run = async () => {
      if (this.closed) throw new ReaderError('DISCONNECTED');
      const frame = encodeFrame(cmd, data);
      const reply = new Promise<{ status: number; data: Uint8Array }>((resolve, reject) => {
        const timer = setTimeout(() => {
          this.waiter = null;
          // Ignore whatever late reply still comes for this request.
          this.quietUntil = Date.now() + this.timeoutMs / 2;
          this.decoder.reset();
          reject(new ReaderError('TIMEOUT'));
        }, this.timeoutMs);
        this.waiter = {
          resolve: (r) => {
            clearTimeout(timer);
            resolve(r);
          },
          reject: (e) => {
            clearTimeout(timer);
            reject(e);
          },
        };
      });
      this.bytesOut += frame.length;
      try {
        await this.transport.write(frame);
      } catch {
        // The link is gone (unplugged) — say so, whatever the transport called it.
        this.waiter?.reject(new ReaderError('DISCONNECTED'));
        this.waiter = null;
      }
      try {
        return await reply;
      } finally {
        if (this.quietUntil > Date.now())
          await new Promise((r) => setTimeout(r, this.quietUntil - Date.now()));
      }
    };
    const p = this.queue.then(run, run);
    this.queue = p.catch(() => {});
    return p;
  }

  /** A read-only command: retried after a timeout or a garbled exchange. */
  private async read(cmd: number, data: ArrayLike<number> = []): Promise<Uint8Array> {
    for (let attempt = 0; ; attempt++) {
      try {
        const r = await this.exchange(cmd, data);
        if (r.status === STATUS.frameError && attempt < this.readRetries) continue;
        return check(r);
      } catch (e) {
        if (e instanceof ReaderError && e.code === 'TIMEOUT' && attempt < this.readRetries) continue;
        throw e;
      }
    }
  }

  /** A command that changes state: sent once. */
  private async once(cmd: number, data: ArrayLike<number> = []): Promise<Uint8Array> {
    return check(await this.exchange(cmd, data));
  }

  async info(): Promise<string> {
    return String.fromCharCode(...(await this.read(CMD.info)));
  }

  async cardPresent(): Promise<boolean> {
    return (await this.read(CMD.status))[0] === 1;
  }

  async powerOn(): Promise<Uint8Array> {
    return this.read(CMD.powerOn);
  }

  async powerOff(): Promise<void> {
    await this.read(CMD.powerOff);
  }

  async readMain(addr: number, len: number): Promise<Uint8Array> {
    const out = new Uint8Array(len);
    for (let off = 0; off < len; off += CHUNK) {
      const n = Math.min(CHUNK, len - off);
      out.set(await this.read(CMD.readMain, [addr + off, n === 256 ? 0 : n]), off);
    }
    return out;
  }

  async readImage(): Promise<Uint8Array> {
    return this.readMain(0, 256);
  }

  /**
   * Writes main memory, then reads it back and compares. A write whose reply was lost is never blindly resent:
   * the area is read back first, and written again only if it does not hold the bytes.
   */
  async updateMain(addr: number, bytes: Uint8Array): Promise<void> {
    for (let attempt = 0; attempt < 2; attempt++) {
      let sent = true;
      try {
        await this.once(CMD.updateMain, [addr, ...bytes]);
      } catch (e) {
        if (!(e instanceof ReaderError) || (e.code !== 'TIMEOUT' && e.code !== 'FRAME_ERROR')) throw e;
        sent = false;
      }
      const back = await this.readMain(addr, bytes.length);
      if (back.every((b, i) => b === bytes[i])) return;
      if (sent) throw new ReaderError('WRITE_NOT_CONFIRMED');
    }
    throw new ReaderError('WRITE_NOT_CONFIRMED');
  }

  async readProtection(): Promise<Uint8Array> {
    return this.read(CMD.readProtection);
  }

  async writeProtection(addr: number, bytes: Uint8Array): Promise<void> {
    await this.once(CMD.writeProtection, [addr, ...bytes]);
  }

  async triesLeft(): Promise<number> {
    return (await this.read(CMD.readErrorCounter))[0]!;
  }

  /**
   * One PSC verification, only ever on the caller's request. Refuses to try at all when the card has one try
   * left unless `allowLastTry` (the operator confirmed); never retried, whatever happens.
   */
  async verifyPsc(psc: Uint8Array, opts: { allowLastTry?: boolean } = {}): Promise<void> {
    const left = await this.triesLeft();
    if (left === 0) throw new ReaderError('CARD_LOCKED', 0);
    if (left === 1 && !opts.allowLastTry) throw new ReaderError('LAST_TRY_NEEDS_CONFIRMATION', 1);
    await this.once(CMD.verifyPsc, psc);
  }

  async changePsc(psc: Uint8Array): Promise<void> {
    await this.once(CMD.changePsc, psc);
  }

  async beep(ms = 100): Promise<void> {
    await this.once(CMD.beep, [Math.min(255, Math.round(ms / 10))]);
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.transport.close();
  }
}

function check(r: { status: number; data: Uint8Array }): Uint8Array {
  if (r.status === STATUS.ok) return r.data;
  const code = STATUS_ERRORS[r.status] ?? 'FRAME_ERROR';
  throw new ReaderError(code, code === 'PSC_WRONG' || code === 'CARD_LOCKED' ? r.data[0] : undefined);
}
