/**
 * Verifies a counter's signed request (core/sync/signing.ts): headers present, timestamp within the window,
 * the counter enrolled and not revoked, the Ed25519 signature over method, path, timestamp, nonce, counter and
 * body hash. The nonce (never seen before, or the request is a replay) is claimed by the handler in its own
 * transaction, so a refused request leaves nothing behind. Runtime: Node.
 */
import { createHash, createPublicKey, type KeyObject, verify } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { AppError } from '../../core/errors';
import { HEADERS, NONCE_RE, NONCE_TTL_MS, signingString, TIMESTAMP_WINDOW_MS } from '../../core/sync/signing';
import type { Queryable, Store } from '../pg/store';

export interface CounterCtx {
  readonly slotId: string;
  readonly counterId: string;
  readonly hallId: string;
  readonly hallCode: string;
  /** The hall's IANA time zone: the days of the counter's digests (core/business-day.ts). */
  readonly timeZone: string;
  readonly nonce: string;
  /** The counter's clock minus head office's, as the counter reported it (ms), when it did. */
  readonly clockSkewMs: number | null;
}

const keys = new Map<string, KeyObject>();
function keyOf(spkiBase64: string): KeyObject {
  let k = keys.get(spkiBase64);
  if (!k) {
    k = createPublicKey({ key: Buffer.from(spkiBase64, 'base64'), format: 'der', type: 'spki' });
    if (keys.size > 5000) keys.clear();
    keys.set(spkiBase64, k);
  }
  return k;
}

function header(req: FastifyRequest, name: string): string | undefined {
  const v = req.headers[name];
  return typeof v === 'string' ? v : undefined;
}

export function sha256Hex(data: string | Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

export async function authenticateCounter(
  store: Store,
  req: FastifyRequest,
  rawBody: Buffer,
  now: number,
): Promise<CounterCtx> {
  const counterId = header(req, HEADERS.counter);
  const timestamp = header(req, HEADERS.timestamp);
  const nonce = header(req, HEADERS.nonce);
  const signature = header(req, HEADERS.signature);
  if (!counterId || !timestamp || !nonce || !signature) throw new AppError('SYNC_UNSIGNED');
  if (!NONCE_RE.test(nonce) || !/^\d{1,16}$/.test(timestamp) || counterId.length > 64)
    throw new AppError('SYNC_UNSIGNED', { detail: 'malformed signature headers' });
  if (Math.abs(now - Number(timestamp)) > TIMESTAMP_WINDOW_MS) throw new AppError('SYNC_STALE_REQUEST');
  const [c] = await store.query<{
    slot_id: string;
    hall_id: string;
    hall_code: string;
    time_zone: string;
    state: string;
    public_key: string | null;
  }>(
    `SELECT c.slot_id, c.hall_id, h.code AS hall_code, h.time_zone, c.state, c.public_key
       FROM counters c JOIN halls h ON h.id = c.hall_id WHERE c.counter_id = $1`,
    [counterId],
  );
  if (!c?.public_key) throw new AppError('SYNC_UNKNOWN_COUNTER');
  const message = signingString({
    method: req.method,
    path: req.url,
    timestamp,
    nonce,
    counterId,
    bodySha256: sha256Hex(rawBody),
  });
  let good = false;
  try {
    good = verify(null, Buffer.from(message), keyOf(c.public_key), Buffer.from(signature, 'base64'));
  } catch {
    good = false;
  }
  if (!good) throw new AppError('SYNC_BAD_SIGNATURE');
  if (c.state === 'revoked') throw new AppError('COUNTER_REVOKED');
  const offset = Number(header(req, HEADERS.clockOffset));
  return {
    slotId: c.slot_id,
    counterId,
    hallId: c.hall_id,
    hallCode: c.hall_code,
    timeZone: c.time_zone,
    nonce,
    clockSkewMs: Number.isFinite(offset) ? Math.round(offset) : null,
  };
}

/** Records the nonce in the caller's transaction; a second request with it is a replay. */
export async function claimNonce(q: Queryable, ctx: CounterCtx, now: number): Promise<void> {
  const rows = await q.query(
    `INSERT INTO nonces (counter_id, nonce, expires_at) VALUES ($1, $2, $3)
     ON CONFLICT DO NOTHING RETURNING 1`,
    [ctx.counterId, ctx.nonce, new Date(now + NONCE_TTL_MS).toISOString()],
  );
  if (rows.length === 0) throw new AppError('SYNC_REPLAYED');
  if (Math.random() < 0.02)
    await q.query('DELETE FROM nonces WHERE expires_at < $1', [new Date(now).toISOString()]);
}
