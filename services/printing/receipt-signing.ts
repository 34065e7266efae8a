/**
 * The QR code on every receipt carries the receipt's id, number and amount and a signature (HMAC-SHA256 under
 * the counter's receipt key, sealed at rest like the card key) that head office can check. Runtime: Node.
 */
import { createHmac, randomBytes } from 'node:crypto';
import type { Sale } from '../../core/contract';
import type { App } from '../app';

const NAME = 'receipt-signing-key';

export function receiptKey(app: App): Uint8Array {
  const protector = app.keyProtector;
  const row = app.gdb.sqlite.prepare('SELECT sealed FROM secrets WHERE name = ?').get(NAME) as
    | { sealed: string }
    | undefined;
  if (row) return protector.unseal(Buffer.from(row.sealed, 'base64'));
  const key = new Uint8Array(randomBytes(32));
  app.transaction(() => {
    app.gdb.sqlite
      .prepare('INSERT INTO secrets (name, sealed, created_at) VALUES (?, ?, ?)')
      .run(NAME, Buffer.from(protector.seal(key)).toString('base64'), app.nowIso());
  });
  return key;
}

export function receiptQr(key: Uint8Array, sale: Pick<Sale, 'id' | 'receiptNo' | 'amountPaid'>): string {
  const sig = createHmac('sha256', key)
    .update(`${sale.id}|${sale.receiptNo}|${sale.amountPaid}`)
    .digest('hex')
    .slice(0, 16);
  return `gasdesk:r/${sale.id}?n=${sale.receiptNo}&a=${sale.amountPaid}&s=${sig}`;
}

export function verifyReceiptQr(key: Uint8Array, qr: string): boolean {
  const m = /^gasdesk:r\/([0-9a-f-]{36})\?n=([^&]+)&a=(-?\d+)&s=([0-9a-f]{16})$/.exec(qr);
  if (!m) return false;
  return receiptQr(key, { id: m[1]!, receiptNo: m[2]!, amountPaid: Number(m[3]) }) === qr;
}
