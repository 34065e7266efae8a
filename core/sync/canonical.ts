/**
 * The canonical form of one ledger operation, shared by the counter (db/ledger.ts, which hashes it into the
 * chain) and head office (which recomputes the chain of every pushed batch). Changing it breaks every stored
 * chain: it is versioned by the tests, never edited. The hash itself (SHA-256) is computed outside core.
 * Runtime: any.
 */

/** The previous hash of the first operation of every counter. */
export const GENESIS_HASH = '0'.repeat(64);

/** Every stored field of an operation except its own hash. */
export interface OpFields {
  readonly seq: number;
  readonly id: string;
  readonly counterId: string;
  readonly type: string;
  readonly entityType: string;
  readonly entityId: string;
  /** The payload exactly as stored (JSON text): the hash covers these bytes, not a re-serialisation. */
  readonly payload: string;
  readonly operatorId: string;
  readonly approverId: string | null;
  readonly hlc: string;
  readonly createdAt: string;
  readonly prevHash: string;
}

/** The string whose SHA-256 (hex) is the operation's hash. */
export function canonicalOp(r: OpFields): string {
  return JSON.stringify([
    r.prevHash,
    r.seq,
    r.id,
    r.counterId,
    r.type,
    r.entityType,
    r.entityId,
    r.payload,
    r.operatorId,
    r.approverId,
    r.hlc,
    r.createdAt,
  ]);
}
