/**
 * The QR code on every receipt (core/receipts/receipt-qr.ts): the counter, the receipt's id, number and amount,
 * signed with the counter's enrolled device key (Ed25519, services/sync/device-key.ts) so that head office —
 * which holds the public half — can check a receipt offline. A counter not yet enrolled has no such key and
 * prints the QR unsigned; verification then answers 未登记柜台，无法验证. Runtime: Node.
 */
import type { Sale } from '../../core/contract';
import { type ReceiptClaim, receiptQrText, receiptSigningString } from '../../core/receipts/receipt-qr';
import { getSyncState } from '../../db';
import type { App } from '../app';
import { type DeviceKey, loadDeviceKey } from '../sync/device-key';

/** The key does not change once enrolled (a counter enrols once): unsealed on first use. */
const keys = new WeakMap<App, DeviceKey>();

function enrolledKey(app: App): DeviceKey | null {
  const held = keys.get(app);
  if (held) return held;
  const state = getSyncState(app.gdb.sqlite);
  if (!state) return null;
  const key = loadDeviceKey(app, state.publicKey, app.keyProtector);
  keys.set(app, key);
  return key;
}

/** The QR text of a sale's receipt: signed when the counter is enrolled, unsigned before. */
export function receiptQr(
  app: App,
  sale: Pick<Sale, 'id' | 'receiptNo' | 'amountPaid'>,
  verifyUrl?: string,
): string {
  const claim: ReceiptClaim = {
    counterId: app.counter()!.counterId,
    saleId: sale.id,
    receiptNo: sale.receiptNo,
    amount: sale.amountPaid,
  };
  const key = enrolledKey(app);
  const signature = key
    ? Buffer.from(key.sign(receiptSigningString(claim)), 'base64').toString('base64url')
    : null;
  return receiptQrText(claim, signature, verifyUrl);
}
