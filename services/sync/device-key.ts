/**
 * The counter's device credential: an Ed25519 key pair made on the counter at enrollment. Head office keeps
 * the public half; the private half is sealed at rest by the counter's key protector (App.keyProtector, as
 * the card master key: the OS keychain in the desktop app, AES-256-GCM under a 0600 key file in serve mode)
 * and stored in `secrets`. It never appears in config, logs or the ledger. Runtime: Node.
 */
import { createPrivateKey, generateKeyPairSync, type KeyObject, sign } from 'node:crypto';
import type { App } from '../app';
import type { KeyProtector } from '../cards/key-vault';

const NAME = 'sync-device-key';

export interface DeviceKey {
  /** SPKI DER, base64: what head office stores. */
  readonly publicKey: string;
  sign(message: string): string;
  /** The private key itself, for a worker thread of this process that signs too (the pull worker). */
  readonly privateKey?: KeyObject;
}

function wrap(privateKey: KeyObject, publicKey: string): DeviceKey {
  return { publicKey, privateKey, sign: (m) => sign(null, Buffer.from(m), privateKey).toString('base64') };
}

/** A new key pair, not stored yet (enrollment stores it once head office accepted it). */
export function newDeviceKey(): DeviceKey & { readonly pkcs8: Buffer } {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const pub = publicKey.export({ format: 'der', type: 'spki' }).toString('base64');
  return { ...wrap(privateKey, pub), pkcs8: privateKey.export({ format: 'der', type: 'pkcs8' }) };
}

/** Inside the caller's transaction. */
export function storeDeviceKey(app: App, pkcs8: Buffer, protector: KeyProtector): void {
  app.gdb.sqlite
    .prepare('INSERT OR REPLACE INTO secrets (name, sealed, created_at) VALUES (?, ?, ?)')
    .run(NAME, Buffer.from(protector.seal(pkcs8)).toString('base64'), app.nowIso());
}

export function loadDeviceKey(app: App, publicKey: string, protector: KeyProtector): DeviceKey {
  const row = app.gdb.sqlite.prepare('SELECT sealed FROM secrets WHERE name = ?').get(NAME) as
    | { sealed: string }
    | undefined;
  if (!row) throw new Error('the device key is missing: enroll this counter again');
  const der = Buffer.from(protector.unseal(Buffer.from(row.sealed, 'base64')));
  return wrap(createPrivateKey({ key: der, format: 'der', type: 'pkcs8' }), publicKey);
}
