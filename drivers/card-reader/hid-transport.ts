/**
 * The reader over USB HID: the same frames inside 64-byte reports — report ID 0, a length byte, the frame
 * bytes, zero padding; a frame longer than one report continues in the next. Works with node-hid's async
 * device and with the fake device used in tests. Runtime: Node.
 */
import type { ReaderTransport } from './transport';

export const REPORT_SIZE = 64;
const PAYLOAD = REPORT_SIZE - 1;

/** The part of node-hid's HIDAsync the transport uses (a fake implements the same). */
export interface HidDeviceLike {
  write(data: number[] | Buffer): Promise<number>;
  on(event: 'data', cb: (data: Buffer) => void): unknown;
  on(event: 'error', cb: (err: Error) => void): unknown;
  close(): Promise<void>;
}

/** Splits bytes into output reports: [0 (report ID), length, ...payload, ...zero padding] of 1 + 64 bytes. */
export function toReports(bytes: Uint8Array): number[][] {
  const out: number[][] = [];
  for (let off = 0; off < bytes.length; off += PAYLOAD) {
    const part = Array.from(bytes.subarray(off, off + PAYLOAD));
    out.push([0, part.length, ...part, ...Array(PAYLOAD - part.length).fill(0)]);
  }
  return out;
}

/** An input report (64 bytes, no report ID) → its payload. */
export function fromReport(report: ArrayLike<number>): Uint8Array {
  const len = Math.min(report[0] ?? 0, PAYLOAD);
  return Uint8Array.from(Array.from(report).slice(1, 1 + len));
}

export function hidTransport(device: HidDeviceLike, description: string): ReaderTransport {
  let onClose: (err?: Error) => void = () => {};
  let closed = false;
  device.on('error', (err) => {
    if (!closed) {
      closed = true;
      onClose(err);
    }
  });
  return {
    description,
    async write(bytes) {
      for (const r of toReports(bytes)) await device.write(r);
    },
    onData(cb) {
      device.on('data', (data) => cb(fromReport(data)));
    },
    onClose(cb) {
      onClose = cb;
    },
    async close() {
      closed = true;
      await device.close();
    },
  };
}

/** Opens a real USB HID reader by VID:PID through node-hid (loaded only when used). */
export async function openHid(vendorId: number, productId: number): Promise<ReaderTransport> {
  const HID = await import('node-hid');
  const device = await HID.HIDAsync.open(vendorId, productId);
  return hidTransport(
    device as unknown as HidDeviceLike,
    `hid:${vendorId.toString(16)}:${productId.toString(16)}`,
  );
}
