/**
 * UUIDv7 identifiers (RFC 9562): 48-bit Unix milliseconds, version, 74 random bits (runtime: any).
 * Time and randomness are injected so that tests and simulations are replayable.
 */
export type RandomBytes = (n: number) => Uint8Array;

/** Cryptographic random bytes, drawn from a pool refilled 4 KiB at a time (one system call per 256 ids). */
let pool = new Uint8Array(0);
let at = 0;
export const webRandomBytes: RandomBytes = (n) => {
  if (at + n > pool.length) {
    pool = globalThis.crypto.getRandomValues(new Uint8Array(Math.max(4096, n)));
    at = 0;
  }
  at += n;
  return pool.slice(at - n, at);
};

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

export function uuidv7(nowMs: number, random: RandomBytes = webRandomBytes): string {
  if (!Number.isSafeInteger(nowMs) || nowMs < 0)
    throw new RangeError('uuidv7 needs a non-negative integer time');
  const b = random(16);
  let t = nowMs;
  for (let i = 5; i >= 0; i--) {
    b[i] = t % 256;
    t = Math.floor(t / 256);
  }
  b[6] = 0x70 | (b[6]! & 0x0f);
  b[8] = 0x80 | (b[8]! & 0x3f);
  let hex = '';
  for (const x of b) hex += HEX[x];
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** Milliseconds encoded in a UUIDv7. */
export function uuidv7Time(id: string): number {
  return Number.parseInt(id.replace(/-/g, '').slice(0, 12), 16);
}
