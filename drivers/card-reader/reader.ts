/**
 * The host side of the reference protocol: one request at a time, a timeout on each, retries only for reads.
 * The SLE4442 rules (a write read back, a PSC never retried, the last try refused) come from Sle4442Rules,
 * shared with every other backend. Runtime: Node.
 */
import type { PairingStats } from './pairing';
import { CMD, STATUS } from './protocol';
import { type ReaderErrorCode, ReaderError } from './reader-error';
import { type LinkOptions, ReaderLink, type Reply } from './reader-link';
import { CloseListeners, type ReaderOptions as BaseOptions, Sle4442Rules } from './sle4442-reader';
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

export interface ReaderOptions extends LinkOptions, BaseOptions {
  /** Extra attempts for read commands after a timeout or a garbled exchange. */
  readRetries?: number;
}

/** An SLE4442 reader speaking GasDesk's reference protocol over a serial, HID or in-process link. */
export class CardReader extends Sle4442Rules {
  private readonly link: ReaderLink;
  private readonly readRetries: number;
  private readonly closeListeners = new CloseListeners();
  readonly description: string;

  constructor(transport: ReaderTransport, opts: ReaderOptions = {}) {
    super();
    this.link = new ReaderLink(transport, opts);
    this.link.onClose((err) => this.closeListeners.fire(err));
    this.readRetries = opts.readRetries ?? 2;
    this.description = transport.description;
  }

  onClose(cb: (err?: Error) => void): void {
    this.closeListeners.add(cb);
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
  protected readBytes(addr: number, len: number): Promise<Uint8Array> {
    return this.read(CMD.readMain, [addr, len === 256 ? 0 : len]);
  }

  protected async writeBytes(addr: number, bytes: Uint8Array): Promise<void> {
    await this.once(CMD.updateMain, [addr, ...bytes]);
  }

  async readProtection(): Promise<Uint8Array> {
    return this.read(CMD.readProtection);
  }

  async writeProtection(addr: number, bytes: Uint8Array): Promise<void> {
    await this.once(CMD.writeProtection, [addr, ...bytes]);
  }

  protected async readTries(): Promise<number> {
    return (await this.read(CMD.readErrorCounter))[0]!;
  }

  protected async presentPsc(psc: Uint8Array): Promise<void> {
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
