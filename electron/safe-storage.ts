/**
 * Seals secrets with the OS keychain through Electron's safeStorage (DPAPI on Windows, the Keychain on macOS,
 * the Secret Service or KWallet on Linux): the card master key and the head-office device key
 * never sit on disk in a form the data folder alone can open. The desktop app has no file fallback: without a
 * keychain worth the name (none, or Linux's `basic_text`, whose password is built into Chromium) it refuses to
 * start; the key file is for `gasdesk serve` only. Runtime: Electron main (plain Node, tested with a fake).
 */
import type { SafeStorage } from 'electron';
import type { App } from '../services/app';
import { fileKeyProtector, hasKeyFile, type KeyProtector, resealSecrets } from '../services/cards/key-vault';

export type Keychain = Pick<SafeStorage, 'isEncryptionAvailable' | 'encryptString' | 'decryptString'> &
  Partial<Pick<SafeStorage, 'getSelectedStorageBackend'>>;

/** Marks what this protector sealed, so that nothing else (a key-file seal) is ever taken for it. */
const TAG = Buffer.from('gdk1:');
/** safeStorage's own prefix (Chromium's OSCrypt v10/v11): seals made before the tag. */
const UNTAGGED = Buffer.from('v1');

/** Why the OS keychain cannot seal the counter's secrets, or null when it can. */
export function keychainProblem(safeStorage: Keychain, platform = process.platform): string | null {
  if (!safeStorage.isEncryptionAvailable()) return 'the OS offers no keychain';
  if (platform === 'linux' && safeStorage.getSelectedStorageBackend?.() === 'basic_text')
    return 'no Secret Service or KWallet (safeStorage would use basic_text)';
  return null;
}

export function safeStorageProtector(safeStorage: Keychain): KeyProtector {
  const open = (b: Buffer) => new Uint8Array(Buffer.from(safeStorage.decryptString(b), 'base64'));
  return {
    seal: (plain) =>
      new Uint8Array(Buffer.concat([TAG, safeStorage.encryptString(Buffer.from(plain).toString('base64'))])),
    unseal(sealed) {
      const b = Buffer.from(sealed);
      if (b.subarray(0, TAG.length).equals(TAG)) return open(b.subarray(TAG.length));
      if (b.subarray(0, UNTAGGED.length).equals(UNTAGGED)) return open(b);
      throw new Error('not sealed by the OS keychain');
    },
  };
}

/**
 * Moves into the keychain whatever the data folder's key file sealed before (a desktop app that once fell
 * back to it, or the device key, which used to be sealed by the key file whatever the app); `gasdesk serve`
 * on the same folder keeps the key file for older backups.
 */
export function moveSecretsToKeychain(
  counter: App,
  keychain: KeyProtector,
): ReturnType<typeof resealSecrets> {
  if (!hasKeyFile(counter.dataDir)) return { moved: [], unreadable: [] };
  return resealSecrets(counter, fileKeyProtector(counter.dataDir), keychain);
}
