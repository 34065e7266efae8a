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

/**
 * Bytes handed to the line at a time: small enough to look like a stream (a USB serial adapter hands bytes on
 * every few ms), large enough to keep syscalls few.
 */
const SLICE = 16;

/** Waits until a moment on the monotonic clock: a timer for the bulk, then yielding turns for the last ms. */
async function sleepUntil(t: number): Promise<void> {
  for (;;) {
    const left = t - performance.now();
    if (left <= 0) return;
    await new Promise((r) => (left > 2 ? setTimeout(r, left - 1.5) : setImmediate(r)));
  }
}

export interface SerialEmulatorLink {
  readonly port: SerialPort;
  /** The reader goes dead (as if unplugged): bytes are ignored and nothing is answered. */
  pause(): void;
  resume(): void;
  /** Replies are kept back (requests are still taken) until `release`, which sends them in order. */
  hold(): void;
  release(): void;
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
  let held: Uint8Array[] | null = null;

  // When each direction of the line is free again (ms on the monotonic clock): bytes queue behind each other.
  let inFree = 0;
  let outFree = 0;

  const send = async (replies: Uint8Array[]) => {
    if (held) {
      held.push(...replies);
      return;
    }
    // A write answers only once the card has programmed its bytes (ReaderEmulator.programMsPerByte).
    const busy = emulator.takeBusyMs();
    if (busy > 0) await sleepUntil(performance.now() + busy);
    for (const r of replies) {
      // Pace the reply as the wire would: each slice leaves when its bytes have had their transmission time.
      // Running late (a busy machine), the rest leaves at once: the wire would have carried it by now.
      const done = Math.max(performance.now(), outFree) + r.length * byteMs;
      for (let off = 0; off < r.length; off += SLICE) {
        const late = performance.now() >= done;
        const part = late ? r.subarray(off) : r.subarray(off, off + SLICE);
        outFree = late ? done : Math.max(performance.now(), outFree) + part.length * byteMs;
        await sleepUntil(outFree);
        await new Promise<void>((res) => port.write(Buffer.from(part), () => res()));
        if (late) break;
      }
    }
  };

  port.on('data', (chunk: Buffer) => {
    if (paused) return;
    clearTimeout(idle);
    // The request's own bytes take their wire time to arrive before the reader can act on them.
    inFree = Math.max(performance.now(), inFree) + chunk.length * byteMs;
    const arrived = inFree;
    const arrive = arrived - performance.now();
    chain = chain.then(async () => {
      await sleepUntil(arrived);
      const replies = emulator.handle(chunk);
      // A slow reader: the reply leaves late, and the reader takes nothing else meanwhile.
      const delay = emulator.faults.replyDelayMs ?? 0;
      if (replies.length > 0 && delay > 0) await sleepUntil(performance.now() + delay);
      await send(replies);
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
    hold: () => {
      held ??= [];
    },
    release: () => {
      const replies = held ?? [];
      held = null;
      chain = chain.then(() => send(replies));
    },
    close: () =>
      new Promise<void>((resolve) => {
        clearTimeout(idle);
        if (!port.isOpen) return resolve();
        port.close(() => resolve());
      }),
  };
}
