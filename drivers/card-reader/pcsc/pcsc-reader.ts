/**
 * An SLE4442 in an ACS-style PC/SC reader (ACR38/ACR39 family), chosen by its PC/SC name: pcsc-lite on Linux,
 * WinSCard on Windows. Exchanges are the ACS pseudo-APDUs (acs-apdu.ts); the SLE4442 rules are Sle4442Rules'.
 * A watcher (SCardGetStatusChange on its own context) reports card insertion and removal as `card` events,
 * and the reader going away — unplugged, or pcscd stopped — closes it: the connection (connection.ts) then
 * looks for the same name again until it is back. Runtime: Node.
 */
import { EventEmitter } from 'node:events';
import { ReaderError } from '../reader-error';
import { CloseListeners, type ReaderOptions, Sle4442Rules } from '../sle4442-reader';
import { APDU, expectOk, presentCodeResult, triesFromErrorCounter } from './acs-apdu';
import { GONE, NO_CARD, PcscError, pcscReaderError, RC, readerState, SCARD, winscard } from './winscard';

type Handle = bigint | number;
/** How long one wait of the watcher lasts before it looks again (close() also cancels it at once). */
const WATCH_MS = 1000;

/** The PC/SC reader names this machine has now (empty when none is plugged or pcscd is not running). */
export async function listPcscReaders(timeoutMs = 3000): Promise<string[]> {
  const w = winscard();
  const ctx = await w.establish(timeoutMs);
  try {
    return await w.list(ctx, timeoutMs);
  } finally {
    await w.release(ctx, timeoutMs);
  }
}

export async function openPcscReader(readerName: string, opts: ReaderOptions = {}): Promise<PcscReader> {
  const w = winscard();
  const ms = Math.max(5000, 4 * (opts.timeoutMs ?? 0));
  try {
    const ctx = await w.establish(ms);
    const names = await w.list(ctx, ms).catch(async (e) => {
      await w.release(ctx, ms);
      throw e;
    });
    if (!names.includes(readerName)) {
      await w.release(ctx, ms);
      throw new ReaderError(
        'DISCONNECTED',
        undefined,
        `找不到 PC/SC 读卡器“${readerName}”，现有：${names.length ? names.join('、') : '无'}`,
      );
    }
    const watchCtx = await w.establish(ms);
    return new PcscReader(readerName, ctx, watchCtx, ms);
  } catch (e) {
    throw pcscReaderError(e);
  }
}

export class PcscReader extends Sle4442Rules {
  private readonly w = winscard();
  private card: { handle: Handle; protocol: number } | null = null;
  private closed = false;
  private readonly closeListeners = new CloseListeners();
  /** `card` (present: boolean) on insertion and removal. */
  readonly events = new EventEmitter<{ card: [boolean] }>();
  readonly description: string;
  private watching: Promise<void>;

  constructor(
    readonly readerName: string,
    private readonly ctx: Handle,
    private readonly watchCtx: Handle,
    private readonly ms: number,
  ) {
    super();
    this.description = `PC/SC ${readerName}`;
    this.watching = this.watch();
  }

  get connected(): boolean {
    return !this.closed;
  }

  onClose(cb: (err?: Error) => void): void {
    this.closeListeners.add(cb);
  }

  /** Follows the reader's state until it goes away or the reader is closed. */
  private async watch(): Promise<void> {
    const state = readerState(this.readerName);
    let present: boolean | null = null;
    while (!this.closed) {
      let rc: number;
      try {
        // A bounded wait: a cancel sent while the watcher is between two waits would be lost, and close()
        // must not depend on it.
        rc = await this.w.statusChange(this.watchCtx, state, WATCH_MS, WATCH_MS + this.ms);
      } catch (e) {
        return this.gone(e instanceof Error ? e : new Error(String(e)));
      }
      if (this.closed || rc === RC.E_CANCELLED) return;
      if (rc === RC.E_TIMEOUT) continue;
      if (
        rc !== RC.SUCCESS ||
        state.dwEventState & SCARD.STATE_UNAVAILABLE ||
        state.dwEventState & SCARD.STATE_UNKNOWN
      )
        return this.gone(
          new PcscError('SCardGetStatusChange', rc === RC.SUCCESS ? RC.E_READER_UNAVAILABLE : rc),
        );
      const now = (state.dwEventState & SCARD.STATE_PRESENT) !== 0;
      if (now !== present) {
        present = now;
        if (!now) this.card = null;
        this.events.emit('card', now);
      }
      state.dwCurrentState = state.dwEventState & ~SCARD.STATE_CHANGED;
    }
  }

  private gone(e: Error) {
    if (this.closed) return;
    this.closed = true;
    this.card = null;
    this.closeListeners.fire(pcscReaderError(e) as Error);
    void this.release();
  }

  private async release() {
    await this.w.release(this.ctx, this.ms).catch(() => {});
    await this.w.release(this.watchCtx, this.ms).catch(() => {});
  }

  /** One APDU; PC/SC failures become reader errors, a vanished card drops the handle. */
  private async transmit(apdu: number[]): Promise<Uint8Array> {
    if (this.closed) throw new ReaderError('DISCONNECTED');
    const card = this.card ?? (await this.connectCard());
    try {
      return await this.w.transmit(card.handle, card.protocol, apdu, this.ms);
    } catch (e) {
      if (e instanceof PcscError && (NO_CARD.has(e.rc) || e.rc === RC.W_RESET_CARD || GONE.has(e.rc)))
        this.card = null;
      if (e instanceof PcscError && e.rc === RC.W_RESET_CARD)
        throw new ReaderError('NOT_VERIFIED', undefined, '卡被其他程序复位，需重新校验');
      if (e instanceof PcscError && (e.rc === RC.E_NOT_TRANSACTED || e.rc === RC.F_COMM_ERROR)) {
        // The card may have left mid-APDU: say so when it did (pcscd notices within its polling interval).
        this.card = null;
        if (await this.cardLeft().catch(() => false)) throw new ReaderError('NO_CARD', undefined, e.message);
      }
      if (e instanceof ReaderError && e.code === 'TIMEOUT') this.gone(e);
      throw pcscReaderError(e);
    }
  }

  /** Whether the card is gone now or goes within a second (the time pcscd's polling takes to notice). */
  private async cardLeft(): Promise<boolean> {
    const state = readerState(this.readerName);
    await this.w.statusChange(this.ctx, state, 0, this.ms);
    if (!(state.dwEventState & SCARD.STATE_PRESENT)) return true;
    state.dwCurrentState = state.dwEventState & ~SCARD.STATE_CHANGED;
    await this.w.statusChange(this.ctx, state, WATCH_MS, WATCH_MS + this.ms);
    return !(state.dwEventState & SCARD.STATE_PRESENT);
  }

  private async connectCard(): Promise<{ handle: Handle; protocol: number }> {
    try {
      const c = await this.w.connect(this.ctx, this.readerName, this.ms);
      this.card = { handle: c.card, protocol: c.protocol };
      return this.card;
    } catch (e) {
      throw pcscReaderError(e);
    }
  }

  async info(): Promise<string> {
    if (this.closed) throw new ReaderError('DISCONNECTED');
    return `PC/SC ${this.readerName}`;
  }

  async cardPresent(): Promise<boolean> {
    if (this.closed) throw new ReaderError('DISCONNECTED');
    const state = readerState(this.readerName);
    const rc = await this.w.statusChange(this.ctx, state, 0, this.ms);
    if (rc !== RC.SUCCESS && rc !== RC.E_TIMEOUT)
      throw pcscReaderError(new PcscError('SCardGetStatusChange', rc));
    return (state.dwEventState & SCARD.STATE_PRESENT) !== 0 && (state.dwEventState & SCARD.STATE_MUTE) === 0;
  }

  /**
   * Resets the card (a PSC verification is undone), selects SLE4442 and returns its 4-byte ATR: an ACS reader
   * reports it as 3B 04 + the card's 4 bytes; any other form is read from main memory 0–3 (where the
   * SLE4442 keeps its ATR).
   */
  async powerOn(): Promise<Uint8Array> {
    if (this.closed) throw new ReaderError('DISCONNECTED');
    let card = this.card;
    try {
      if (card) card.protocol = await this.w.reconnect(card.handle, SCARD.RESET_CARD, this.ms);
      else card = await this.connectCard();
    } catch (e) {
      this.card = null;
      throw pcscReaderError(e);
    }
    expectOk(await this.transmit(APDU.selectSle4442()));
    const state = readerState(this.readerName);
    await this.w.statusChange(this.ctx, state, 0, this.ms);
    const atr = state.rgbAtr.slice(0, state.cbAtr);
    if (atr.length === 6 && atr[0] === 0x3b && atr[1] === 0x04) return Uint8Array.from(atr.slice(2));
    return this.readBytes(0, 4);
  }

  async powerOff(): Promise<void> {
    const card = this.card;
    this.card = null;
    if (card) await this.w.disconnect(card.handle, SCARD.UNPOWER_CARD, this.ms).catch(() => {});
  }

  /** READ_MEMORY_CARD takes 1–255 bytes: a longer read is two requests. */
  protected async readBytes(addr: number, len: number): Promise<Uint8Array> {
    const out = new Uint8Array(len);
    for (let done = 0; done < len; ) {
      const n = Math.min(128, len - done);
      out.set(expectOk(await this.transmit(APDU.read(addr + done, n)), n), done);
      done += n;
    }
    return out;
  }

  protected async writeBytes(addr: number, bytes: Uint8Array): Promise<void> {
    if (bytes.length > 255) throw new ReaderError('OUT_OF_RANGE');
    expectOk(await this.transmit(APDU.write(addr, bytes)));
  }

  protected async readTries(): Promise<number> {
    return triesFromErrorCounter(await this.transmit(APDU.readErrorCounter()));
  }

  protected async presentPsc(psc: Uint8Array): Promise<void> {
    presentCodeResult(await this.transmit(APDU.presentCode(psc)));
  }

  async readProtection(): Promise<Uint8Array> {
    return expectOk(await this.transmit(APDU.readProtection()), 4);
  }

  async writeProtection(addr: number, bytes: Uint8Array): Promise<void> {
    if (addr < 0 || addr + bytes.length > 32) throw new ReaderError('OUT_OF_RANGE');
    expectOk(await this.transmit(APDU.writeProtection(addr, bytes)));
  }

  async changePsc(psc: Uint8Array): Promise<void> {
    if (psc.length !== 3) throw new ReaderError('OUT_OF_RANGE');
    expectOk(await this.transmit(APDU.changeCode(psc)));
  }

  /** ACR38/ACR39 have no buzzer the pseudo-APDUs reach: nothing to do. */
  async beep(): Promise<void> {}

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.powerOff();
    this.w.cancel(this.watchCtx);
    await this.watching;
    await this.release();
  }
}
