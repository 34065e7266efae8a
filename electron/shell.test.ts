import { EventEmitter } from 'node:events';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { INVOKE_CHANNEL } from './ipc';
import { PRINT_HTML_CHANNEL } from './print-html';
import { rotatingLog } from './log';
import { fakeElectron, fakeSafeStorage } from '../tests/support/fake-electron';
import type { Signals } from './device-release';
import { startShell, WEB_PREFERENCES } from './shell';

/** Signals for the shell under test: never the test process's own. */
const signals = () => new EventEmitter() as unknown as Signals;

describe('the Electron shell', () => {
  it('opens one secure window on the app page, registers only the contract and office-print channels, denies permissions', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gasdesk-shell-'));
    process.env.GASDESK_DATA = join(dir, 'data');
    const f = fakeElectron(dir);
    startShell(f.api, { outDir: join(dir, 'out') }, { signals: signals() });
    f.ready();
    await vi.waitFor(() => expect(f.windows).toHaveLength(1));
    const win = f.windows[0]!;
    expect(win.options.webPreferences).toMatchObject({
      ...WEB_PREFERENCES,
      preload: join(dir, 'out', 'electron', 'preload.cjs'),
    });
    // The page comes from the app's own scheme, registered as standard and secure before the app was ready.
    expect(win.loaded).toBe('app://gasdesk/index.html');
    expect(f.schemes).toEqual([
      { scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) },
    ]);
    expect([...f.handlers.keys()]).toEqual([INVOKE_CHANNEL, PRINT_HTML_CHANNEL]);
    const decided = await new Promise((r) => f.permission()!({}, 'media', r));
    expect(decided).toBe(false);
    // Navigation away from the app is blocked, to a file too; new windows are denied.
    for (const url of [
      'https://evil.example/',
      `file://${join(dir, 'out', 'renderer', 'index.html')}`,
      'app://gasdesk.evil/index.html',
    ]) {
      const away = { preventDefault: vi.fn() };
      win.webContents.emit('will-navigate', away, url);
      expect(away.preventDefault, url).toHaveBeenCalled();
    }
    const home = { preventDefault: vi.fn() };
    win.webContents.emit('will-navigate', home, 'app://gasdesk/index.html');
    expect(home.preventDefault).not.toHaveBeenCalled();
    expect(win.webContents.openHandler!({ url: 'https://example.com' })).toEqual({ action: 'deny' });
    // Every contract operation goes through that one channel and the dispatcher's validation.
    const invoke = f.handlers.get(INVOKE_CHANNEL) as (
      ev: unknown,
      ...a: unknown[]
    ) => Promise<{ ok: boolean; result?: unknown; error?: { code: string } }>;
    const frame = { senderFrame: { url: 'app://gasdesk/index.html', parent: null } };
    expect(await invoke(frame, 'system.info', {})).toMatchObject({
      ok: true,
      result: { initialized: false },
    });
    expect((await invoke(frame, 'staff.drop', {})).error?.code).toBe('UNKNOWN_OPERATION');
    expect((await invoke(frame, 'setup.initialize', { hallCode: 1 })).error?.code).toBe('VALIDATION_FAILED');
    expect(
      (await invoke({ senderFrame: { url: 'https://evil.example/', parent: null } }, 'system.info', {})).error
        ?.code,
    ).toBe('FORBIDDEN_ORIGIN');
    // Closing the window quits; quitting waits until the devices and the database are let go.
    f.api.app.emit('window-all-closed');
    expect(f.api.app.quit).toHaveBeenCalledTimes(1);
    const quitting = { preventDefault: vi.fn() };
    f.api.app.emit('will-quit', quitting);
    expect(quitting.preventDefault).toHaveBeenCalled();
    await vi.waitFor(() => expect(f.api.app.quit).toHaveBeenCalledTimes(2));
    expect(await invoke(frame, 'system.info', {})).toMatchObject({ ok: false });
    delete process.env.GASDESK_DATA;
  });

  it('does not start without an OS keychain (none, or Linux’s basic_text): no key file, no database', async () => {
    for (const keychain of [
      fakeSafeStorage({ available: false }),
      ...(process.platform === 'linux' ? [fakeSafeStorage({ backend: 'basic_text' })] : []),
    ]) {
      const dir = mkdtempSync(join(tmpdir(), 'gasdesk-shell-'));
      process.env.GASDESK_DATA = join(dir, 'data');
      const f = fakeElectron(dir, keychain);
      startShell(f.api, { outDir: join(dir, 'out') }, { signals: signals() });
      f.ready();
      await vi.waitFor(() => expect(f.api.app.quit).toHaveBeenCalled());
      expect(f.api.dialog.showErrorBox).toHaveBeenCalledWith(
        '无法启动 GasDesk',
        expect.stringMatching(/钥匙串/),
      );
      expect(f.windows).toEqual([]);
      expect(f.handlers.size).toBe(0);
      expect(existsSync(join(dir, 'data'))).toBe(false);
      delete process.env.GASDESK_DATA;
    }
  });

  it('keeps its log with rotation', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gasdesk-log-'));
    const log = rotatingLog(dir, { maxBytes: 200, keep: 2 });
    for (let i = 0; i < 20; i++) log.write('error', `failure number ${i}`, new Error('boom'));
    expect(readdirSync(dir).sort()).toEqual(['gasdesk.1.log', 'gasdesk.2.log', 'gasdesk.log']);
    expect(readFileSync(log.path, 'utf8')).toContain('failure number 19');
  });
});
