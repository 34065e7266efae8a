/**
 * The card master key, sealed at rest. The key itself never appears in config, logs or the ledger: it is
 * generated (or received from head office) once, sealed by a KeyProtector and stored in `secrets`.
 * The default protector seals with AES-256-GCM under a key-encryption key kept in a 0600 file of the data
 * folder; the desktop shell supplies one backed by the OS keychain (Electron safeStorage). Runtime: Node.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ownerOnlyDir, ownerOnlyFiles } from '../../db';
import type { App } from '../app';

export interface KeyProtector {
  seal(plain: Uint8Array): Uint8Array;
  unseal(sealed: Uint8Array): Uint8Array;
}

/**
 * AES-256-GCM with a key-encryption key from a file only the counter's user can read (its folder too; both
 * tightened each time it is opened). Serve mode and the command line only: the desktop app seals with the OS
 * keychain (electron/safe-storage.ts).
 */
export function fileKeyProtector(dataDir: string): KeyProtector {
  const dir = join(dataDir, 'keys');
  const file = join(dir, 'kek');
  ownerOnlyDir(dir);
  if (!existsSync(file)) writeFileSync(file, randomBytes(32), { mode: 0o600, flag: 'wx' });
  ownerOnlyFiles(file);
  const kek = readFileSync(file);
  if (kek.length !== 32) throw new Error('the key-encryption key file is damaged');
  return {
    seal(plain) {
      const iv = randomBytes(12);
      const c = createCipheriv('aes-256-gcm', kek, iv);
      const body = Buffer.concat([c.update(plain), c.final()]);
      return Buffer.concat([Buffer.from([1]), iv, c.getAuthTag(), body]);
    },
    unseal(sealed) {
      const b = Buffer.from(sealed);
      if (b[0] !== 1) throw new Error('unknown sealing version');
      const d = createDecipheriv('aes-256-gcm', kek, b.subarray(1, 13));
      d.setAuthTag(b.subarray(13, 29));
      return new Uint8Array(Buffer.concat([d.update(b.subarray(29)), d.final()]));
    },
  };
}

const MASTER = 'card-master-key';

/** The card master key: unsealed on demand, created sealed on first use. */
export function cardMasterKey(app: App, protector: KeyProtector): Uint8Array {
  const row = app.gdb.sqlite.prepare('SELECT sealed FROM secrets WHERE name = ?').get(MASTER) as
    | { sealed: string }
    | undefined;
  if (row) return protector.unseal(Buffer.from(row.sealed, 'base64'));
  const key = new Uint8Array(randomBytes(32));
  app.transaction(() => {
    app.gdb.sqlite
      .prepare('INSERT INTO secrets (name, sealed, created_at) VALUES (?, ?, ?)')
      .run(MASTER, Buffer.from(protector.seal(key)).toString('base64'), app.nowIso());
    app
      .ledger()
      .auditOnly(
        { action: 'keys.cardMasterKeyCreated', summary: '生成读写卡主密钥（已加密保存）' },
        { entityType: 'counter', entityId: app.counter()!.counterId, operatorId: null },
      );
  });
  return key;
}

/** Whether the data folder holds the key file (secrets were sealed with it at some time). */
export function hasKeyFile(dataDir: string): boolean {
  return existsSync(join(dataDir, 'keys', 'kek'));
}

function opens(p: KeyProtector, sealed: Uint8Array): boolean {
  try {
    p.unseal(sealed);
    return true;
  } catch {
    return false;
  }
}

/**
 * Moves secrets sealed by `from` (the key file) to `to` (the desktop app's OS keychain): each secret `to`
 * cannot open but `from` can is sealed again by `to`, all in one transaction with an audit entry. A secret
 * neither opens is left as it is and named in `unreadable`.
 */
export function resealSecrets(
  app: App,
  from: KeyProtector,
  to: KeyProtector,
): { moved: string[]; unreadable: string[] } {
  const rows = app.gdb.sqlite.prepare('SELECT name, sealed FROM secrets ORDER BY name').all() as {
    name: string;
    sealed: string;
  }[];
  const moved: { name: string; sealed: string }[] = [];
  const unreadable: string[] = [];
  for (const r of rows) {
    const sealed = Buffer.from(r.sealed, 'base64');
    if (opens(to, sealed)) continue;
    if (!opens(from, sealed)) unreadable.push(r.name);
    else moved.push({ name: r.name, sealed: Buffer.from(to.seal(from.unseal(sealed))).toString('base64') });
  }
  if (moved.length > 0)
    app.transaction(() => {
      const update = app.gdb.sqlite.prepare('UPDATE secrets SET sealed = ? WHERE name = ?');
      for (const m of moved) update.run(m.sealed, m.name);
      app.ledger().auditOnly(
        {
          action: 'keys.resealed',
          summary: `密钥改由系统钥匙串保护：${moved.map((m) => m.name).join('、')}`,
        },
        { entityType: 'counter', entityId: app.counter()?.counterId ?? 'counter', operatorId: null },
      );
    });
  return { moved: moved.map((m) => m.name), unreadable };
}
