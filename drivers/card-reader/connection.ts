/**
 * Keeps a reader connected: opens it lazily, notices an unplug (the transport closes), and keeps trying to
 * find the same device again — through `open` (any backend: reference protocol, PC/SC, a maker's library), which may look it up anew (a USB serial reader can come back
 * under another port name; see findSerialPort). Status changes are events the UI shows. Runtime: Node.
 */
import { EventEmitter } from 'node:events';
import { ReaderError } from './reader-error';
import type { ReaderOptions, Sle4442Reader } from './sle4442-reader';

export type ConnectionStatus = 'disconnected' | 'connecting' | 'connected';

export class ReaderConnection extends EventEmitter<{ status: [ConnectionStatus, string | undefined] }> {
  private reader: Sle4442Reader | null = null;
  private connecting: Promise<Sle4442Reader> | null = null;
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;
  status: ConnectionStatus = 'disconnected';
  /** Why it is not connected, for the operator (a PortOpenError's message names the program holding the port). */
  lastError: string | undefined;
  /** The error that last kept it from connecting (cleared once connected). */
  lastFailure: Error | undefined;

  constructor(
    private readonly open: (opts: ReaderOptions) => Promise<Sle4442Reader>,
    private readonly opts: ReaderOptions & { retryMs?: number } = {},
  ) {
    super();
  }

  private set(status: ConnectionStatus, err?: string) {
    this.status = status;
    this.lastError = err;
    this.emit('status', status, err);
  }

  /** The connected reader, connecting first if needed; DISCONNECTED if the device cannot be reached now. */
  async get(): Promise<Sle4442Reader> {
    if (this.stopped) throw new ReaderError('DISCONNECTED');
    if (this.reader?.connected) return this.reader;
    this.connecting ??= this.connect().finally(() => {
      this.connecting = null;
    });
    return this.connecting;
  }

  private async connect(): Promise<Sle4442Reader> {
    this.set('connecting');
    try {
      const reader = await this.open(this.opts);
      if (this.stopped) {
        // Closed while the port was opening: let it go at once.
        await reader.close();
        throw new Error('closed');
      }
      reader.onClose((err) => {
        if (this.reader === reader) this.reader = null;
        this.set('disconnected', err?.message ?? 'unplugged');
        this.watch();
      });
      this.reader = reader;
      this.lastFailure = undefined;
      this.set('connected');
      return reader;
    } catch (e) {
      this.lastFailure = e instanceof Error ? e : new Error(String(e));
      this.set('disconnected', this.lastFailure.message);
      this.watch();
      throw new ReaderError('DISCONNECTED');
    }
  }

  /** Looks for the device again until it is back. */
  private watch() {
    if (this.stopped || this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      if (this.stopped || this.reader?.connected) return;
      this.get().catch(() => {});
    }, this.opts.retryMs ?? 1000);
  }

  /** Lets the device go (the port unlocked for another program), also one still being opened. */
  async close(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.connecting?.catch(() => {});
    await this.reader?.close();
    this.reader = null;
    if (this.status !== 'disconnected') this.set('disconnected', 'closed');
  }
}
