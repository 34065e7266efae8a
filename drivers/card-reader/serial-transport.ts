/**
 * The reader over a serial port (RS-232, a USB virtual COM port, or a pty in tests) through `serialport`,
 * which locks the port for this process; a port that does not open says why (port-open-error.ts).
 * Runtime: Node.
 */
import { SerialPort } from 'serialport';
import { portOpenError } from './port-open-error';
import type { ReaderTransport } from './transport';

export interface SerialOptions {
  path: string;
  baudRate?: number;
}

export async function openSerial(opts: SerialOptions): Promise<ReaderTransport> {
  const port = new SerialPort({
    path: opts.path,
    baudRate: opts.baudRate ?? 9600,
    dataBits: 8,
    stopBits: 1,
    parity: 'none',
    autoOpen: false,
  });
  await new Promise<void>((resolve, reject) =>
    port.open((err) => (err ? reject(portOpenError(opts.path, err)) : resolve())),
  );
  let closing = false;
  return {
    description: `serial:${opts.path}@${opts.baudRate ?? 9600}`,
    byteMs: 10_000 / (opts.baudRate ?? 9600),
    write: (bytes) =>
      new Promise((resolve, reject) => {
        port.write(Buffer.from(bytes), (err) =>
          err ? reject(err) : port.drain((e) => (e ? reject(e) : resolve())),
        );
      }),
    onData(cb) {
      port.on('data', (chunk: Buffer) => cb(new Uint8Array(chunk)));
    },
    onClose(cb) {
      port.on('close', (err?: Error) => {
        if (!closing) cb(err);
      });
      port.on('error', (err) => cb(err));
    },
    close: () =>
      new Promise((resolve) => {
        closing = true;
        if (!port.isOpen) return resolve();
        port.close(() => resolve());
      }),
  };
}

/** Serial ports that look like the same physical reader (same USB serial number or VID:PID), by path. */
export async function findSerialPort(match: {
  serialNumber?: string;
  vendorId?: string;
  productId?: string;
}): Promise<string | undefined> {
  const ports = await SerialPort.list();
  const hit = ports.find(
    (p) =>
      (match.serialNumber && p.serialNumber === match.serialNumber) ||
      (!match.serialNumber &&
        match.vendorId &&
        p.vendorId === match.vendorId &&
        p.productId === match.productId),
  );
  return hit?.path;
}
