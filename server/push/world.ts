/**
 * The working set of one pushed batch: the head-office rows its operations touch, loaded once under the
 * counter's lock (load.ts), checked and changed in memory in sequence order (rules/), then written back in one
 * statement (write.ts). Runtime: Node.
 */
import type { DayDigest } from '../../core/sync/digest';
import type { GasUseBy } from '../../core/sync/gas-use';
import type { ConflictKind } from '../../core/sync/feed';
import type { OpType, ReadOp } from '../../core/sync/ops';
import type { SalePayload } from '../../core/sync/ops/sale-ops';
import type { PriceVersion } from '../../core/contract/prices';
import type { CounterCtx } from '../auth/counter-auth';
import type { QuarantineCode } from '../../core/sync/quarantine';

/** A pushed operation as the transaction reads it: its ledger fields and its payload read through the contract. */
export interface PushedOp {
  readonly seq: number;
  readonly id: string;
  readonly type: string;
  readonly entityId: string;
  readonly operatorId: string;
  readonly approverId: string | null;
  readonly hlc: string;
  readonly createdAt: string;
  readonly hash: string;
  /** The money and gas it moves, as the counter's digests count them (core/sync/digest.ts opFigures). */
  readonly figures: { readonly amount: number; readonly volume: number };
  /** The payload read with the ops contract (core/sync/ops), or why it could not be. */
  readonly read: ReadOp;
  /** Set when the op may not be believed whatever head office holds (its time is in the future). */
  readonly refused?: Quarantine;
}

/** A pushed operation whose payload the contract accepted, typed by its type. */
export type ReadableOp<T extends OpType = OpType> = PushedOp & {
  readonly read: Extract<ReadOp<T>, { ok: true }>;
};

export interface Quarantine {
  readonly state: 'quarantined';
  readonly code: QuarantineCode;
  readonly reason: string;
}

export type Outcome = { readonly state: 'applied' | 'stored' } | Quarantine;

export const APPLIED: Outcome = { state: 'applied' };
export const STORED: Outcome = { state: 'stored' };
export const quarantine = (code: QuarantineCode, reason: string): Quarantine => ({
  state: 'quarantined',
  code,
  reason,
});

/** Who wrote a customer field's current value, and at which feed cursor it became visible (-1: this batch). */
export interface FieldMeta {
  hlc: string;
  counterId: string;
  cursor: number;
}

export type Rec = Record<string, unknown>;

export interface CustomerState {
  id: string;
  hallId: string;
  accountNo: string;
  data: Rec;
  fieldMeta: Record<string, FieldMeta>;
  updatedHlc: string;
  originCounterId: string;
  balance: number;
  /** Per counter id: the part of `balance` that counter's sales made. */
  balanceBy: Record<string, number>;
  /** Per counter id (or 'import'), per business day: the net gas its sales of this customer made. */
  gasUseBy: GasUseBy;
  purchaseCount: number;
  /** Changed: written back. */
  dirty: boolean;
  /**
   * Its file changed (new, a field, its stamps, its HLC or origin): the whole row is written back. Otherwise a
   * dirty customer's money and use alone are (a sale's balance, gas use or purchase count).
   */
  fileChanged: boolean;
  /** Changed in what counters see: published on the feed too. */
  publish: boolean;
}

export interface CardState {
  cardNo: string;
  id: string;
  hallId: string;
  customerId: string;
  formatId: string;
  region: number;
  status: 'active' | 'lost' | 'replaced';
  issuedAt: string;
  issuedBy: string;
  counterId: string;
  blockedAt: string | null;
  blockedReason: string | null;
  dirty: boolean;
}

/** A sale head office holds (or this batch adds): what a correction or a card-write outcome is checked against. */
export interface SaleState {
  id: string;
  counterId: string;
  businessDate: string;
  kind: SalePayload['kind'];
  status: string;
  customerId: string | null;
  volume: number;
  amount: number;
  balanceUsed: number;
  balanceAdded: number;
  amountPaid: number;
  /** What reversals and refunds already took back (fen, as a positive number). */
  corrected: number;
  /** Added by this batch (its row is written with it). */
  fresh?: SalePayload & { opSeq: number };
}

/** An acceptance or complaint of the hall (server/schema/service.ts), as loaded or recorded by this batch. */
export interface ServiceRecordState {
  id: string;
  hallId: string;
  counterId: string;
  kind: 'acceptance' | 'complaint' | 'appointment' | 'work_order' | 'inspection' | 'installation';
  no: string;
  customerId: string | null;
  status: string | null;
  stepCount: number;
  /** `hoSteps`: head office's own steps (server/admin/service-steps.ts). */
  data: Rec & { steps?: Rec[]; followups?: Rec[]; hoSteps?: Rec[] };
  createdAt: string;
  updatedAt: string;
}

export interface ConflictDraft {
  id: string;
  kind: ConflictKind;
  entityType: string;
  entityId: string;
  field: string | null;
  current: unknown;
  incoming: unknown;
  currentCounterId: string | null;
  incomingCounterId: string;
  opId: string;
}

/** A card's blocking state, as an effect records it before and after. */
export type CardStatus = Pick<CardState, 'status' | 'blockedAt' | 'blockedReason'>;

/**
 * What an applied operation changed in the records counters share, kept with it (op_effects) so that head
 * office can revert it later as correcting entries (server/admin/revert.ts): a customer's top-level fields
 * before and after (no `before`: the op created the file), a balance moved, a card's status (no `before`: the
 * op issued the card), a sale recorded, an acceptance or complaint recorded or moved on (its state before).
 */
export type Effect =
  | { readonly kind: 'customer'; readonly id: string; readonly before: Rec | null; readonly after: Rec }
  | { readonly kind: 'balance'; readonly id: string; readonly delta: number }
  | { readonly kind: 'gasUse'; readonly id: string; readonly day: string; readonly delta: number }
  | {
      readonly kind: 'card';
      readonly cardNo: string;
      readonly before: CardStatus | null;
      readonly after: CardStatus;
    }
  | { readonly kind: 'sale'; readonly id: string }
  | {
      readonly kind: 'service';
      readonly id: string;
      /** The acceptance or complaint before the op (null: the op recorded it). */
      readonly before: (ServiceMark & { readonly data: Rec }) | null;
      readonly after: ServiceMark;
    };

/** Where a service record stands: its status, steps and 回访 applied (a revert checks nothing came after). */
export interface ServiceMark {
  readonly status: string | null;
  readonly stepCount: number;
  readonly followups: number;
}

export const serviceMark = (r: ServiceRecordState): ServiceMark => ({
  status: r.status,
  stepCount: r.stepCount,
  followups: r.data.followups?.length ?? 0,
});

export const cardStatus = (c: CardState): CardStatus => ({
  status: c.status,
  blockedAt: c.blockedAt,
  blockedReason: c.blockedReason,
});

export interface Claim {
  counterId: string;
  opId: string;
  cardNo: string;
  isNew: boolean;
}

export class World {
  readonly customers = new Map<string, CustomerState>();
  readonly cards = new Map<string, CardState>();
  /** `${customerId}:${count}` → who claimed that purchase count. */
  readonly claims = new Map<string, Claim>();
  /** Per customer: the highest purchase count this counter has claimed. */
  readonly ownCounts = new Map<string, number>();
  readonly sales = new Map<string, SaleState>();
  /** Ids of the batch's own sales that head office holds already (a sale is recorded once). */
  readonly heldSales = new Set<string>();
  /** Sales whose status a card-write outcome moves (written back). */
  readonly saleStatus = new Map<string, string>();
  /** The counter's own shifts head office holds or this batch opens. */
  readonly shifts = new Map<string, Rec>();
  /** Shifts changed by this batch (written back). */
  readonly dirtyShifts = new Set<string>();
  readonly priceVersions = new Map<string, PriceVersion>();
  /** Account numbers of the hall already taken, by customer id. */
  readonly accountNos = new Map<string, string>();
  readonly readings: Rec[] = [];
  /** The hall's acceptances and complaints the batch names or records. */
  readonly serviceRecords = new Map<string, ServiceRecordState>();
  /** Service records changed by this batch (written back). */
  readonly dirtyServiceRecords = new Set<string>();
  readonly conflicts: ConflictDraft[] = [];
  /** By op id: what each applied op changed (written with it, for a later revert). */
  readonly effects = new Map<string, { seq: number; effects: Effect[] }>();
  /** (afterSeq, cursor) pairs, ascending: what the counter had pulled before each of its operations. */
  knowledge: { afterSeq: number; cursor: number }[] = [];
  /** The counter's digests of the batch's days, as stored before it. */
  digests = new Map<string, DayDigest>();
  /** Customers of other halls head office gave this counter (customer_visits): it may sell to them. */
  readonly visits = new Set<string>();
  /** The company gives every counter every hall's customers (pull scope 'company'): any may sell to any. */
  companyScope = false;

  constructor(
    readonly ctx: CounterCtx,
    readonly nowMs: number,
    readonly newId: () => string,
  ) {}

  /** The feed cursor the counter had applied before writing operation `seq`. */
  /** The sales this batch records, as they stand after its last op. */
  freshSales(): NonNullable<SaleState['fresh']>[] {
    return [...this.sales.values()].flatMap((s) => (s.fresh ? [s.fresh] : []));
  }

  knownCursor(seq: number): number {
    let c = 0;
    for (const k of this.knowledge) if (k.afterSeq < seq && k.cursor > c) c = k.cursor;
    return c;
  }

  /** Whether the counter had seen the value described by `meta` when it wrote operation `seq`. */
  sawValue(meta: FieldMeta | undefined, seq: number): boolean {
    if (!meta) return true;
    if (meta.counterId === this.ctx.counterId) return true;
    if (meta.cursor < 0) return false;
    return this.knownCursor(seq) >= meta.cursor;
  }

  /** Records what `op` changed. */
  effect(op: PushedOp, e: Effect): void {
    const held = this.effects.get(op.id) ?? { seq: op.seq, effects: [] };
    held.effects.push(e);
    this.effects.set(op.id, held);
  }

  conflict(op: PushedOp, d: Omit<ConflictDraft, 'id' | 'incomingCounterId' | 'opId'>): void {
    this.conflicts.push({ ...d, id: this.newId(), incomingCounterId: this.ctx.counterId, opId: op.id });
  }

  /** A customer of the counter's hall, or why the op may not name it. */
  ownCustomer(id: string | null | undefined): CustomerState | Quarantine {
    const c = id ? this.customers.get(id) : undefined;
    if (!c) return quarantine('UNKNOWN_CUSTOMER', '总部没有该用户的档案（开户记录未到或被隔离）');
    if (c.hallId !== this.ctx.hallId)
      return quarantine('FOREIGN_HALL', `用户 ${c.accountNo} 不属于本网点，本柜台不能办理`);
    return c;
  }

  /**
   * A customer this counter may serve at the till (sales, payments, corrections, card purchase writes): one of
   * its hall's, one of another hall's that head office gave it, or any under the company pull scope. Every other
   * operation on another hall's customer (an edit, a transfer, a status change, a card issued, replaced or
   * blocked) keeps to ownCustomer and is FOREIGN_HALL.
   */
  servedCustomer(id: string | null | undefined): CustomerState | Quarantine {
    const c = id ? this.customers.get(id) : undefined;
    if (c && c.hallId !== this.ctx.hallId && (this.companyScope || this.visits.has(c.id))) return c;
    return this.ownCustomer(id);
  }

  /** A card of a customer this counter may serve at the till (servedCustomer), or why the op may not name it. */
  servedCard(cardNo: string): CardState | Quarantine {
    const card = this.cards.get(cardNo);
    if (card && card.hallId !== this.ctx.hallId && (this.companyScope || this.visits.has(card.customerId)))
      return card;
    return this.ownCard(cardNo);
  }

  /** An appointment of the counter's hall, or why the op may not move it. */
  ownAppointment(id: string): ServiceRecordState | Quarantine {
    const r = this.serviceRecords.get(id);
    if (r?.kind !== 'appointment')
      return quarantine('UNKNOWN_RECORD', '总部没有该预约的登记记录（登记未到或被隔离）');
    if (r.hallId !== this.ctx.hallId)
      return quarantine('FOREIGN_HALL', `预约 ${r.no} 不属于本网点，本柜台不能办理`);
    return r;
  }

  /** A record of this kind of the counter's hall (named `zh` in the reason), or why the op may not move it. */
  ownRecord(id: string, kind: ServiceRecordState['kind'], zh: string): ServiceRecordState | Quarantine {
    const r = this.serviceRecords.get(id);
    if (r?.kind !== kind)
      return quarantine('UNKNOWN_RECORD', `总部没有该${zh}的登记记录（登记未到或被隔离）`);
    if (r.hallId !== this.ctx.hallId)
      return quarantine('FOREIGN_HALL', `${zh} ${r.no} 不属于本网点，本柜台不能办理`);
    return r;
  }

  ownComplaint(id: string): ServiceRecordState | Quarantine {
    const r = this.serviceRecords.get(id);
    if (r?.kind !== 'complaint')
      return quarantine('UNKNOWN_RECORD', '总部没有该投诉的登记记录（登记未到或被隔离）');
    if (r.hallId !== this.ctx.hallId)
      return quarantine('FOREIGN_HALL', `投诉 ${r.no} 不属于本网点，本柜台不能办理`);
    return r;
  }

  /** A card of the counter's hall, or why the op may not name it. */
  ownCard(cardNo: string): CardState | Quarantine {
    const card = this.cards.get(cardNo);
    if (!card) return quarantine('UNKNOWN_CARD', `总部没有卡号 ${cardNo} 的发卡记录`);
    if (card.hallId !== this.ctx.hallId)
      return quarantine('FOREIGN_HALL', `卡 ${cardNo} 不属于本网点，本柜台不能办理`);
    return card;
  }
}

export const isQuarantine = (x: unknown): x is Quarantine =>
  typeof x === 'object' && x !== null && (x as Quarantine).state === 'quarantined';
