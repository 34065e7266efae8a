/** A reader address as the operator writes it: serial:PATH[@BAUD] or hid:VID:PID (hex). Runtime: Node. */
import { openHid } from './hid-transport';
import { openSerial } from './serial-transport';
import type { ReaderTransport } from './transport';

export async function openReaderSpec(spec: string): Promise<ReaderTransport> {
  const serial = /^serial:([^@]+)(?:@(\d+))?$/.exec(spec);
  if (serial) return openSerial({ path: serial[1]!, baudRate: serial[2] ? Number(serial[2]) : 9600 });
  const hid = /^hid:([0-9a-fA-F]{1,4}):([0-9a-fA-F]{1,4})$/.exec(spec);
  if (hid) return openHid(Number.parseInt(hid[1]!, 16), Number.parseInt(hid[2]!, 16));
  throw new ReaderSpecError(spec);
}

/** A reader address that is not written as serial:PATH[@BAUD] or hid:VID:PID. */
export class ReaderSpecError extends Error {
  constructor(spec: string) {
    super(`读卡器写法不正确 bad --reader: ${spec} (serial:/dev/ttyUSB0[@9600] or hid:VID:PID)`);
    this.name = 'ReaderSpecError';
  }
}
