/**
 * The training world: a reader emulator with its slot, a box of cards, and the customers' meters. Used by
 * `gasdesk emulate reader` (behind a serial port) and by `gasdesk serve --demo` (in-process), driven by the
 * control API (docs/emulators.md) or the training panel. Runtime: Node.
 */
import { decodeCard } from '../../core/card/gas-card';
import type { CardKeys } from '../card-formats/card-format';
import { type EmulatorFaults, FOREIGN_CARD, ReaderEmulator } from '../card-reader/emulator';
import { Sle4442 } from '../card-reader/sle4442';
import { type InsertOutcome, MeterEmulator, type MeterState } from '../meter/meter-emulator';

export class WorldError extends Error {
  constructor(
    readonly code:
      | 'NO_SUCH_CARD'
      | 'NO_SUCH_METER'
      | 'CARD_IN_READER'
      | 'SLOT_BUSY'
      | 'METER_EXISTS'
      | 'NO_KEYS'
      | 'BAD_REQUEST',
    message: string,
  ) {
    super(message);
  }
}

export interface CardView {
  id: string;
  label: string;
  inReader: boolean;
  triesLeft: number;
  locked: boolean;
  record: ReturnType<typeof decodeCard>;
}

export class TrainingWorld {
  readonly reader = new ReaderEmulator();
  private readonly cards = new Map<string, { card: Sle4442; label: string }>();
  private readonly meters = new Map<string, MeterEmulator>();
  private slotId: string | null = null;
  private nextId = 1;

  constructor(private readonly keys?: CardKeys) {
    this.reader.onCardPulled = () => {
      this.slotId = null;
    };
  }

  newCard(label = '空白卡'): CardView {
    const id = `C${String(this.nextId++).padStart(3, '0')}`;
    this.cards.set(id, { card: Sle4442.blank(), label });
    return this.view(id);
  }

  /** A byte-for-byte copy of a card (to prove a copied card never loads twice). */
  copyCard(id: string): CardView {
    const src = this.get(id);
    const copy = `C${String(this.nextId++).padStart(3, '0')}`;
    this.cards.set(copy, { card: new Sle4442(src.card.snapshot()), label: `${src.label}（复制）` });
    return this.view(copy);
  }

  /** The card model itself (training faults: damage, lock). */
  cardModel(id: string): Sle4442 {
    return this.get(id).card;
  }

  /**
   * Training faults on a card: a PSC this counter's keys do not derive (a card from another system, or one
   * tampered with), and PSC tries spent (as wrong presentations elsewhere would have spent them).
   */
  cardFault(id: string, f: { wrongPsc?: boolean; triesLeft?: number }): CardView {
    const { card } = this.get(id);
    const psc = Uint8Array.from(card.snapshot().psc);
    const other = psc.map((b, i) => (i === 0 ? b ^ 0x5a : b));
    if (f.wrongPsc && !card.isLocked) {
      card.powerOn();
      card.verify(psc);
      card.changePsc(other);
    }
    const target = f.triesLeft;
    if (target !== undefined) {
      if (!Number.isInteger(target) || target < 1 || target > 3)
        throw new WorldError('BAD_REQUEST', 'tries left must be 1, 2 or 3');
      const now = Uint8Array.from(card.snapshot().psc);
      const wrong = now.map((b, i) => (i === 0 ? b ^ 0xa5 : b));
      if (card.triesLeft < target && !card.isLocked) {
        card.powerOn();
        card.verify(now);
      }
      while (card.triesLeft > target) {
        card.powerOn();
        try {
          card.verify(wrong);
        } catch {
          // A wrong presentation: one try spent, as intended.
        }
      }
    }
    // As the slot leaves it: powered (and unverified) in the reader, off outside.
    if (this.slot === id) card.powerOn();
    else card.powerOff();
    return this.view(id);
  }

  private get(id: string) {
    const c = this.cards.get(id);
    if (!c) throw new WorldError('NO_SUCH_CARD', `no card ${id}`);
    return c;
  }

  insert(id: string | 'foreign'): void {
    if (this.slotId || this.reader.card) throw new WorldError('SLOT_BUSY', 'the reader already holds a card');
    if (id === 'foreign') {
      this.reader.insert(FOREIGN_CARD);
      this.slotId = 'foreign';
      return;
    }
    this.reader.insert(this.get(id).card);
    this.slotId = id;
  }

  remove(): void {
    this.reader.remove();
    this.slotId = null;
  }

  get slot(): string | null {
    return this.reader.card ? this.slotId : null;
  }

  setFaults(f: EmulatorFaults): void {
    this.reader.faults = { ...this.reader.faults, ...f };
  }

  addMeter(init: Pick<MeterState, 'meterNo' | 'region'> & Partial<MeterState>): MeterState {
    if (!this.keys) throw new WorldError('NO_KEYS', 'meters need the card keys');
    if (this.meters.has(init.meterNo)) throw new WorldError('METER_EXISTS', `meter ${init.meterNo} exists`);
    const m = new MeterEmulator(init, this.keys);
    this.meters.set(init.meterNo, m);
    return { ...m.state };
  }

  private meter(no: string): MeterEmulator {
    const m = this.meters.get(no);
    if (!m) throw new WorldError('NO_SUCH_METER', `no meter ${no}`);
    return m;
  }

  /** The customer carries the card home and inserts it into the meter. */
  carryToMeter(cardId: string, meterNo: string): { outcome: InsertOutcome; meter: MeterState } {
    if (this.slot === cardId) throw new WorldError('CARD_IN_READER', 'take the card out of the reader first');
    const m = this.meter(meterNo);
    const outcome = m.insert(this.get(cardId).card);
    return { outcome, meter: { ...m.state } };
  }

  consume(meterNo: string, volume: number): { used: number; meter: MeterState } {
    if (!Number.isInteger(volume) || volume < 0)
      throw new WorldError('BAD_REQUEST', 'volume must be a non-negative integer');
    const m = this.meter(meterNo);
    const used = m.consume(volume);
    return { used, meter: { ...m.state } };
  }

  view(id: string): CardView {
    const { card, label } = this.get(id);
    return {
      id,
      label,
      inReader: this.slot === id,
      triesLeft: card.triesLeft,
      locked: card.isLocked,
      record: decodeCard(card.main),
    };
  }

  state() {
    return {
      firmware: this.reader.firmware,
      slot: this.slot,
      cards: [...this.cards.keys()].map((id) => this.view(id)),
      meters: [...this.meters.values()].map((m) => ({ ...m.state })),
      faults: { ...this.reader.faults },
    };
  }
}
