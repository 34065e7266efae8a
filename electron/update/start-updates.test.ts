/**
 * The shell's schedule of update checks: off (and saying why) unless the package is built with the company's
 * public key and update folder; otherwise a first check jittered over a quarter of an hour, logged.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it, vi } from 'vitest';
import type { UpdaterLike } from './signed-updates';
import { feedUrlOf, startUpdates } from './start-updates';

const updaterDouble = (): UpdaterLike => ({
  autoDownload: true,
  autoInstallOnAppQuit: true,
  disableWebInstaller: false,
  disableDifferentialDownload: false,
  checkForUpdates: async () => null,
  downloadUpdate: async () => [],
  quitAndInstall: () => {},
});

function dirs(opts: { key?: boolean; yml?: string }) {
  const root = mkdtempSync(join(tmpdir(), 'gasdesk-upd-'));
  mkdirSync(join(root, 'out', 'electron'), { recursive: true });
  mkdirSync(join(root, 'resources'));
  if (opts.key) writeFileSync(join(root, 'out', 'electron', 'update-public-key.pem'), 'KEY');
  if (opts.yml) writeFileSync(join(root, 'resources', 'app-update.yml'), opts.yml);
  return { outDir: join(root, 'out'), resourcesDir: join(root, 'resources') };
}

it('reads the update folder from electron-builder’s app-update.yml', () => {
  expect(
    feedUrlOf('provider: generic\nurl: http://10.0.0.5/gasdesk/\nupdaterCacheDirName: gasdesk-updater\n'),
  ).toBe('http://10.0.0.5/gasdesk/');
  expect(feedUrlOf("provider: generic\nurl: 'https://upd.example/g'\n")).toBe('https://upd.example/g');
  expect(feedUrlOf('provider: generic\n')).toBeNull();
});

it('stays off, saying why, when not packaged, without a public key or without an update folder', () => {
  const lines: string[] = [];
  const log = (_l: string, m: string) => lines.push(m);
  const updater = vi.fn(updaterDouble);
  const yml = 'provider: generic\nurl: http://127.0.0.1:9/\n';
  startUpdates({ ...dirs({ key: true, yml }), version: '1.0.0', isPackaged: false, updater, log });
  startUpdates({ ...dirs({ yml }), version: '1.0.0', isPackaged: true, updater, log });
  startUpdates({ ...dirs({ key: true }), version: '1.0.0', isPackaged: true, updater, log });
  expect(lines.map((l) => l.slice(0, l.indexOf(':')))).toEqual([
    'auto-update off (not packaged)',
    expect.stringMatching(/^auto-update off \(no .*update-public-key\.pem\)$/),
    expect.stringMatching(/^auto-update off \(no url in .*app-update\.yml\)$/),
  ]);
  expect(lines[0]).toContain('自动更新未启用');
  expect(updater).not.toHaveBeenCalled();
});

it('checks first after the start delay plus its jitter, logs the result, and stops', async () => {
  vi.useFakeTimers();
  try {
    const lines: string[] = [];
    const s = startUpdates({
      ...dirs({ key: true, yml: 'provider: generic\nurl: http://127.0.0.1:9/gasdesk/\n' }),
      version: '1.0.0',
      isPackaged: true,
      updater: updaterDouble,
      log: (level, m) => lines.push(`${level} ${m}`),
      random: () => 0.5,
    });
    await vi.advanceTimersByTimeAsync(120_000 + 7.5 * 60_000 - 1);
    expect(lines).toEqual([]);
    vi.useRealTimers();
    await s.checkNow?.();
    expect(lines[0]).toMatch(/^warn update: UPDATE_FEED_UNREACHABLE 无法连接公司的更新目录/);
    s.stop();
  } finally {
    vi.useRealTimers();
  }
});
