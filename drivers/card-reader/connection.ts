/**
 * Keeps a reader connected: opens it lazily, notices an unplug (the transport closes), and keeps trying to
 * find the same device again — through `open`, which may look it up anew (a USB serial reader can come back
 * under another port name; see findSerialPort). Status changes are events the UI shows. Runtime: Node.
 */
import { EventEmitter } from 'node:events';
import { CardReader, type ReaderOptions, ReaderError } from './reader';
import type { ReaderTransport } from './transport';

export type ConnectionStatus = 'disconnected' | 'connecting' | 'connected';

export class ReaderConnection extends EventEmitter<{ status: [ConnectionStatus, string | undefined] }> {
  private reader: CardReader | null = null;
  private connecting: Promise<CardReader> | null = null;
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;
  status: ConnectionStatus = 'disconnected';
  lastError: string | undefined;

  constructor(
    private readonly open: () => Promise<ReaderTransport>,
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
  async get(): Promise<CardReader> {
    if (this.reader?.connected) return this.reader;
    this.connecting ??= this.connect().finally(() => {
      this.connecting = null;
    });
    return this.connecting;
  }

  private async connect(): Promise<CardReader> {
    this.set('connecting');
    try {
      const transport = await this.open();
      const reader = new CardReader(transport, this.opts);
      transport.onClose((err) => {
        if (this.reader === reader) this.reader = null;
        this.set('disconnected', err?.message ?? 'unplugged');
        this.watch();
      });
      this.reader = reader;
      this.set('connected');
      return reader;
    } catch (e) {
      this.set('disconnected', e instanceof Error ? e.message : String(e));
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

  async close(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.reader?.close();
    this.reader = null;
  }
}
