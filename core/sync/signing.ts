/**
 * How a counter signs its requests to head office (Ed25519 over a canonical string) and which headers carry
 * the signature. The keys and the SHA-256 of the body are computed outside core. Runtime: any.
 */

export const SIGNATURE_SCHEME = 'GASDESK-SYNC-V1';

export const HEADERS = {
  counter: 'x-gasdesk-counter',
  timestamp: 'x-gasdesk-timestamp',
  nonce: 'x-gasdesk-nonce',
  signature: 'x-gasdesk-signature',
  /** Informational: the counter's own estimate of its clock's offset from head office (ms). Not signed. */
  clockOffset: 'x-gasdesk-clock-offset',
  /** Every head-office reply carries its wall time, so a counter with a wrong clock can still sign. */
  serverTime: 'x-gasdesk-server-time',
} as const;

/** A signed request is accepted within this many milliseconds of head office's clock. */
export const TIMESTAMP_WINDOW_MS = 5 * 60_000;
/** Nonces are remembered at least as long as a timestamp stays acceptable. */
export const NONCE_TTL_MS = 2 * TIMESTAMP_WINDOW_MS;
/** Head office flags a counter whose clock is further off than this. */
export const SKEW_FLAG_MS = 2 * 60_000;

export const NONCE_RE = /^[A-Za-z0-9_-]{16,64}$/;

export interface SignedParts {
  readonly method: string;
  /** The path with its query string, exactly as sent. */
  readonly path: string;
  readonly timestamp: string;
  readonly nonce: string;
  readonly counterId: string;
  /** Hex SHA-256 of the raw body bytes (of the empty string for a GET). */
  readonly bodySha256: string;
}

export function signingString(p: SignedParts): string {
  return [
    SIGNATURE_SCHEME,
    p.method.toUpperCase(),
    p.path,
    p.timestamp,
    p.nonce,
    p.counterId,
    p.bodySha256,
  ].join('\n');
}

/** What the enrolling counter signs with its new key, to prove it holds the private half. */
export function enrollmentProofString(code: string, counterId: string, publicKey: string): string {
  return ['GASDESK-ENROLL-V1', code, counterId, publicKey].join('\n');
}
