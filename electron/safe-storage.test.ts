import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fileKeyProtector } from '../services/cards/key-vault';
import { fakeSafeStorage } from '../tests/support/fake-electron';
import { keychainProblem, safeStorageProtector } from './safe-storage';

describe('sealing with the OS keychain', () => {
  it('takes no keychain, or Linux’s basic_text, as no keychain', () => {
    expect(keychainProblem(fakeSafeStorage({ available: false }), 'win32')).toMatch(/no keychain/);
    expect(keychainProblem(fakeSafeStorage({ backend: 'basic_text' }), 'linux')).toMatch(/basic_text/);
    expect(keychainProblem(fakeSafeStorage({ backend: 'gnome_libsecret' }), 'linux')).toBeNull();
    expect(keychainProblem(fakeSafeStorage({ backend: 'kwallet5' }), 'linux')).toBeNull();
    expect(keychainProblem(fakeSafeStorage(), 'win32')).toBeNull();
  });

  it('seals through safeStorage and opens its own seals, tagged or from before the tag', () => {
    const keychain = fakeSafeStorage();
    const p = safeStorageProtector(keychain);
    const secret = new Uint8Array([1, 2, 3, 250, 251, 252]);
    const sealed = p.seal(secret);
    expect(keychain.sealed).toBe(1);
    expect(Buffer.from(sealed).includes(Buffer.from(secret))).toBe(false);
    expect(p.unseal(sealed)).toEqual(secret);
    // What safeStorageProtector wrote before its seals were tagged: safeStorage's own bytes.
    const older = keychain.encryptString(Buffer.from(secret).toString('base64'));
    expect(p.unseal(older)).toEqual(secret);
    // Another keychain (another user, another machine) cannot open it.
    expect(() => safeStorageProtector(fakeSafeStorage()).unseal(sealed)).toThrow();
  });

  it('never takes a key-file seal for its own, though safeStorage hands unknown bytes back as plain text', () => {
    const keychain = fakeSafeStorage();
    const fileSealed = fileKeyProtector(mkdtempSync(join(tmpdir(), 'gasdesk-kek-'))).seal(new Uint8Array(32));
    expect(() => keychain.decryptString(Buffer.from(fileSealed))).not.toThrow();
    expect(() => safeStorageProtector(keychain).unseal(fileSealed)).toThrow(/not sealed by the OS keychain/);
  });
});
