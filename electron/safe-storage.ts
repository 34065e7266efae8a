/**
 * Seals secrets with the OS keychain through Electron's safeStorage (DPAPI on Windows, the Secret Service or
 * kwallet on Linux): the card master key and the device credentials never sit in plain text on disk. Falls back
 * to the data folder's key file when the OS offers no keychain (the shell logs it). Runtime: Electron main.
 */
import type { SafeStorage } from 'electron';
import type { KeyProtector } from '../services/cards/key-vault';

export function safeStorageProtector(safeStorage: SafeStorage): KeyProtector {
  return {
    seal: (plain) => new Uint8Array(safeStorage.encryptString(Buffer.from(plain).toString('base64'))),
    unseal: (sealed) => new Uint8Array(Buffer.from(safeStorage.decryptString(Buffer.from(sealed)), 'base64')),
  };
}
