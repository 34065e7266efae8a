/**
 * The desktop app's secrets: the card master key and the head-office device key (which signs receipts too) are sealed by
 * the OS keychain (a test double of Electron's safeStorage, tests/support/fake-electron.ts), never by the key
 * file; a counter that sealed with the key file before has its secrets moved; and the desktop shell syncs on
 * its schedule as `gasdesk serve` does.
 */
import { APP_INDEX } from '../../electron/app-url';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { INVOKE_CHANNEL } from '../../electron/ipc';
import { moveSecretsToKeychain, safeStorageProtector } from '../../electron/safe-storage';
import { startShell } from '../../electron/shell';
import { App } from '../../services/app';
import { cardMasterKey } from '../../services/cards/key-vault';
import { initializeCounter } from '../../services/setup/initialize';
import { enrollCounter } from '../../services/sync/enroll';
import { runSync } from '../../services/sync/run-sync';
import { tempDir } from '../support/app';
import { withRequestId } from '../support/request-id';
import { fakeElectron, fakeSafeStorage } from '../support/fake-electron';
import type { Json } from '../support/json';
import { registerCounter, startHeadOffice, type TestHeadOffice } from '../support/head-office';

const PASSWORD = 'desk-pass-1234';
let ho: TestHeadOffice;
beforeAll(async () => {
  ho = await startHeadOffice();
});
afterAll(() => ho?.close());

async function enrolledCounter(app: App, hallCode: string) {
  await initializeCounter(app, {
    hallCode,
    hallName: '测试营业厅',
    counterCode: '01',
    counterName: '1号窗口',
    admin: { username: 'admin', displayName: '管理员', password: PASSWORD },
  });
  await enrollCounter(app, { server: ho.url, code: await registerCounter(ho, hallCode, '01') });
}

const secrets = (app: App) =>
  (
    app.gdb.sqlite.prepare('SELECT name, sealed FROM secrets ORDER BY name').all() as {
      name: string;
      sealed: string;
    }[]
  ).map((r) => ({ name: r.name, tag: Buffer.from(r.sealed, 'base64').subarray(0, 5).toString('latin1') }));
const ALL_KEYCHAIN = ['card-master-key', 'sync-device-key'].map((name) => ({
  name,
  tag: 'gdk1:',
}));

describe('the desktop app’s secrets', () => {
  it('seals the card master key and the device key with the OS keychain, and makes no key file', async () => {
    const dir = tempDir('gasdesk-desk-');
    const keychain = fakeSafeStorage();
    const app = new App({ dataDir: dir, keyProtector: safeStorageProtector(keychain) });
    try {
      await enrolledCounter(app, '0311');
      cardMasterKey(app, app.keyProtector);
      expect(secrets(app)).toEqual(ALL_KEYCHAIN);
      expect(keychain.sealed).toBe(2);
      expect(existsSync(join(dir, 'keys'))).toBe(false);
      expect(await runSync(app)).toMatchObject({ ok: true }); // the device key opens from the keychain
    } finally {
      app.close();
    }
  });

  it('moves what the key file sealed into the keychain, once, keeping every key', async () => {
    const dir = tempDir('gasdesk-desk-');
    const serve = new App({ dataDir: dir });
    await enrolledCounter(serve, '0312');
    const card = cardMasterKey(serve, serve.keyProtector);
    serve.close();
    const desktop = new App({ dataDir: dir, keyProtector: safeStorageProtector(fakeSafeStorage()) });
    try {
      expect(moveSecretsToKeychain(desktop, desktop.keyProtector)).toEqual({
        moved: ['card-master-key', 'sync-device-key'],
        unreadable: [],
      });
      expect(secrets(desktop)).toEqual(ALL_KEYCHAIN);
      expect(cardMasterKey(desktop, desktop.keyProtector)).toEqual(card);
      expect(await runSync(desktop)).toMatchObject({ ok: true });
      expect(moveSecretsToKeychain(desktop, desktop.keyProtector)).toEqual({ moved: [], unreadable: [] });
      const audits = desktop.gdb.sqlite.prepare("SELECT count(*) FROM audit WHERE action = 'keys.resealed'");
      expect(audits.pluck().get()).toBe(1);
    } finally {
      desktop.close();
    }
  });

  it('the desktop shell syncs on its schedule from start, as gasdesk serve does (no button pressed)', async () => {
    const root = tempDir('gasdesk-desk-');
    const keychain = fakeSafeStorage();
    const before = new App({ dataDir: join(root, 'data'), keyProtector: safeStorageProtector(keychain) });
    await enrolledCounter(before, '0313');
    before.close();
    process.env.GASDESK_DATA = join(root, 'data');
    const f = fakeElectron(root, keychain);
    startShell(f.api, { outDir: join(root, 'out') });
    f.ready();
    try {
      await vi.waitFor(() => expect(f.windows).toHaveLength(1));
      const invoke = f.handlers.get(INVOKE_CHANNEL) as (ev: unknown, ...a: unknown[]) => Promise<Json>;
      const frame = { senderFrame: { url: APP_INDEX, parent: null } };
      const login = await invoke(
        frame,
        'auth.login',
        withRequestId('auth.login', { username: 'admin', password: PASSWORD }),
      );
      const sid = login.result.sessionId as string;
      await vi.waitFor(
        async () => {
          const s = await invoke(frame, 'sync.status', {}, sid);
          expect(s.result).toMatchObject({
            lastSuccessAt: expect.any(String),
            nextRunAt: expect.any(String),
          });
        },
        { timeout: 30_000, interval: 200 },
      );
    } finally {
      f.api.app.emit('window-all-closed');
      delete process.env.GASDESK_DATA;
    }
  });
});
