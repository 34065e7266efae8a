/**
 * The SLE4442 reader seam: what card formats, the card station and the CLI use, whatever the reader speaks
 * (GasDesk's reference protocol, PC/SC pseudo-APDUs, a reader maker's library). The rules every backend obeys
 * live here once, in `Sle4442Rules`: a PSC verification only on the caller's request, never retried, the last
 * try refused unless allowed; a main-memory write always read back and compared, and never blindly resent.
 * A backend supplies single exchanges and maps its own failures onto ReaderError codes. Runtime: Node.
 */
import { ReaderError } from './reader-error';

export interface Sle4442Reader {
  /** False once the reader went away (unplugged, its service stopped, a library call stuck) or was closed. */
  readonly connected: boolean;
  /** A human-readable name of the reader, for status and logs. */
  readonly description: string;
  /** The reader's own identification (firmware, reader name, library version). */
  info(): Promise<string>;
  cardPresent(): Promise<boolean>;
  /** Powers the card up (a reset: a PSC verification is undone) and returns its 4-byte ATR (memory 0–3). */
  powerOn(): Promise<Uint8Array>;
  powerOff(): Promise<void>;
  readMain(addr: number, len: number): Promise<Uint8Array>;
  readImage(): Promise<Uint8Array>;
  /** Writes main memory, then reads it back and compares (WRITE_NOT_CONFIRMED when it does not hold). */
  updateMain(addr: number, bytes: Uint8Array): Promise<void>;
  /** The 32 protection bits as 4 bytes, bit i of byte i/8, LSB first (1 = still writable). */
  readProtection(): Promise<Uint8Array>;
  /** Compare-and-protect bytes addr… of the first 32. */
  writeProtection(addr: number, bytes: Uint8Array): Promise<void>;
  /** PSC verifications left (0–3); 0 = locked. Never presents a PSC. */
  triesLeft(): Promise<number>;
  /** One PSC verification, never retried; one try left is refused unless `allowLastTry`. */
  verifyPsc(psc: Uint8Array, opts?: { allowLastTry?: boolean }): Promise<void>;
  changePsc(psc: Uint8Array): Promise<void>;
  beep(ms?: number): Promise<void>;
  /** Registers a listener for the reader going away by itself (not for `close()`). */
  onClose(cb: (err?: Error) => void): void;
  close(): Promise<void>;
}

/** Options every backend takes. */
export interface ReaderOptions {
  /** How long one exchange (or library call) may take before it is given up. */
  timeoutMs?: number;
}

/** The rules, once; a backend implements the single exchanges below. */
export abstract class Sle4442Rules implements Sle4442Reader {
  abstract readonly connected: boolean;
  abstract readonly description: string;
  abstract info(): Promise<string>;
  abstract cardPresent(): Promise<boolean>;
  abstract powerOn(): Promise<Uint8Array>;
  abstract powerOff(): Promise<void>;
  abstract readProtection(): Promise<Uint8Array>;
  abstract writeProtection(addr: number, bytes: Uint8Array): Promise<void>;
  abstract changePsc(psc: Uint8Array): Promise<void>;
  abstract beep(ms?: number): Promise<void>;
  abstract onClose(cb: (err?: Error) => void): void;
  abstract close(): Promise<void>;
  /** Reads 1–256 bytes (addr + len ≤ 256, checked by the caller); may retry itself: a read changes nothing. */
  protected abstract readBytes(addr: number, len: number): Promise<Uint8Array>;
  /**
   * Sends one main-memory write, once. Throws TIMEOUT or FRAME_ERROR when the outcome is unknown (no reply, a
   * garbled or unlisted one): the rules then read the area back before deciding.
   */
  protected abstract writeBytes(addr: number, bytes: Uint8Array): Promise<void>;
  /** Reads the error counter as tries left (0–3). */
  protected abstract readTries(): Promise<number>;
  /** Presents a 3-byte PSC once: resolves when accepted, else PSC_WRONG / CARD_LOCKED with the tries left. */
  protected abstract presentPsc(psc: Uint8Array): Promise<void>;

  async readMain(addr: number, len: number): Promise<Uint8Array> {
    if (len === 0) return new Uint8Array();
    if (!Number.isInteger(addr) || !Number.isInteger(len) || len < 1 || addr < 0 || addr + len > 256)
      throw new ReaderError('OUT_OF_RANGE');
    return this.readBytes(addr, len);
  }

  readImage(): Promise<Uint8Array> {
    return this.readMain(0, 256);
  }

  /**
   * A write whose reply was lost is never blindly resent: the area is read back first, and written again only
   * if it does not hold the bytes; a write that answered and does not read back is WRITE_NOT_CONFIRMED.
   */
  async updateMain(addr: number, bytes: Uint8Array): Promise<void> {
    if (bytes.length === 0) return;
    if (!Number.isInteger(addr) || addr < 0 || addr + bytes.length > 256)
      throw new ReaderError('OUT_OF_RANGE');
    for (let attempt = 0; attempt < 2; attempt++) {
      let sent = true;
      try {
        await this.writeBytes(addr, bytes);
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

  async triesLeft(): Promise<number> {
    const left = await this.readTries();
    if (!Number.isInteger(left) || left < 0 || left > 3) throw new ReaderError('FRAME_ERROR');
    return left;
  }

  /**
   * One PSC verification, only ever on the caller's request. Refuses to try at all when the card has one try
   * left unless `allowLastTry` (the operator confirmed); never retried, whatever happens.
   */
  async verifyPsc(psc: Uint8Array, opts: { allowLastTry?: boolean } = {}): Promise<void> {
    if (psc.length !== 3) throw new ReaderError('OUT_OF_RANGE');
    const left = await this.triesLeft();
    if (left === 0) throw new ReaderError('CARD_LOCKED', 0);
    if (left === 1 && !opts.allowLastTry) throw new ReaderError('LAST_TRY_NEEDS_CONFIRMATION', 1);
    await this.presentPsc(psc);
  }
}

/** Listeners for a reader going away, called once. */
export class CloseListeners {
  private readonly cbs: ((err?: Error) => void)[] = [];
  private fired = false;

  add(cb: (err?: Error) => void): void {
    this.cbs.push(cb);
  }

  fire(err?: Error): void {
    if (this.fired) return;
    this.fired = true;
    for (const cb of this.cbs) cb(err);
  }
}

/** Tries left from an SLE4442 error counter (3 bits, one cleared per failed presentation). */
export function triesFromCounter(ec: number): number {
  return (ec & 1) + ((ec >> 1) & 1) + ((ec >> 2) & 1);
}
