/**
 * What a reply to each command of the reference protocol may look like (docs/reader-protocol.md, "Pairing"):
 * the protocol carries no sequence number and does not echo the command, so the host pairs a reply with its
 * request by the reply's status and data length, and discards one that fits no request it is waiting on.
 * Runtime: any.
 */
import { CMD, MAX_BODY, STATUS } from './protocol';

/** Commands answered without touching a card: they never report a card problem. */
const CARDLESS: ReadonlySet<number> = new Set([CMD.status, CMD.info, CMD.beep]);

const OK_LENGTH: Record<number, number> = {
  [CMD.status]: 1,
  [CMD.powerOn]: 4,
  [CMD.powerOff]: 0,
  [CMD.updateMain]: 0,
  [CMD.readProtection]: 4,
  [CMD.writeProtection]: 0,
  [CMD.readSecurity]: 4,
  [CMD.verifyPsc]: 1,
  [CMD.changePsc]: 0,
  [CMD.readErrorCounter]: 1,
  [CMD.beep]: 0,
};

/** The data length of a successful reply: a number of bytes, or 'text' (reader info: printable ASCII). */
export function okShape(cmd: number, req: ArrayLike<number>): number | 'text' {
  if (cmd === CMD.info) return 'text';
  if (cmd === CMD.readMain) return req[1] === 0 ? 256 : (req[1] ?? 0);
  return OK_LENGTH[cmd] ?? -1;
}

/** Bytes a reply takes on the wire at most (for the timeout): frame overhead + data. */
export function replyBytes(cmd: number, req: ArrayLike<number>): number {
  const shape = okShape(cmd, req);
  return 5 + (shape === 'text' ? 64 : Math.max(1, shape + 1));
}

/** Whether a reply (status, data) can be the answer to the request (cmd, req). */
export function replyFits(cmd: number, req: ArrayLike<number>, status: number, data: Uint8Array): boolean {
  if (status === STATUS.ok) {
    const shape = okShape(cmd, req);
    if (shape === 'text') return data.length >= 1 && data.length < MAX_BODY && data.every(printable);
    if (data.length !== shape) return false;
    if (cmd === CMD.status) return data[0]! <= 1;
    if (cmd === CMD.readErrorCounter || cmd === CMD.verifyPsc) return data[0]! <= 8;
    return true;
  }
  if (status === STATUS.frameError || status === STATUS.unknownCommand) return data.length === 0;
  if (CARDLESS.has(cmd)) return false;
  if (status === STATUS.pscWrong) return cmd === CMD.verifyPsc && data.length === 1;
  if (status === STATUS.cardLocked) return data.length <= 1;
  return status > STATUS.ok && status < STATUS.frameError && data.length === 0;
}

function printable(b: number): boolean {
  return b >= 0x20 && b < 0x7f;
}
