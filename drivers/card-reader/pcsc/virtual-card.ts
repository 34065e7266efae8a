/**
 * TEST DOUBLE: a virtual SLE4442 card in an ACS-style PC/SC reader, for tests and training — it is not a
 * driver. It connects to vsmartcard's vpcd (the IFD handler pcscd loads; it listens on 127.0.0.1:35963 for
 * its first slot) and speaks vpcd's socket protocol (vsmartcard virtualsmartcard/src/vpcd/vpcd.c): every
 * message is a 2-byte big-endian length and a payload; a 1-byte payload is a control (0 power off, 1 power on,
 * 2 reset, 4 get ATR — the ATR is answered), a longer one an APDU (answered with data + SW1 SW2).
 * The card behind it is the reader emulator's slot (emulator.ts over sle4442.ts): each pseudo-APDU becomes the
 * reference command it stands for, so the card model, `verifyAttempts`, `commandCounts` and every fault of
 * EmulatorFaults (cutAt, tearNextWriteAfter, pullBeforeNextWrite, dropNextReplies, corruptNextReply,
 * replyDelayMs) act exactly as they do behind the serial reader. A card pulled by a fault closes the socket:
 * for pcscd the card is gone. A dropped or garbled reply is answered 6F 00 (a status word the manual does not
 * list). Connected = card inserted. Runtime: Node.
 */
import { type Socket, connect } from 'node:net';
import { FOREIGN_CARD, ReaderEmulator, type SlotContent } from '../emulator';
import { encodeFrame, FrameDecoder } from '../frame';
import { CMD, STATUS } from '../protocol';
import { Sle4442 } from '../sle4442';
import { SW } from './acs-apdu';

export const VPCD_PORT = 35963;
/** How an ACS CCID reader reports an SLE4442's ATR (3B 04 + the card's 4 ATR bytes). */
const atrOf = (slot: SlotContent) =>
  slot instanceof Sle4442 ? [0x3b, 0x04, ...slot.atr] : [0x3b, 0x02, 0x14, 0x50];

const STATUS_SW: Record<number, number> = {
  [STATUS.noCard]: SW.noDiagnosis,
  [STATUS.wrongCardType]: SW.notSupported,
  [STATUS.notVerified]: SW.notVerified,
  [STATUS.cardLocked]: SW.locked,
  [STATUS.writeProtected]: SW.memoryFailure,
  [STATUS.outOfRange]: SW.wrongParams,
  [STATUS.frameError]: SW.noDiagnosis,
  [STATUS.unknownCommand]: SW.insNotSupported,
};

export class VirtualCard {
  /** The card slot and its faults (the same object the serial reader emulator uses). */
  readonly emulator = new ReaderEmulator();
  private socket: Socket | null = null;
  private inbox = Buffer.alloc(0);
  /** The next APDU is answered with this status word instead (a reader answering what the manual does not list). */
  nextSw: number | undefined;
  /** Every APDU received (hex), for tests that check what the driver sent. */
  readonly apdus: string[] = [];

  constructor(
    private readonly port = VPCD_PORT,
    private readonly host = '127.0.0.1',
  ) {
    this.emulator.onCardPulled = () => this.disconnect();
  }

  get card(): SlotContent | null {
    return this.emulator.card;
  }

  /** Puts a card in the reader: connects to vpcd (resolves once connected). */
  insert(card: Sle4442 | typeof FOREIGN_CARD): Promise<void> {
    this.emulator.insert(card);
    return new Promise((resolve, reject) => {
      const s = connect(this.port, this.host, () => resolve());
      s.setNoDelay(true);
      s.on('data', (chunk) => this.receive(s, chunk));
      s.on('error', reject);
      s.on('close', () => {
        if (this.socket === s) this.socket = null;
      });
      this.socket = s;
      this.inbox = Buffer.alloc(0);
    });
  }

  /** Takes the card out (closes the socket). */
  remove(): SlotContent | null {
    this.disconnect();
    return this.emulator.remove();
  }

  private disconnect() {
    const s = this.socket;
    this.socket = null;
    s?.destroy();
  }

  private receive(s: Socket, chunk: Buffer) {
    if (s !== this.socket) return;
    this.inbox = Buffer.concat([this.inbox, chunk]);
    while (this.inbox.length >= 2) {
      const len = this.inbox.readUInt16BE(0);
      if (this.inbox.length < 2 + len) return;
      const msg = this.inbox.subarray(2, 2 + len);
      this.inbox = this.inbox.subarray(2 + len);
      this.message(s, msg);
    }
  }

  private message(s: Socket, msg: Buffer) {
    const slot = this.emulator.card;
    if (msg.length === 1) {
      if (msg[0] === 4 && slot) send(s, atrOf(slot));
      else if (msg[0] === 0) this.reference(CMD.powerOff, []);
      else if (msg[0] === 1 || msg[0] === 2) this.reference(CMD.powerOn, []);
      return;
    }
    this.apdus.push(msg.toString('hex'));
    const reply = this.apdu(msg);
    if (!this.socket || s !== this.socket) return; // the card left during the command: no answer
    const delay = this.emulator.faults.replyDelayMs ?? 0;
    if (delay > 0) setTimeout(() => s === this.socket && send(s, reply), delay);
    else send(s, reply);
  }

  private apdu(a: Buffer): number[] {
    if (this.nextSw !== undefined) {
      const sw = this.nextSw;
      this.nextSw = undefined;
      return [sw >> 8, sw & 0xff];
    }
    if (a.length < 4 || a[0] !== 0xff) return swBytes(SW.claNotSupported);
    const [, ins, , p2] = a;
    const lc = a[4] ?? 0;
    const body = [...a.subarray(5, 5 + lc)];
    switch (ins) {
      case 0xa4:
        return this.emulator.card instanceof Sle4442 && body[0] === 0x06
          ? swBytes(SW.ok)
          : swBytes(SW.notSupported);
      case 0xb0:
        return this.answer(CMD.readMain, [p2!, lc]);
      case 0xb1: {
        const r = this.reference(CMD.readSecurity, []);
        return r.status === STATUS.ok ? [...r.data, ...swBytes(SW.ok)] : statusSw(r.status);
      }
      case 0xb2:
        return this.answer(CMD.readProtection, []);
      case 0xd0:
        return this.answer(CMD.updateMain, [p2!, ...body]);
      case 0xd1:
        return this.answer(CMD.writeProtection, [p2!, ...body]);
      case 0x20: {
        const r = this.reference(CMD.verifyPsc, body);
        if (r.status === STATUS.ok) return [0x90, 0x07];
        if (r.status === STATUS.pscWrong || r.status === STATUS.cardLocked)
          return [0x90, (1 << (r.data[0] ?? 0)) - 1];
        return statusSw(r.status);
      }
      case 0xd2:
        return this.answer(CMD.changePsc, body);
      default:
        return swBytes(SW.insNotSupported);
    }
  }

  private answer(cmd: number, data: number[]): number[] {
    const r = this.reference(cmd, data);
    return r.status === STATUS.ok ? [...r.data, ...swBytes(SW.ok)] : statusSw(r.status);
  }

  /** One reference command through the emulator (its faults apply); a lost or garbled reply is status 08. */
  private reference(cmd: number, data: number[]): { status: number; data: Uint8Array } {
    const replies = this.emulator.handle(encodeFrame(cmd, data));
    const events = new FrameDecoder().push(replies.at(-1) ?? []);
    const ev = events.at(-1);
    if (ev?.type !== 'frame') return { status: STATUS.frameError, data: new Uint8Array() };
    return { status: ev.frame.head, data: ev.frame.data };
  }
}

const swBytes = (sw: number) => [sw >> 8, sw & 0xff];
const statusSw = (status: number) => swBytes(STATUS_SW[status] ?? SW.noDiagnosis);

function send(s: Socket, payload: ArrayLike<number>) {
  const b = Buffer.alloc(2 + payload.length);
  b.writeUInt16BE(payload.length, 0);
  b.set(Array.from(payload), 2);
  s.write(b);
}

export { FOREIGN_CARD };
