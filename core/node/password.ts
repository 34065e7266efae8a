/** Password hashing with scrypt (memory-hard): N=2^15, r=8, p=1, 16-byte salt; the counter and head office share it. Runtime: Node (core/node: shared code that needs Node, outside the browser build). */
import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';

const LOG_N = 15;

/**
 * The cost of new hashes: 2^15. Inside the test runner only (vitest sets VITEST; vitest.config.ts sets
 * GASDESK_TEST_SCRYPT_LOG_N, inherited by the processes tests start) it may be lowered, to no less than 2^10: the
 * suite creates thousands of staff and sign-ins, each a scrypt of ~0.1 s at 2^15. A stored hash names its own
 * cost, so verifying is the same code either way.
 */
export function scryptLogN(env: NodeJS.ProcessEnv = process.env): number {
  const lowered = env.VITEST ? Number(env.GASDESK_TEST_SCRYPT_LOG_N) : Number.NaN;
  return Number.isInteger(lowered) && lowered >= 10 && lowered < LOG_N ? lowered : LOG_N;
}
const R = 8;
const P = 1;
const KEY_LEN = 32;

function derive(password: string, salt: Buffer, logN: number, r: number, p: number): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(
      password.normalize('NFC'),
      salt,
      KEY_LEN,
      { N: 2 ** logN, r, p, maxmem: 256 * 2 ** logN * r },
      (err, key) => (err ? reject(err) : resolve(key)),
    ),
  );
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const logN = scryptLogN();
  const key = await derive(password, salt, logN, R, P);
  return `scrypt$${logN}$${R}$${P}$${salt.toString('base64')}$${key.toString('base64')}`;
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, logN, r, p, salt, key] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !key) return false;
  const expected = Buffer.from(key, 'base64');
  const actual = await derive(password, Buffer.from(salt, 'base64'), Number(logN), Number(r), Number(p));
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/**
 * A stored hash of the same parameters that no password matches: checked for an unknown user name, so that
 * it costs the same time as a known one (the answer's delay does not tell which names exist).
 */
export const DUMMY_HASH = `scrypt$${scryptLogN()}$${R}$${P}$${randomBytes(16).toString('base64')}$${randomBytes(KEY_LEN).toString('base64')}`;
