/**
 * A fake USB HID reader behind the node-hid interface: output reports go into a reader emulator, its replies
 * come back as 64-byte input reports. Can be unplugged (emits 'error' like node-hid does). Runtime: Node.
 */
import { EventEmitter } from 'node:events';
import type { ReaderEmulator } from './emulator';
import { fromReport, type HidDeviceLike, REPORT_SIZE } from './hid-transport';

export class FakeHidDevice extends EventEmitter implements HidDeviceLike {
  private plugged = true;
  readonly written: number[][] = [];

  constructor(private readonly emulator: ReaderEmulator) {
    super();
  }

  async write(data: number[] | Buffer): Promise<number> {
    if (!this.plugged) throw new Error('could not write to HID device');
    const report = Array.from(data);
    this.written.push(report);
    if (report.length !== REPORT_SIZE + 1 || report[0] !== 0) throw new Error('bad output report');
    for (const reply of this.emulator.handle(fromReport(report.slice(1)))) {
      for (let off = 0; off < reply.length; off += REPORT_SIZE - 1) {
        const part = Array.from(reply.subarray(off, off + REPORT_SIZE - 1));
        const input = Buffer.from([part.length, ...part, ...Array(REPORT_SIZE - 1 - part.length).fill(0)]);
        setImmediate(() => this.plugged && this.emit('data', input));
      }
    }
    return report.length;
  }

  unplug(): void {
    this.plugged = false;
    this.emit('error', new Error('device disconnected'));
  }

  async close(): Promise<void> {
    this.plugged = false;
  }
}
