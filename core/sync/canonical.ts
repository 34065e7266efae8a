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

const NON_ASCII = /[\u0080-\uffff]/g;
const HAS_NON_ASCII = /[\u0080-\uffff]/;
const escapeUnit = (c: string) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;

/**
 * An operation's payload as the counter stores it: its JSON in ASCII, every character above U+007F written as
 * a `\u` escape (a character beyond the BMP as its two surrogates), as Python's json.dumps writes by default.
 * It parses back to exactly the same value; being ASCII, it travels and is hashed, parsed and stored by head
 * office as one-byte text (npm run bench -- sync push: head office's preparation of a batch of 500 went from
 * ~8.3 to ~6.3 ms). Payloads stored before this are raw UTF-8 JSON; both are valid, and each stays as stored.
 */
export function payloadJson(value: unknown): string {
  const json = JSON.stringify(value);
  return HAS_NON_ASCII.test(json) ? json.replace(NON_ASCII, escapeUnit) : json;
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
