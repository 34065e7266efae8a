/**
 * Verifies a counter's signed request (core/sync/signing.ts) in two steps. Before the body is read
 * (`identifyCounter`, run by the gate of server/http/gates.ts on the headers alone): headers present and well
 * formed, the timestamp within the window, the counter enrolled and not revoked — one query, whose row is kept
 * on the request. After the body is read (`authenticateCounter`, in the handler): the Ed25519 signature over
 * method, path, timestamp, nonce, counter and body hash, against the kept row's key. The nonce (never seen
 * before, or the request is a replay) is claimed by the handler in its own transaction, so a refused request
 * leaves nothing behind. Runtime: Node.
 */
import { createHash, createPublicKey, type KeyObject, verify } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { AppError } from '../../core/errors';
import { HEADERS, NONCE_RE, NONCE_TTL_MS, signingString, TIMESTAMP_WINDOW_MS } from '../../core/sync/signing';
import { Refusal } from '../http/refusal';
import type { Queryable, Store } from '../pg/store';

export interface CounterCtx {
  readonly slotId: string;
  readonly counterId: string;
  readonly hallId: string;
  readonly hallCode: string;
  /** The hall's IANA time zone: the days of the counter's digests (core/business-day.ts). */
  readonly timeZone: string;
  readonly nonce: string;
  /** The request's signed time (head office's clock as the counter estimates it): no operation is later. */
  readonly signedAtMs: number;
  /** The counter's clock minus head office's, as the counter reported it (ms), when it did. */
  readonly clockSkewMs: number | null;
}

/** The signature headers of a request, present and well formed. */
export interface SignatureHeaders {
  readonly counterId: string;
  readonly timestamp: string;
  readonly nonce: string;
  readonly signature: string;
}

/** A counter's row as head office knows it (enrolled: it has a public key). */
export interface EnrolledCounter {
  readonly slotId: string;
  readonly counterId: string;
  readonly hallId: string;
  readonly hallCode: string;
  /** The hall's IANA time zone (core/business-day.ts). */
  readonly timeZone: string;
  readonly state: string;
  readonly publicKey: string;
}

interface Identified {
  readonly headers: SignatureHeaders;
  readonly counter: EnrolledCounter;
}

const IDENTIFIED = Symbol('identifiedCounter');
type WithIdentity = FastifyRequest & { [IDENTIFIED]?: Identified };

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

/** Headers present and well formed (SYNC_UNSIGNED), the timestamp within the window (SYNC_STALE_REQUEST). */
export function readSignatureHeaders(req: FastifyRequest, now: number): SignatureHeaders {
  const counterId = header(req, HEADERS.counter);
  const timestamp = header(req, HEADERS.timestamp);
  const nonce = header(req, HEADERS.nonce);
  const signature = header(req, HEADERS.signature);
  if (!counterId || !timestamp || !nonce || !signature) {
    const named = { [HEADERS.counter]: counterId, [HEADERS.timestamp]: timestamp, [HEADERS.nonce]: nonce };
    const missing = Object.entries({ ...named, [HEADERS.signature]: signature }).filter(([, v]) => !v);
    throw new Refusal('SYNC_UNSIGNED', `missing ${missing.map(([k]) => k).join(', ')}`);
  }
  if (!NONCE_RE.test(nonce) || !/^\d{1,16}$/.test(timestamp) || counterId.length > 64)
    throw new Refusal('SYNC_UNSIGNED', 'malformed signature headers', { detail: '签名请求头格式不正确' });
  const off = now - Number(timestamp);
  if (Math.abs(off) > TIMESTAMP_WINDOW_MS)
    throw new Refusal(
      'SYNC_STALE_REQUEST',
      `timestamp ${Math.round(-off / 1000)} s from head office's clock`,
    );
  return { counterId, timestamp, nonce, signature };
}

/** The enrolled counter with this id, or null when head office has none (one query). */
export async function findCounter(store: Store, counterId: string): Promise<EnrolledCounter | null> {
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
  if (!c?.public_key) return null;
  return {
    slotId: c.slot_id,
    counterId,
    hallId: c.hall_id,
    hallCode: c.hall_code,
    timeZone: c.time_zone,
    state: c.state,
    publicKey: c.public_key,
  };
}

/** Refuses a counter head office does not serve: unknown (SYNC_UNKNOWN_COUNTER) or revoked (COUNTER_REVOKED). */
export function acceptCounter(c: EnrolledCounter | null): asserts c is EnrolledCounter {
  if (!c) throw new Refusal('SYNC_UNKNOWN_COUNTER', 'no enrolled counter has this id');
  if (c.state === 'revoked') throw new Refusal('COUNTER_REVOKED', 'the counter is revoked');
}

/** Keeps what the checks before the body found, for the signature check after it. */
export function rememberCounter(
  req: FastifyRequest,
  headers: SignatureHeaders,
  counter: EnrolledCounter,
): void {
  (req as WithIdentity)[IDENTIFIED] = { headers, counter };
}

/** Everything that can be checked before the body is read, in one go (the gate interleaves its rate limits). */
export async function identifyCounter(store: Store, req: FastifyRequest, now: number): Promise<Identified> {
  const headers = readSignatureHeaders(req, now);
  const counter = await findCounter(store, headers.counterId);
  acceptCounter(counter);
  rememberCounter(req, headers, counter);
  return { headers, counter };
}

/** The full check: the one before the body (kept on the request by the gate, else made now), then the signature. */
export async function authenticateCounter(
  store: Store,
  req: FastifyRequest,
  rawBody: Buffer,
  now: number,
): Promise<CounterCtx> {
  const { headers, counter } = (req as WithIdentity)[IDENTIFIED] ?? (await identifyCounter(store, req, now));
  const { counterId, timestamp, nonce, signature } = headers;
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
    good = verify(null, Buffer.from(message), keyOf(counter.publicKey), Buffer.from(signature, 'base64'));
  } catch {
    good = false;
  }
  if (!good) throw new Refusal('SYNC_BAD_SIGNATURE', 'the signature does not verify');
  const offset = Number(header(req, HEADERS.clockOffset));
  return {
    slotId: counter.slotId,
    counterId,
    hallId: counter.hallId,
    hallCode: counter.hallCode,
    timeZone: counter.timeZone,
    nonce,
    signedAtMs: Number(timestamp),
    clockSkewMs: Number.isFinite(offset) ? Math.round(offset) : null,
  };
}

/** Records a request's nonce ($1 counter id, $2 nonce, $3 expiry: nonceParams); a row back means it is new. */
export const NONCE_SQL = `INSERT INTO nonces (counter_id, nonce, expires_at) VALUES ($1, $2, $3)
  ON CONFLICT DO NOTHING RETURNING 1`;

export const nonceParams = (ctx: CounterCtx, now: number) => [
  ctx.counterId,
  ctx.nonce,
  new Date(now + NONCE_TTL_MS).toISOString(),
];

/** Now and then, forgets expired nonces. */
export async function sweepNonces(q: Queryable, now: number): Promise<void> {
  if (Math.random() < 0.02)
    await q.query('DELETE FROM nonces WHERE expires_at < $1', [new Date(now).toISOString()]);
}

/** Records the nonce in the caller's transaction; a second request with it is a replay. */
export async function claimNonce(q: Queryable, ctx: CounterCtx, now: number): Promise<void> {
  const rows = await q.query(NONCE_SQL, nonceParams(ctx, now));
  if (rows.length === 0) throw new AppError('SYNC_REPLAYED');
  await sweepNonces(q, now);
}
