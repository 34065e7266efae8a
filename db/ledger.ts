/**
 * Appends one operation to the hash-chained outbox and its audit entry. Always called inside the transaction
 * of the business operation it records, so the three commit together or not at all. Runtime: Node.
 */
import { hash } from 'node:crypto';
import type Database from 'better-sqlite3';
import { canonicalOp, GENESIS_HASH } from '../core/sync/canonical';
import { encodeOp, type OpPayload, type OpType } from '../core/sync/ops';

export { GENESIS_HASH };

/**
 * One operation of the sync contract (core/sync/ops): its type decides the payload's shape, and the contract
 * the entity it is recorded under. A payload the contract refuses throws (a defect, never the operator's).
 */
export interface OpRecord<T extends OpType = OpType> {
  readonly type: T;
  readonly payload: OpPayload<T>;
  readonly operatorId: string;
  readonly approverId?: string | null;
  /** The operation's HLC time when the caller already took one (to stamp the rows it changed). */
  readonly hlc?: string;
  readonly audit: AuditRecord;
}

export interface AuditRecord {
  readonly action: string;
  readonly summary: string;
  readonly reason?: string | null;
  readonly changes?: { field: string; before: unknown; after: unknown }[];
}

export interface OutboxRow {
  seq: number;
  id: string;
  counterId: string;
  type: string;
  entityType: string;
  entityId: string;
  payload: string;
  operatorId: string;
  approverId: string | null;
  hlc: string;
  createdAt: string;
  prevHash: string;
  hash: string;
}

/** The hash of a row covers every stored field and the previous row's hash, exactly as stored (core/sync/canonical.ts). */
export function hashRow(r: Omit<OutboxRow, 'hash'>): string {
  return hash('sha256', canonicalOp(r), 'hex');
}

/** What an audit entry is about, as the request log records it. */
export interface AuditedEntry {
  readonly entityType: string;
  readonly entityId: string;
  /** The ledger operation it belongs to, or null for an audit-only entry. */
  readonly opSeq: number | null;
  readonly at: string;
}

export interface LedgerDeps {
  readonly counterId: string;
  readonly newId: () => string;
  readonly hlc: () => string;
  readonly nowIso: () => string;
  /**
   * Called inside the transaction with every audit entry (each append writes one): the request log records a
   * request with its first (services/requests/request-log.ts).
   */
  readonly onAudit?: (entry: AuditedEntry) => void;
}

export class Ledger {
  private readonly last: Database.Statement;
  private readonly insertOp: Database.Statement;
  private readonly insertAudit: Database.Statement;

  constructor(
    private readonly sqlite: Database.Database,
    private readonly deps: LedgerDeps,
  ) {
    this.last = sqlite.prepare('SELECT seq, hash FROM outbox ORDER BY seq DESC LIMIT 1');
    this.insertOp =
      sqlite.prepare(`INSERT INTO outbox (seq, id, counter_id, type, entity_type, entity_id, payload,
      operator_id, approver_id, hlc, created_at, prev_hash, hash) VALUES (@seq, @id, @counterId, @type, @entityType,
      @entityId, @payload, @operatorId, @approverId, @hlc, @createdAt, @prevHash, @hash)`);
    this.insertAudit =
      sqlite.prepare(`INSERT INTO audit (id, at, operator_id, approver_id, action, entity_type,
      entity_id, summary, reason, changes, op_seq) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  }

  /** Must run inside the caller's transaction. Returns the new outbox row. */
  append<T extends OpType>(op: OpRecord<T>): OutboxRow {
    if (!this.sqlite.inTransaction) throw new Error('Ledger.append must run inside a transaction');
    const { entityType, entityId, json } = encodeOp(op.type, op.payload);
    const prev = this.last.get() as { seq: number; hash: string } | undefined;
    const createdAt = this.deps.nowIso();
    const row: Omit<OutboxRow, 'hash'> = {
      seq: (prev?.seq ?? 0) + 1,
      id: this.deps.newId(),
      counterId: this.deps.counterId,
      type: op.type,
      entityType,
      entityId,
      payload: json,
      operatorId: op.operatorId,
      approverId: op.approverId ?? null,
      hlc: op.hlc ?? this.deps.hlc(),
      createdAt,
      prevHash: prev?.hash ?? GENESIS_HASH,
    };
    const full: OutboxRow = { ...row, hash: hashRow(row) };
    this.insertOp.run(full);
    this.auditOnly(op.audit, { ...op, entityType, entityId }, full.seq, createdAt);
    return full;
  }

  /** An audit entry without a ledger operation (sign-in, sign-out, failed attempts). */
  auditOnly(
    a: AuditRecord,
    who: { entityType: string; entityId: string; operatorId: string | null; approverId?: string | null },
    opSeq: number | null = null,
    at = this.deps.nowIso(),
  ): void {
    this.insertAudit.run(
      this.deps.newId(),
      at,
      who.operatorId,
      who.approverId ?? null,
      a.action,
      who.entityType,
      who.entityId,
      a.summary,
      a.reason ?? null,
      a.changes ? JSON.stringify(a.changes) : null,
      opSeq,
    );
    this.deps.onAudit?.({ entityType: who.entityType, entityId: who.entityId, opSeq, at });
  }
}
