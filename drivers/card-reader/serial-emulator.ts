/**
 * Serves a reader emulator on a serial device (e.g. one end of a socat pty pair). A pty moves bytes
 * instantly, so the emulator paces both directions at the configured baud rate (10 bit-times per byte, 8N1),
 * and gives up an incomplete request after an inter-byte timeout. Runtime: Node.
 */
import { SerialPort } from 'serialport';
import type { ReaderEmulator } from './emulator';

export interface SerialEmulatorOptions {
  path: string;
  baudRate: number;
  /** Inter-byte timeout for an incomplete request, in ms (default: 20 byte-times, at least 20 ms). */
  interByteMs?: number;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export interface SerialEmulatorLink {
  readonly port: SerialPort;
  /** The reader goes dead (as if unplugged): bytes are ignored and nothing is answered. */
  pause(): void;
  resume(): void;
  close(): Promise<void>;
}

export async function serveOnSerial(
  emulator: ReaderEmulator,
  opts: SerialEmulatorOptions,
): Promise<SerialEmulatorLink> {
  const port = new SerialPort({ path: opts.path, baudRate: opts.baudRate, autoOpen: false });
  await new Promise<void>((resolve, reject) => port.open((e) => (e ? reject(e) : resolve())));
  const byteMs = 10_000 / opts.baudRate;
  const interByte = opts.interByteMs ?? Math.max(20, 20 * byteMs);
  let idle: NodeJS.Timeout | undefined;
  let chain = Promise.resolve();
  let paused = false;

  const send = async (replies: Uint8Array[]) => {
    for (const r of replies) {
      // Pace the reply as the wire would: in slices, each after its own transmission time.
      for (let off = 0; off < r.length; off += 16) {
        const part = r.subarray(off, off + 16);
        await sleep(part.length * byteMs);
        await new Promise<void>((res) => port.write(Buffer.from(part), () => port.drain(() => res())));
      }
    }
  };

  port.on('data', (chunk: Buffer) => {
    if (paused) return;
    clearTimeout(idle);
    // The request's own bytes take their wire time to arrive before the reader can act on them.
    const arrive = chunk.length * byteMs;
    chain = chain.then(async () => {
      await sleep(arrive);
      await send(emulator.handle(chunk));
    });
    idle = setTimeout(() => {
      chain = chain.then(() => send(emulator.expireInput()));
    }, interByte + arrive);
  });

  return {
    port,
    pause: () => {
      paused = true;
      clearTimeout(idle);
    },
    resume: () => {
      emulator.expireInput();
      paused = false;
    },
    close: () =>
      new Promise<void>((resolve) => {
        clearTimeout(idle);
        if (!port.isOpen) return resolve();
        port.close(() => resolve());
      }),
  };
}
