/**
 * The reader emulator core: bytes in → bytes out, speaking the reference protocol exactly like a reader would,
 * with a card slot holding an SLE4442 model and faults that tests and the training mode can inject.
 * Transports (serial pty, fake HID, in-process) only move its bytes. Runtime: any.
 */
import { type DecodeEvent, encodeFrame, type Frame, FrameDecoder } from './frame';
import { CMD, STATUS } from './protocol';
import { CardError, CardTornError, Sle4442 } from './sle4442';

export interface EmulatorFaults {
  /** Swallow the next N requests without answering (the host times out). */
  dropNextReplies?: number;
  /** Answer the next reply with a corrupted BCC. */
  corruptNextReply?: boolean;
  /** The next main-memory update stops after this many bytes: the card is pulled mid-write. */
  tearNextWriteAfter?: number;
  /** The card is pulled just before the next main-memory update (after verification). */
  pullBeforeNextWrite?: boolean;
  /** Garbage bytes sent before the next reply. */
  noiseBeforeNextReply?: number[];
  /** Send the next reply twice. */
  duplicateNextReply?: boolean;
  /**
   * A slow reader: every reply leaves this many ms after its request arrived, and the reader takes the next
   * request only then (applied by the transport: serial-emulator.ts, memory-transport.ts).
   */
  replyDelayMs?: number;
  /**
   * The card leaves the reader during the `write`-th writing command from now (0-based; main-memory updates,
   * protection burns and PSC changes count): an update keeps its first `byte` bytes, a burn or a PSC change
   * happens when `byte` > 0; either way the card is gone and the command answers "no card".
   */
  cutAt?: { write: number; byte: number };
}

const WRITING = new Set<number>([CMD.updateMain, CMD.writeProtection, CMD.changePsc]);

/** Something in the slot that is not an SLE4442 (a CPU card, a bank card). */
export const FOREIGN_CARD = { foreign: true } as const;
export type SlotContent = Sle4442 | typeof FOREIGN_CARD;

export class ReaderEmulator {
  private readonly decoder = new FrameDecoder();
  private slot: SlotContent | null = null;
  faults: EmulatorFaults = {};
  firmware = 'GasDesk-EMU 1.0';
  /**
   * EEPROM programming time per byte written (main memory, protection, PSC), as a real SLE4442 takes
   * (about 2.5 ms). Transports that pace the line (the serial emulator) wait it before answering a write
   * (`takeBusyMs`); the in-process transport does not.
   */
  programMsPerByte = 2.5;
  private busyMs = 0;
  /** Every PSC verification attempt the emulator saw (tests prove the driver never made one on its own). */
  readonly verifyAttempts: { at: number; ok: boolean }[] = [];
  /** How many requests of each command the emulator answered (tests count a sale's reads and power-ups). */
  readonly commandCounts = new Map<number, number>();
  /** Called with every beep (ms), e.g. for the training panel. */
  onBeep: (ms: number) => void = () => {};
  /** Called when the card leaves the slot by itself (a fault pulled it). */
  onCardPulled: (card: Sle4442) => void = () => {};

  get card(): SlotContent | null {
    return this.slot;
  }

  insert(card: SlotContent): void {
    this.slot = card;
    if (card instanceof Sle4442) card.powerOn();
  }

  remove(): SlotContent | null {
    const c = this.slot;
    if (c instanceof Sle4442) c.powerOff();
    this.slot = null;
    return c;
  }

  /** The programming time the requests handled since the last call still owe before their reply. */
  takeBusyMs(): number {
    const ms = this.busyMs;
    this.busyMs = 0;
    return ms;
  }

  /** Feeds request bytes; returns the reply bytes to send back (possibly several, possibly none). */
  handle(chunk: ArrayLike<number>): Uint8Array[] {
    return this.answer(this.decoder.push(chunk));
  }

  /** The inter-byte timeout passed with a frame still incomplete: give it up (answered with 08). */
  expireInput(): Uint8Array[] {
    return this.decoder.pending > 0 ? this.answer(this.decoder.expire()) : [];
  }

  private answer(events: DecodeEvent[]): Uint8Array[] {
    const out: Uint8Array[] = [];
    for (const ev of events) {
      const reply = ev.type === 'frame' ? this.execute(ev.frame) : encodeFrame(STATUS.frameError);
      if (this.faults.dropNextReplies) {
        this.faults.dropNextReplies--;
        continue;
      }
      if (this.faults.noiseBeforeNextReply) {
        out.push(Uint8Array.from(this.faults.noiseBeforeNextReply));
        this.faults.noiseBeforeNextReply = undefined;
      }
      if (this.faults.corruptNextReply) {
        reply[reply.length - 2]! ^= 0x5a;
        this.faults.corruptNextReply = false;
      }
      out.push(reply);
      if (this.faults.duplicateNextReply) {
        out.push(reply.slice());
        this.faults.duplicateNextReply = false;
      }
    }
    return out;
  }

  private card4442(): Sle4442 | number {
    if (!this.slot) return STATUS.noCard;
    if (!(this.slot instanceof Sle4442)) return STATUS.wrongCardType;
    return this.slot;
  }

  private execute({ head, data }: Frame): Uint8Array {
    // An unknown command is 09 whatever the slot holds: it never reaches a card.
    if (!KNOWN_COMMANDS.has(head)) return encodeFrame(STATUS.unknownCommand);
    this.commandCounts.set(head, (this.commandCounts.get(head) ?? 0) + 1);
    switch (head) {
      case CMD.status:
        return encodeFrame(STATUS.ok, [this.slot ? 1 : 0]);
      case CMD.info:
        return encodeFrame(
          STATUS.ok,
          Array.from(this.firmware, (c) => c.charCodeAt(0)),
        );
      case CMD.beep:
        this.onBeep((data[0] ?? 10) * 10);
        return encodeFrame(STATUS.ok);
    }
    const card = this.card4442();
    if (typeof card === 'number') return encodeFrame(card);
    try {
      return encodeFrame(STATUS.ok, this.cardCommand(card, head, data));
    } catch (e) {
      if (e instanceof CardTornError) {
        this.remove();
        this.onCardPulled(card);
        return encodeFrame(STATUS.noCard);
      }
      if (e instanceof CardError)
        return encodeFrame(
          statusOf(e),
          e.fault === 'psc-wrong' || e.fault === 'locked' ? [e.triesLeft ?? 0] : [],
        );
      if (e instanceof CardPulled) return encodeFrame(STATUS.noCard);
      throw e;
    }
  }

  /** The `cutAt` fault: whether this writing command is the one the card leaves during. */
  private cutNow(head: number): { byte: number } | null {
    const cut = this.faults.cutAt;
    if (!cut || !WRITING.has(head)) return null;
    if (cut.write > 0) {
      this.faults.cutAt = { ...cut, write: cut.write - 1 };
      return null;
    }
    this.faults.cutAt = undefined;
    return { byte: cut.byte };
  }

  private cardCommand(card: Sle4442, head: number, data: Uint8Array): ArrayLike<number> {
    const cut = this.cutNow(head);
    if (cut) {
      try {
        if (head === CMD.updateMain && data.length >= 2)
          card.updateMain(data[0]!, data.subarray(1, 1 + Math.min(cut.byte, data.length - 1)));
        else if (cut.byte > 0 && head === CMD.writeProtection)
          card.writeProtection(data[0]!, data.subarray(1));
        else if (cut.byte > 0 && head === CMD.changePsc) card.changePsc(data);
      } finally {
        this.remove();
        this.onCardPulled(card);
      }
      throw new CardPulled();
    }
    switch (head) {
      case CMD.powerOn:
        return card.powerOn();
      case CMD.powerOff:
        card.powerOff();
        return [];
      case CMD.readMain: {
        if (data.length !== 2) throw new CardError('range');
        return card.readMain(data[0]!, data[1] === 0 ? 256 : data[1]!);
      }
      case CMD.updateMain: {
        if (data.length < 2) throw new CardError('range');
        if (this.faults.pullBeforeNextWrite) {
          this.faults.pullBeforeNextWrite = false;
          this.remove();
          this.onCardPulled(card);
          throw new CardPulled();
        }
        const tear = this.faults.tearNextWriteAfter;
        this.faults.tearNextWriteAfter = undefined;
        this.busyMs += Math.min(tear ?? 255, data.length - 1) * this.programMsPerByte;
        card.updateMain(data[0]!, data.subarray(1), tear);
        return [];
      }
      case CMD.readProtection:
        return card.readProtection();
      case CMD.writeProtection:
        if (data.length < 2) throw new CardError('range');
        card.writeProtection(data[0]!, data.subarray(1));
        this.busyMs += (data.length - 1) * this.programMsPerByte;
        return [];
      case CMD.readSecurity:
        return card.readSecurity();
      case CMD.verifyPsc: {
        if (data.length !== 3) throw new CardError('range');
        try {
          const left = card.verify(data);
          this.verifyAttempts.push({ at: Date.now(), ok: true });
          return [left];
        } catch (e) {
          this.verifyAttempts.push({ at: Date.now(), ok: false });
          throw e;
        }
      }
      case CMD.changePsc:
        if (data.length !== 3) throw new CardError('range');
        card.changePsc(data);
        this.busyMs += 3 * this.programMsPerByte;
        return [];
      case CMD.readErrorCounter:
        return [card.triesLeft];
      default:
        throw new Error(`command ${head} has no handler`); // unreachable: execute() answers unknown ones
    }
  }
}

const KNOWN_COMMANDS: ReadonlySet<number> = new Set(Object.values(CMD));
class CardPulled extends Error {}

function statusOf(e: CardError): number {
  switch (e.fault) {
    case 'not-verified':
    case 'unpowered':
      return STATUS.notVerified;
    case 'locked':
      return STATUS.cardLocked;
    case 'protected':
    case 'compare-mismatch':
      return STATUS.writeProtected;
    case 'range':
      return STATUS.outOfRange;
    case 'psc-wrong':
      return STATUS.pscWrong;
  }
}
