/**
 * Per-card PSCs derived from a master key (HMAC-SHA256 of the card number), so that one leaked card never
 * opens another. The master key is handed in by the key holder (services), which stores it encrypted.
 * Runtime: Node.
 */
import { createHmac } from 'node:crypto';
import type { CardKeys } from './card-format';

export function derivePsc(masterKey: Uint8Array, cardNo: string): Uint8Array {
  const mac = createHmac('sha256', masterKey).update(`GasDesk-PSC-v1:${cardNo}`).digest();
  return new Uint8Array(mac.subarray(0, 3));
}

export function cardKeys(masterKey: Uint8Array): CardKeys {
  if (masterKey.length < 16) throw new RangeError('the master key must be at least 16 bytes');
  const key = Uint8Array.from(masterKey);
  return { pscFor: (cardNo) => derivePsc(key, cardNo) };
}
