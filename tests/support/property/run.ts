/**
 * Property test support: the model of a run — what the counter holds that the next actions may name (its
 * households, their cards, its sales) — and the bookkeeping around a use case call: done and refused use cases,
 * the card in the reader, a card carried to its meter, tenders, serial numbers.
 */
import type { OpInput, OpName, OpOutput, TenderInput } from '../../../core/contract';
import type { CardSimCounter } from '../card-sim-counter';

/** Refusals an honest counter meets in a day's work: the action is skipped. */
const REFUSALS = new Set([
  'CUSTOMER_NOT_ACTIVE',
  'ILLEGAL_STATUS_TRANSITION',
  'NOTHING_CHANGED',
  'LIMIT_EXCEEDED',
  'HAZARD_APPROVAL_REQUIRED',
  'NOTHING_TO_BUY',
  'NO_OPEN_SHIFT',
  'SHIFT_ALREADY_OPEN',
  'SHIFT_ALREADY_CLOSED',
  'CASH_OUT_EXCEEDS_DRAWER',
  'ALREADY_REVERSED',
  'NOT_REVERSIBLE',
  'REFUND_TOO_LARGE',
  'NOT_REFUNDABLE',
  'BALANCE_ALREADY_USED',
  'NO_ACTIVE_CARD',
  'CUSTOMER_HAS_CARD',
  'CARD_GAS_PENDING',
  'GAS_ALREADY_LOADED',
  'SALE_NOT_ON_CARD',
  'CARD_REQUIRED',
  'TOPUP_NOT_ALLOWED',
  // A write whose card left the reader waits for the card to be read again.
  'CARD_WRITE_UNCERTAIN',
  'OPEN_SHIFTS',
  'DAY_ALREADY_CLOSED',
]);

export interface Household {
  id: string;
  /** Opened at another counter of the hall (pulled from head office): its card is not in this counter's box. */
  pulled: boolean;
  /** The training world's id of the customer's active card, if any. */
  cardId: string | null;
  lastGasSale: string | null;
}

export interface SaleRef {
  id: string;
  kind: 'gas' | 'fee';
  customerId: string | null;
}

export class Run {
  readonly households: Household[] = [];
  readonly sales: SaleRef[] = [];
  /** Meters the training world has (made when a card first reaches them). */
  readonly worldMeters = new Set<string>();
  readonly refusals = new Map<string, number>();
  readonly done = new Map<string, number>();
  fees: OpOutput<'fees.list'>['items'] = [];
  opened = 0;
  meters = 0;
  serial = 0;

  constructor(
    readonly k: CardSimCounter,
    /** Fake-household index base: meter numbers stay unique across the runs of the file. */
    readonly base: number,
  ) {}

  get c() {
    return this.k.c;
  }

  household(n: number): Household | undefined {
    return this.households.length === 0 ? undefined : this.households[n % this.households.length];
  }

  sale(n: number): SaleRef | undefined {
    return this.sales.length === 0 ? undefined : this.sales[n % this.sales.length];
  }

  owner(s: SaleRef): Household | undefined {
    return this.households.find((h) => h.id === s.customerId);
  }

  /** Calls a use case; a business refusal answers null, anything else fails the property. */
  async attempt<N extends OpName>(
    op: N,
    input: OpInput<N>,
    sid: string,
    also: readonly string[] = [],
  ): Promise<OpOutput<N> | null> {
    const r = await this.c.call(op, input, sid);
    if (r.ok) {
      this.done.set(op, (this.done.get(op) ?? 0) + 1);
      return r.result as OpOutput<N>;
    }
    if (!REFUSALS.has(r.error.code) && !also.includes(r.error.code))
      throw new Error(
        `${op} failed unexpectedly: ${JSON.stringify(r.error)}\n  input: ${JSON.stringify(input)}`,
      );
    const key = `${op} ${r.error.code}`;
    this.refusals.set(key, (this.refusals.get(key) ?? 0) + 1);
    return null;
  }

  /** The card in the reader is `cardId` (or none). */
  present(cardId: string | null): void {
    const w = this.k.world;
    if (cardId !== null && w.slot === cardId) return;
    w.remove();
    if (cardId !== null) w.insert(cardId);
  }

  /** The customer takes the card home: the meter loads what is on it, gas is used, the meter writes back. */
  async toMeter(h: Household, use: number): Promise<void> {
    if (!h.cardId) return;
    const cur = await this.c.ok('customers.get', { id: h.id }, this.k.clerkSid);
    const meter = cur.meters.find((m) => m.status === 'active');
    if (!meter) return;
    const w = this.k.world;
    this.present(null);
    if (!this.worldMeters.has(meter.meterNo)) {
      w.addMeter({ meterNo: meter.meterNo, region: this.k.region });
      this.worldMeters.add(meter.meterNo);
    }
    w.carryToMeter(h.cardId, meter.meterNo);
    if (use > 0) {
      w.consume(meter.meterNo, use);
      w.carryToMeter(h.cardId, meter.meterNo); // the meter writes its readings onto the card
    }
  }

  /** A household of another counter has a card this counter cannot present (it never made it). */
  noCard(h: Household | undefined): string[] {
    return h?.pulled && h.cardId === null ? ['NO_CARD'] : [];
  }

  nextMeterNo(): string {
    return `N${this.c.app.counter()!.hallCode}${this.c.code}${String(++this.meters).padStart(3, '0')}`;
  }

  tenders(kind: 'cash' | 'change' | 'wechat' | 'split', amount: number): TenderInput[] {
    if (amount === 0) return [];
    if (kind === 'wechat') return [{ method: 'wechat', amount, reference: `WX${++this.serial}` }];
    if (kind === 'change') return [{ method: 'cash', amount, received: Math.ceil(amount / 10_000) * 10_000 }];
    if (kind === 'split' && amount > 1) {
      const card = Math.floor(amount / 2);
      return [
        { method: 'bank_card', amount: card, reference: `POS${++this.serial}` },
        { method: 'cash', amount: amount - card },
      ];
    }
    return [{ method: 'cash', amount }];
  }

  async issue(h: Household): Promise<void> {
    const blank = this.k.world.newCard().id;
    this.present(blank);
    if (await this.attempt('cards.issue', { customerId: h.id }, this.k.clerkSid)) h.cardId = blank;
  }

  async version(h: Household): Promise<number> {
    return (await this.c.ok('customers.get', { id: h.id }, this.k.clerkSid)).version;
  }
}
