/**
 * Serves a printer emulator on TCP (like a network printer's port 9100) or a serial device, with faults for
 * tests: slow replies, garbage bytes before replies, a connection dropped after N bytes of a job. Runtime: Node.
 */
import { createServer, type Server, type Socket } from 'node:net';
import { SerialPort } from 'serialport';
import { PrinterEmulator } from './printer-emulator';

export interface ServerFaults {
  replyDelayMs?: number;
  garbageBeforeReplies?: number[];
  /** Close the connection after this many more bytes (a printer powered off mid-job). */
  dropAfterBytes?: number;
}

export class PrinterServer {
  readonly emulator = new PrinterEmulator();
  faults: ServerFaults = {};
  private server: Server | null = null;
  private readonly sockets = new Set<Socket>();

  private feed(chunk: Uint8Array, reply: (b: Uint8Array) => void, drop: () => void) {
    let data = chunk;
    if (this.faults.dropAfterBytes !== undefined) {
      if (chunk.length >= this.faults.dropAfterBytes) {
        data = chunk.subarray(0, this.faults.dropAfterBytes);
        this.faults.dropAfterBytes = undefined;
        this.emulator.handle(data);
        drop();
        return;
      }
      this.faults.dropAfterBytes -= chunk.length;
    }
    const replies = this.emulator.handle(data);
    if (replies.length === 0) return;
    const send = () => {
      if (this.faults.garbageBeforeReplies) reply(Uint8Array.from(this.faults.garbageBeforeReplies));
      for (const r of replies) reply(r);
    };
    if (this.faults.replyDelayMs) setTimeout(send, this.faults.replyDelayMs);
    else send();
  }

  listenTcp(port = 0, host = '127.0.0.1'): Promise<number> {
    this.server = createServer((sock) => {
      this.sockets.add(sock);
      sock.on('close', () => this.sockets.delete(sock));
      sock.on('error', () => {});
      sock.on('data', (d) =>
        this.feed(
          new Uint8Array(d),
          (b) => sock.writable && sock.write(b),
          () => sock.destroy(),
        ),
      );
    });
    return new Promise((resolve) =>
      this.server!.listen(port, host, () => resolve((this.server!.address() as { port: number }).port)),
    );
  }

  async serveSerial(path: string, baudRate = 9600): Promise<SerialPort> {
    const sp = new SerialPort({ path, baudRate, autoOpen: false });
    await new Promise<void>((res, rej) => sp.open((e) => (e ? rej(e) : res())));
    sp.on('data', (d: Buffer) =>
      this.feed(
        new Uint8Array(d),
        (b) => sp.write(Buffer.from(b)),
        () => {},
      ),
    );
    return sp;
  }

  /** The printer is switched off: connections refused. */
  async powerOff(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    await new Promise<void>((res) => (this.server ? this.server.close(() => res()) : res()));
    this.server = null;
  }
}
