/**
 * The IC-card gas meter (hardware.md §4), as an emulator: it keeps remaining gas, cumulative loaded and used,
 * the last loaded purchase count, valve and alarms. On card insertion it checks format, region, card and
 * account binding and the CRCs; loads a purchase only if its count is greater than the last one loaded (so a
 * replayed or copied card never loads twice); always writes its readings back. Runtime: Node.
 */
import { AREA, decodeCard, encodeWriteBack } from '../../core/card/gas-card';
import type { CardKeys } from '../card-formats/card-format';
import { CardError, type Sle4442 } from '../card-reader/sle4442';

export interface MeterState {
  meterNo: string;
  region: number;
  boundCardNo: string | null;
  boundAccountNo: string | null;
  /** The generation (补卡 number) of the bound card: an earlier card of the account is refused for good. */
  boundGeneration: number;
  remaining: number;
  cumulativeLoaded: number;
  cumulativeUsed: number;
  lastLoadedCount: number;
  valveOpen: boolean;
  lowBattery: boolean;
  tamper: boolean;
  leakAlarm: boolean;
  /** How far below zero the meter lets gas flow (透支), in volume units. */
  overdraftLimit: number;
}

export type InsertOutcome =
  | { result: 'loaded'; volume: number; count: number }
  | { result: 'nothing-to-load' }
  | {
      result: 'refused';
      reason:
        | 'foreign'
        | 'damaged'
        | 'blank'
        | 'region'
        | 'wrong-card'
        | 'wrong-account'
        | 'replaced'
        | 'locked'
        | 'psc';
    }
  | { result: 'tool'; kind: string };

export class MeterEmulator {
  readonly state: MeterState;

  constructor(
    init: Pick<MeterState, 'meterNo' | 'region'> & Partial<MeterState>,
    private readonly keys: CardKeys,
    private readonly nowSeconds: () => number = () => Math.floor(Date.now() / 1000),
  ) {
    this.state = {
      boundCardNo: null,
      boundAccountNo: null,
      boundGeneration: 0,
      remaining: 0,
      cumulativeLoaded: 0,
      cumulativeUsed: 0,
      lastLoadedCount: 0,
      valveOpen: false,
      lowBattery: false,
      tamper: false,
      leakAlarm: false,
      overdraftLimit: 0,
      ...init,
    };
  }

  insert(card: Sle4442): InsertOutcome {
    card.powerOn();
    try {
      return this.process(card);
    } finally {
      card.powerOff();
    }
  }

  private process(card: Sle4442): InsertOutcome {
    const rec = decodeCard(card.readMain(0, 256));
    if (rec.state === 'foreign') return { result: 'refused', reason: 'foreign' };
    if (rec.state === 'blank') return { result: 'refused', reason: 'blank' };
    if (rec.state === 'damaged') return { result: 'refused', reason: 'damaged' };
    const { header } = rec;
    if (header.region !== this.state.region) return { result: 'refused', reason: 'region' };
    if (card.triesLeft === 0) return { result: 'refused', reason: 'locked' };
    if (header.kind === 'clear') {
      Object.assign(this.state, {
        remaining: 0,
        lastLoadedCount: 0,
        boundCardNo: null,
        boundAccountNo: null,
        boundGeneration: 0,
        valveOpen: false,
      });
      return { result: 'tool', kind: 'clear' };
    }
    if (header.kind === 'meter_change') {
      Object.assign(this.state, { boundCardNo: null, boundAccountNo: null, boundGeneration: 0 });
      this.writeBack(card, header.cardNo);
      return { result: 'tool', kind: 'meter_change' };
    }
    if (header.kind !== 'user') {
      this.writeBack(card, header.cardNo);
      return { result: 'tool', kind: header.kind };
    }
    if (this.state.boundCardNo && this.state.boundCardNo !== header.cardNo) {
      // A replacement card (a later generation) of the same account takes over; any other card is refused,
      // and so is every earlier card of the account once a later one was seen (a stale purchase on it never loads).
      if (this.state.boundAccountNo !== header.accountNo) return { result: 'refused', reason: 'wrong-card' };
      if (header.generation <= this.state.boundGeneration) return { result: 'refused', reason: 'replaced' };
    }
    if (this.state.boundAccountNo && this.state.boundAccountNo !== header.accountNo)
      return { result: 'refused', reason: 'wrong-account' };
    if (!this.verify(card, header.cardNo)) return { result: 'refused', reason: 'psc' };
    this.state.boundCardNo = header.cardNo;
    this.state.boundAccountNo = header.accountNo;
    this.state.boundGeneration = header.generation;
    const p = rec.purchase;
    let outcome: InsertOutcome = { result: 'nothing-to-load' };
    // A purchase with no gas (a clear, or a stale purchase cancelled on a replaced card) loads nothing and
    // leaves the meter's count alone: the same count with its gas, on the customer's card, still loads.
    // Only a purchase the card says no meter has loaded yet (its loaded flag, the write-back's count, is below
    // it): a new meter after 换表 must not load the old meter's last purchase again.
    if (p && p.volume > 0 && rec.pending && p.count > this.state.lastLoadedCount) {
      this.state.remaining += p.volume;
      this.state.cumulativeLoaded += p.volume;
      this.state.lastLoadedCount = p.count;
      outcome = { result: 'loaded', volume: p.volume, count: p.count };
    }
    this.state.valveOpen = this.state.remaining > -this.state.overdraftLimit;
    this.writeBack(card, header.cardNo, true);
    return outcome;
  }

  private verify(card: Sle4442, cardNo: string): boolean {
    if (card.isVerified) return true;
    // A meter, like the counter, never uses a card's last PSC try.
    if (card.triesLeft < 2) return false;
    try {
      card.verify(this.keys.pscFor(cardNo));
      return true;
    } catch (e) {
      if (e instanceof CardError) return false;
      throw e;
    }
  }

  private writeBack(card: Sle4442, cardNo: string, verified = false): void {
    if (!verified && !this.verify(card, cardNo)) return;
    const s = this.state;
    card.updateMain(
      AREA.writeBack.start,
      encodeWriteBack({
        loadedCount: s.lastLoadedCount,
        remaining: s.remaining,
        cumulativeUsed: s.cumulativeUsed,
        readAt: this.nowSeconds(),
        status: {
          lowBattery: s.lowBattery,
          valveClosed: !s.valveOpen,
          tamper: s.tamper,
          leakAlarm: s.leakAlarm,
        },
        meterNo: s.meterNo.slice(-12),
      }),
    );
  }

  /** Burns gas; the valve closes when the remaining gas reaches the overdraft limit. Returns what was used. */
  consume(volume: number): number {
    if (!Number.isInteger(volume) || volume < 0)
      throw new RangeError('volume must be a non-negative integer');
    if (!this.state.valveOpen) return 0;
    const available = this.state.remaining + this.state.overdraftLimit;
    const used = Math.min(volume, Math.max(0, available));
    this.state.remaining -= used;
    this.state.cumulativeUsed += used;
    if (this.state.remaining <= -this.state.overdraftLimit) this.state.valveOpen = false;
    return used;
  }
}
