/**
 * The administrator's bearer token: from GASDESK_ADMIN_TOKEN when set, otherwise generated at the first start
 * of the first instance, printed once, and kept only as a SHA-256 in the database so every instance accepts
 * it. Runtime: Node.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { Refusal } from '../http/refusal';
import type { Store } from '../pg/store';

const hash = (token: string) => createHash('sha256').update(token).digest();

/** Makes sure a token exists; returns it when this call created it (to print once), else null. */
export async function ensureAdminToken(store: Store, fromEnv?: string): Promise<string | null> {
  if (fromEnv) return null;
  const token = randomBytes(24).toString('base64url');
  const rows = await store.query(
    `INSERT INTO admin_tokens (id, token_hash) VALUES ('admin', $1) ON CONFLICT (id) DO NOTHING RETURNING id`,
    [hash(token).toString('hex')],
  );
  return rows.length > 0 ? token : null;
}

export async function checkAdmin(store: Store, req: FastifyRequest, fromEnv?: string): Promise<void> {
  const auth = req.headers.authorization;
  const presented = typeof auth === 'string' && auth.startsWith('Bearer ') ? auth.slice(7).trim() : '';
  if (!presented) throw new Refusal('ADMIN_UNAUTHORIZED', 'no bearer token');
  let expected: Buffer;
  if (fromEnv) expected = hash(fromEnv);
  else {
    const [row] = await store.query<{ token_hash: string }>(
      "SELECT token_hash FROM admin_tokens WHERE id = 'admin'",
    );
    if (!row) throw new Refusal('ADMIN_UNAUTHORIZED', 'no administrator token was ever made');
    expected = Buffer.from(row.token_hash, 'hex');
  }
  if (!timingSafeEqual(hash(presented), expected))
    throw new Refusal('ADMIN_UNAUTHORIZED', 'wrong administrator token');
}
