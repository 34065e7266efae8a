/**
 * Links to a receipt printer: TCP port 9100, a serial port (or the vendor's virtual COM port), or a Linux USB
 * printer device file (/dev/usb/lp*). Only two-way links can read status. Runtime: Node.
 */
import { constants } from 'node:fs';
import { open } from 'node:fs/promises';
import { connect } from 'node:net';
import { SerialPort } from 'serialport';

export interface PrinterLink {
  readonly description: string;
  readonly twoWay: boolean;
  write(bytes: Uint8Array): Promise<void>;
  onData(cb: (chunk: Uint8Array) => void): void;
  onClose(cb: (err?: Error) => void): void;
  close(): Promise<void>;
}

export class LinkError extends Error {
  constructor(
    readonly code: 'NOT_CONNECTED' | 'TIMEOUT',
    message: string,
  ) {
    super(message);
  }
}

export function openTcp(host: string, port: number, timeoutMs = 2000): Promise<PrinterLink> {
  return new Promise((resolve, reject) => {
    const sock = connect({ host, port });
    const timer = setTimeout(() => {
      sock.destroy();
      reject(new LinkError('TIMEOUT', `no answer from ${host}:${port}`));
    }, timeoutMs);
    sock.once('error', (e) => {
      clearTimeout(timer);
      reject(new LinkError('NOT_CONNECTED', e.message));
    });
    sock.once('connect', () => {
      clearTimeout(timer);
      sock.setNoDelay(true);
      resolve({
        description: `tcp:${host}:${port}`,
        twoWay: true,
        write: (bytes) =>
          new Promise((res, rej) =>
            sock.write(bytes, (e) => (e ? rej(new LinkError('NOT_CONNECTED', e.message)) : res())),
          ),
        onData: (cb) => sock.on('data', (d) => cb(new Uint8Array(d))),
        onClose: (cb) => {
          sock.on('close', () => cb());
          sock.on('error', (e) => cb(e));
        },
        close: () =>
          new Promise((res) => {
            sock.end(() => res());
            setTimeout(() => {
              sock.destroy();
              res();
            }, 200);
          }),
      });
    });
  });
}

export async function openSerialPrinter(path: string, baudRate = 9600): Promise<PrinterLink> {
  const port = new SerialPort({ path, baudRate, autoOpen: false });
  await new Promise<void>((res, rej) =>
    port.open((e) => (e ? rej(new LinkError('NOT_CONNECTED', e.message)) : res())),
  );
  return {
    description: `serial:${path}@${baudRate}`,
    twoWay: true,
    write: (bytes) =>
      new Promise((res, rej) =>
        port.write(Buffer.from(bytes), (e) =>
          e ? rej(new LinkError('NOT_CONNECTED', e.message)) : port.drain(() => res()),
        ),
      ),
    onData: (cb) => port.on('data', (d: Buffer) => cb(new Uint8Array(d))),
    onClose: (cb) => port.on('close', (e?: Error) => cb(e)),
    close: () => new Promise((res) => (port.isOpen ? port.close(() => res()) : res())),
  };
}

/**
 * A USB printer-class device file (or any file: a spool for tests). One-way: status cannot be read. With
 * `noFollow`, a symbolic link in the last place of the path is refused (where the OS can tell).
 */
export async function openDeviceFile(path: string, opts: { noFollow?: boolean } = {}): Promise<PrinterLink> {
  const flags =
    constants.O_WRONLY |
    constants.O_APPEND |
    constants.O_CREAT |
    (opts.noFollow ? (constants.O_NOFOLLOW ?? 0) : 0);
  let fh: Awaited<ReturnType<typeof open>>;
  try {
    fh = await open(path, flags, 0o600);
  } catch (e) {
    throw new LinkError('NOT_CONNECTED', (e as Error).message);
  }
  return {
    description: `file:${path}`,
    twoWay: false,
    write: async (bytes) => {
      await fh.write(bytes);
    },
    onData: () => {},
    onClose: () => {},
    close: () => fh.close(),
  };
}

/** `tcp:HOST:PORT`, `serial:PATH[@BAUD]`, `file:PATH`. */
export function openPrinterSpec(spec: string): Promise<PrinterLink> {
  const tcp = /^tcp:([^:]+):(\d{1,5})$/.exec(spec);
  if (tcp) return openTcp(tcp[1]!, Number(tcp[2]));
  const serial = /^serial:([^@]+)(?:@(\d+))?$/.exec(spec);
  if (serial) return openSerialPrinter(serial[1]!, serial[2] ? Number(serial[2]) : 9600);
  const file = /^file:(.+)$/.exec(spec);
  if (file) return openDeviceFile(file[1]!);
  return Promise.reject(
    new LinkError('NOT_CONNECTED', `bad printer address ${spec} (tcp:HOST:PORT | serial:PATH | file:PATH)`),
  );
}
