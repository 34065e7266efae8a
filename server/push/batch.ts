/**
 * The working set of one pushed batch: the head-office rows its operations touch, loaded once and changed in
 * memory in sequence order, then written back in bulk by flush.ts — one round trip per table, not per
 * operation. Runtime: Node.
 */
import type { DayDigest } from '../../core/sync/digest';
import type { ConflictKind } from '../../core/sync/feed';
import type { WireOp } from '../../core/sync/wire';
import type { CounterCtx } from '../auth/counter-auth';

/**
 * A pushed operation as the serving thread holds it, from its prepare worker (prepare.ts): the fields the
 * transaction reads, and the parsed payload — the rest of the operation goes to the database as column arrays
 * and never crosses between the threads.
 */
export interface PushedOp
  extends Pick<WireOp, 'seq' | 'id' | 'type' | 'entityId' | 'operatorId' | 'hlc' | 'createdAt' | 'hash'> {
  /** The parsed payload (a sale's: only its figures, early-sales.ts); undefined when it is not JSON (quarantined). */
  data: unknown;
  /** The payload's check against its type's schema, when done before the transaction (early-sales.ts). */
  checked?: unknown;
  /** Its payload holds a string no database stores as it is (NUL, unpaired surrogate): quarantined. */
  unstorable?: true;
}

export type Outcome =
  | { readonly state: 'applied' | 'stored' }
  | { readonly state: 'quarantined'; readonly code: string; readonly reason: string };

export const APPLIED: Outcome = { state: 'applied' };
export const STORED: Outcome = { state: 'stored' };
export const quarantined = (code: string, reason: string): Outcome => ({
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

export interface CustomerState {
  id: string;
  hallId: string;
  accountNo: string;
  data: Record<string, unknown>;
  fieldMeta: Record<string, FieldMeta>;
  updatedHlc: string;
  originCounterId: string;
  balance: number;
  /** Per counter id: the part of `balance` that counter's sales made. */
  balanceBy: Record<string, number>;
  purchaseCount: number;
  /** Changed: written back. */
  dirty: boolean;
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

export type Rec = Record<string, unknown>;

export class Batch {
  readonly customers = new Map<string, CustomerState>();
  readonly cards = new Map<string, CardState>();
  /** `${customerId}:${count}` → who claimed that purchase count. */
  readonly claims = new Map<string, { counterId: string; opId: string; cardNo: string; isNew: boolean }>();
  readonly knownSales = new Set<string>();
  /** Sales of this batch applied so far: stored before the lock, with their in-batch outcome (early-sales.ts). */
  readonly batchSales = new Set<string>();
  /** Account numbers of the hall already taken, by customer id. */
  readonly accountNos = new Map<string, string>();
  /** Outcomes of sales stored by earlier batches. */
  readonly saleStatus = new Map<string, string>();
  readonly shifts = new Map<string, Rec>();
  readonly readings: Rec[] = [];
  readonly conflicts: ConflictDraft[] = [];
  /** (afterSeq, cursor) pairs, ascending: what the counter had pulled before each of its operations. */
  knowledge: { afterSeq: number; cursor: number }[] = [];
  /** The counter's digests of the batch's days, as stored before it. */
  digests = new Map<string, DayDigest>();

  constructor(
    readonly ctx: CounterCtx,
    readonly nowMs: number,
    readonly newId: () => string,
  ) {}

  /** The feed cursor the counter had applied before writing operation `seq`. */
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

  conflict(op: PushedOp, d: Omit<ConflictDraft, 'id' | 'incomingCounterId' | 'opId'>): void {
    this.conflicts.push({ ...d, id: this.newId(), incomingCounterId: this.ctx.counterId, opId: op.id });
  }
}
