/**
 * Verifying a receipt's QR code at head office (core/receipts/receipt-qr.ts): the counter it names is looked up
 * by its id, and the signature checked against the Ed25519 public key that counter enrolled with. Receipts a
 * revoked counter printed still verify (they were signed while it was trusted); the answer names its state.
 * Runtime: Node.
 */
import { createPublicKey, verify } from 'node:crypto';
import { judgeReceipt, parseReceiptQr, type ReceiptVerdict } from '../../core/receipts/receipt-qr';
import type { Queryable } from '../pg/store';

/** Whether an Ed25519 signature (base64url) of `message` verifies under a public key (SPKI DER, base64). */
export function ed25519Verifies(publicKey: string, message: string, signatureBase64url: string): boolean {
  try {
    const key = createPublicKey({ key: Buffer.from(publicKey, 'base64'), format: 'der', type: 'spki' });
    return verify(null, Buffer.from(message), key, Buffer.from(signatureBase64url, 'base64url'));
  } catch {
    return false;
  }
}

/** Offline: the QR checked against a public key given by whoever asks (no counter details). */
export function verifyReceiptWithKey(qr: string, publicKey: string): ReceiptVerdict {
  return judgeReceipt(parseReceiptQr(qr), publicKey, ed25519Verifies);
}

export async function verifyReceipt(q: Queryable, qr: string): Promise<ReceiptVerdict> {
  const parsed = parseReceiptQr(qr);
  if (parsed.kind === 'malformed' || parsed.kind === 'legacy')
    return judgeReceipt(parsed, null, ed25519Verifies);
  const [c] = await q.query<{
    hallCode: string;
    code: string;
    name: string;
    state: string;
    publicKey: string | null;
  }>(
    `SELECT h.code AS "hallCode", c.code, c.name, c.state, c.public_key AS "publicKey"
       FROM counters c JOIN halls h ON h.id = c.hall_id WHERE c.counter_id = $1`,
    [parsed.claim.counterId],
  );
  const counter = c ? { hallCode: c.hallCode, code: c.code, name: c.name, state: c.state } : null;
  return judgeReceipt(parsed, c?.publicKey ?? null, ed25519Verifies, counter);
}
