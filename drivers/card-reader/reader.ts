/**
 * The host side of the reference protocol: one request at a time, a timeout on each, retries only for reads,
 * a write always read back and compared, and never a PSC verification the operator did not ask for.
 * Runtime: Node.
 */
import type { PairingStats } from './pairing';
import { CMD, STATUS } from './protocol';
import { type ReaderErrorCode, ReaderError } from './reader-error';
import { type LinkOptions, ReaderLink, type Reply } from './reader-link';
import type { ReaderTransport } from './transport';

export { type ReaderErrorCode, ReaderError } from './reader-error';

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

export interface ReaderOptions extends LinkOptions {
  /** Extra attempts for read commands after a timeout or a garbled exchange. */
  readRetries?: number;
}

export class CardReader {
  private readonly link: ReaderLink;
  private readonly readRetries: number;

  constructor(transport: ReaderTransport, opts: ReaderOptions = {}) {
    this.link = new ReaderLink(transport, opts);
    this.readRetries = opts.readRetries ?? 2;
  }

  get connected(): boolean {
    return this.link.connected;
  }

  get timeoutMs(): number {
    return this.link.timeoutMs;
  }

  /** Replies discarded or lost so far (docs/reader-protocol.md, "Pairing"). */
  get stats(): Readonly<PairingStats> {
    return this.link.stats;
  }

  /** Bytes exchanged, for the wire-time benchmark. */
  get bytesIn(): number {
    return this.link.bytesIn;
  }

  get bytesOut(): number {
    return this.link.bytesOut;
  }

  /** A read-only command: retried after a timeout or a garbled exchange. */
  private async read(cmd: number, data: ArrayLike<number> = []): Promise<Uint8Array> {
    for (let attempt = 0; ; attempt++) {
      try {
        const r = await this.link.exchange(cmd, data, true, attempt === this.readRetries);
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
    return check(await this.link.exchange(cmd, data, false));
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

  /** One request (the length byte: 1–255, 0 = 256): main memory is 256 bytes. */
  async readMain(addr: number, len: number): Promise<Uint8Array> {
    if (len === 0) return new Uint8Array();
    if (len < 1 || len > 256 || addr < 0 || addr + len > 256) throw new ReaderError('OUT_OF_RANGE');
    return this.read(CMD.readMain, [addr, len === 256 ? 0 : len]);
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
    await this.link.close();
  }
}

function check(r: Reply): Uint8Array {
  if (r.status === STATUS.ok) return r.data;
  const code = STATUS_ERRORS[r.status] ?? 'FRAME_ERROR';
  throw new ReaderError(code, code === 'PSC_WRONG' || code === 'CARD_LOCKED' ? r.data[0] : undefined);
}
