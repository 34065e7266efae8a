/**
 * Halls and counters: register, issue a one-time enrollment code, revoke. Codes are random, shown once, stored
 * only as SHA-256, expire after a week, and die when a new one is issued. Runtime: Node.
 */
import { createHash, randomInt } from 'node:crypto';
import { uuidv7 } from '../../core/ids';
import { AppError } from '../../core/errors';
import { SKEW_FLAG_MS } from '../../core/sync/signing';
import type { CounterView, Hall } from '../../core/sync/wire-admin';
import type { Queryable, Store } from '../pg/store';

const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
export const CODE_TTL_MS = 7 * 24 * 3_600_000;

export const codeHash = (code: string) => createHash('sha256').update(code.toUpperCase()).digest('hex');

function newCode(): string {
  const part = () => Array.from({ length: 4 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
  return `${part()}-${part()}-${part()}`;
}

const COUNTER_VIEW = `SELECT c.slot_id AS "slotId", h.code AS "hallCode", c.code, c.name, c.state, c.counter_id AS "counterId", c.public_key AS "publicKey",
  c.enrolled_at AS "enrolledAt", c.revoked_at AS "revokedAt", c.revoked_reason AS "revokedReason", c.head_seq AS "headSeq",
  c.last_seen_at AS "lastSeenAt", c.clock_skew_ms AS "clockSkewMs",
  coalesce(abs(c.clock_skew_ms) > ${SKEW_FLAG_MS}, false) AS "clockSkewed", c.alert
  FROM counters c JOIN halls h ON h.id = c.hall_id`;

const HALL_VIEW = 'id, code, name, time_zone AS "timeZone", created_at AS "createdAt"';

export async function createHall(
  store: Store,
  input: { code: string; name: string; timeZone: string },
  nowMs: number,
): Promise<Hall> {
  const rows = await store.query<Hall>(
    `INSERT INTO halls (id, code, name, time_zone) VALUES ($1, $2, $3, $4) ON CONFLICT (code) DO NOTHING
     RETURNING ${HALL_VIEW}`,
    [uuidv7(nowMs), input.code, input.name, input.timeZone],
  );
  if (!rows[0]) throw new AppError('ALREADY_EXISTS', { detail: `hall ${input.code}` });
  return rows[0];
}

export async function listHalls(store: Store): Promise<Hall[]> {
  return store.query<Hall>(`SELECT ${HALL_VIEW} FROM halls ORDER BY code`);
}

export async function listCounters(q: Queryable, slotId?: string): Promise<CounterView[]> {
  return slotId
    ? q.query<CounterView>(`${COUNTER_VIEW} WHERE c.slot_id = $1`, [slotId])
    : q.query<CounterView>(`${COUNTER_VIEW} ORDER BY h.code, c.code`);
}

async function issueCode(q: Queryable, slotId: string, nowMs: number) {
  const code = newCode();
  const expiresAt = new Date(nowMs + CODE_TTL_MS).toISOString();
  await q.query('UPDATE enrollment_codes SET used_at = now() WHERE slot_id = $1 AND used_at IS NULL', [
    slotId,
  ]);
  await q.query('INSERT INTO enrollment_codes (code_hash, slot_id, expires_at) VALUES ($1, $2, $3)', [
    codeHash(code),
    slotId,
    expiresAt,
  ]);
  return { code, expiresAt };
}

export async function createCounter(
  store: Store,
  hallCode: string,
  input: { code: string; name: string },
  nowMs: number,
) {
  return store.tx(async (q) => {
    const [hall] = await q.query<{ id: string }>('SELECT id FROM halls WHERE code = $1', [hallCode]);
    if (!hall) throw new AppError('NOT_FOUND', { detail: `hall ${hallCode}` });
    const slotId = uuidv7(nowMs);
    const rows = await q.query(
      `INSERT INTO counters (slot_id, hall_id, code, name, state) VALUES ($1, $2, $3, $4, 'awaiting_enrollment')
       ON CONFLICT (hall_id, code) DO NOTHING RETURNING slot_id`,
      [slotId, hall.id, input.code, input.name],
    );
    if (rows.length === 0)
      throw new AppError('ALREADY_EXISTS', { detail: `counter ${hallCode}-${input.code}` });
    const enrollment = await issueCode(q, slotId, nowMs);
    const [counter] = await listCounters(q, slotId);
    return { counter: counter!, enrollment };
  });
}

export async function newEnrollmentCode(store: Store, slotId: string, nowMs: number) {
  return store.tx(async (q) => {
    const [c] = await q.query<{ state: string }>('SELECT state FROM counters WHERE slot_id = $1 FOR UPDATE', [
      slotId,
    ]);
    if (!c) throw new AppError('NOT_FOUND');
    if (c.state !== 'awaiting_enrollment') throw new AppError('COUNTER_ALREADY_ENROLLED');
    return issueCode(q, slotId, nowMs);
  });
}

export async function revokeCounter(
  store: Store,
  slotId: string,
  reason: string,
  nowMs: number,
): Promise<CounterView> {
  return store.tx(async (q) => {
    const rows = await q.query(
      `UPDATE counters SET state = 'revoked', revoked_at = $2, revoked_reason = $3 WHERE slot_id = $1 RETURNING slot_id`,
      [slotId, new Date(nowMs).toISOString(), reason],
    );
    if (rows.length === 0) throw new AppError('NOT_FOUND');
    await q.query('UPDATE enrollment_codes SET used_at = now() WHERE slot_id = $1 AND used_at IS NULL', [
      slotId,
    ]);
    return (await listCounters(q, slotId))[0]!;
  });
}
