/**
 * Test doubles of the Electron API, for the desktop shell run in plain Node (the Electron binary cannot run in
 * the tests): just enough to watch what the shell does.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { vi } from 'vitest';
import type { ElectronApi } from '../../electron/shell';
import type { Keychain } from '../../electron/safe-storage';

export interface FakeSafeStorage extends Keychain {
  /** How many strings it sealed. */
  sealed: number;
}

/**
 * A test double of safeStorage behaving like Chromium's OSCrypt on Linux: it seals to `v11` + AES-GCM under a
 * key of its own, fails on a `v11` seal it did not make, and — as OSCrypt does with data from before it
 * encrypted anything — hands back as plain text whatever does not start with `v1`.
 */
export function fakeSafeStorage(
  opts: { available?: boolean; backend?: ReturnType<Required<Keychain>['getSelectedStorageBackend']> } = {},
): FakeSafeStorage {
  const key = randomBytes(32);
  const double: FakeSafeStorage = {
    sealed: 0,
    isEncryptionAvailable: () => opts.available ?? true,
    getSelectedStorageBackend: () => opts.backend ?? 'gnome_libsecret',
    encryptString(plain: string) {
      double.sealed++;
      const iv = randomBytes(12);
      const c = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([c.update(plain, 'utf8'), c.final()]);
      return Buffer.concat([Buffer.from('v11'), iv, c.getAuthTag(), body]);
    },
    decryptString(sealed: Buffer) {
      if (sealed.subarray(0, 2).toString() !== 'v1') return sealed.toString('latin1');
      const d = createDecipheriv('aes-256-gcm', key, sealed.subarray(3, 15));
      d.setAuthTag(sealed.subarray(15, 31));
      return Buffer.concat([d.update(sealed.subarray(31)), d.final()]).toString('utf8');
    },
  };
  return double;
}

/** A fake of the Electron API handed to startShell. */
export function fakeElectron(userData: string, safeStorage: Keychain = fakeSafeStorage()) {
  const windows: FakeWindow[] = [];
  class FakeWindow {
    readonly webContents = Object.assign(new EventEmitter(), {
      openHandler: undefined as undefined | ((d: { url: string }) => { action: string }),
      setWindowOpenHandler(h: (d: { url: string }) => { action: string }) {
        this.openHandler = h;
      },
    });
    loaded = '';
    constructor(readonly options: { webPreferences: Record<string, unknown> }) {
      windows.push(this);
    }
    loadURL(u: string) {
      this.loaded = u;
      return Promise.resolve();
    }
    isMinimized = () => false;
    restore() {}
    focus() {}
    reload() {}
  }
  const handlers = new Map<string, unknown>();
  const schemes: { scheme: string; privileges: Record<string, boolean> }[] = [];
  const protocols = new Map<string, (r: { url: string; method: string }) => Promise<Response>>();
  let permission: ((wc: unknown, p: string, cb: (ok: boolean) => void) => void) | undefined;
  let ready!: () => void;
  const app = Object.assign(new EventEmitter(), {
    getPath: () => userData,
    getVersion: () => '0.1.0',
    requestSingleInstanceLock: () => true,
    quit: vi.fn(),
    whenReady: () => new Promise<void>((r) => (ready = r)),
  });
  const api = {
    app,
    BrowserWindow: FakeWindow,
    ipcMain: { handle: (ch: string, fn: unknown) => handlers.set(ch, fn) },
    session: {
      defaultSession: {
        setPermissionRequestHandler: (h: typeof permission) => (permission = h),
        setPermissionCheckHandler: () => {},
      },
    },
    shell: { openExternal: vi.fn() },
    Menu: { buildFromTemplate: (t: unknown) => t, setApplicationMenu: vi.fn() },
    dialog: { showMessageBox: vi.fn(), showErrorBox: vi.fn() },
    safeStorage,
    protocol: {
      registerSchemesAsPrivileged: (s: typeof schemes) => schemes.push(...s),
      handle: (scheme: string, fn: (r: { url: string; method: string }) => Promise<Response>) =>
        protocols.set(scheme, fn),
    },
  } as unknown as ElectronApi;
  return { api, windows, handlers, schemes, protocols, ready: () => ready(), permission: () => permission };
}
