/**
 * Enrollment: the counter exchanges a one-time code for its device identity. Head office checks the code
 * (unused, unexpired), that the counter's hall and counter codes are the ones registered, that the counter id
 * was never enrolled, and that the counter holds the private half of the key it sends. Runtime: Node.
 */
import { createPublicKey, verify } from 'node:crypto';
import { AppError } from '../../core/errors';
import { enrollmentProofString } from '../../core/sync/signing';
import type { EnrollRequest, EnrollResponse } from '../../core/sync/wire';
import type { Store } from '../pg/store';
import { codeHash } from './org';

function proofHolds(req: EnrollRequest): boolean {
  try {
    const key = createPublicKey({ key: Buffer.from(req.publicKey, 'base64'), format: 'der', type: 'spki' });
    if (key.asymmetricKeyType !== 'ed25519') return false;
    return verify(
      null,
      Buffer.from(enrollmentProofString(req.code, req.counterId, req.publicKey)),
      key,
      Buffer.from(req.proof, 'base64'),
    );
  } catch {
    return false;
  }
}

export async function enroll(store: Store, req: EnrollRequest, nowMs: number): Promise<EnrollResponse> {
  if (!proofHolds(req))
    throw new AppError('SYNC_BAD_SIGNATURE', { detail: 'enrollment proof does not verify' });
  return store.tx(async (q) => {
    const [code] = await q.query<{ slot_id: string; expires_at: string; used_at: string | null }>(
      'SELECT slot_id, expires_at, used_at FROM enrollment_codes WHERE code_hash = $1 FOR UPDATE',
      [codeHash(req.code)],
    );
    if (!code || code.used_at || Date.parse(code.expires_at) < nowMs)
      throw new AppError('ENROLLMENT_CODE_INVALID');
    const [slot] = await q.query<{
      state: string;
      code: string;
      name: string;
      hall_code: string;
      hall_name: string;
      time_zone: string;
    }>(
      `SELECT c.state, c.code, c.name, h.code AS hall_code, h.name AS hall_name, h.time_zone
         FROM counters c JOIN halls h ON h.id = c.hall_id WHERE c.slot_id = $1 FOR UPDATE OF c`,
      [code.slot_id],
    );
    if (slot?.state !== 'awaiting_enrollment') throw new AppError('ENROLLMENT_CODE_INVALID');
    if (slot.hall_code !== req.hallCode || slot.code !== req.counterCode)
      throw new AppError('ENROLLMENT_MISMATCH', {
        detail: `head office registered ${slot.hall_code}-${slot.code}, the counter is ${req.hallCode}-${req.counterCode}`,
      });
    const taken = await q.query('SELECT 1 FROM counters WHERE counter_id = $1', [req.counterId]);
    if (taken.length > 0) throw new AppError('COUNTER_ALREADY_ENROLLED');
    const enrolledAt = new Date(nowMs).toISOString();
    await q.query(
      `UPDATE counters SET state = 'active', counter_id = $2, public_key = $3, enrolled_at = $4 WHERE slot_id = $1`,
      [code.slot_id, req.counterId, req.publicKey, enrolledAt],
    );
    await q.query('UPDATE enrollment_codes SET used_at = $2 WHERE code_hash = $1', [
      codeHash(req.code),
      enrolledAt,
    ]);
    return {
      counterId: req.counterId,
      slotId: code.slot_id,
      hallCode: slot.hall_code,
      hallName: slot.hall_name,
      counterCode: slot.code,
      counterName: slot.name,
      timeZone: slot.time_zone,
      enrolledAt,
    };
  });
}
