/**
 * The desktop shell, written against the Electron API handed in (so it is tested with a fake): one instance,
 * one window, the services' dispatcher on IPC (plus office printing of contract documents), secrets sealed by
 * the OS keychain (no keychain: it does not start), devices owned here and let go on quit (device-release.ts),
 * backups and sync scheduled as in serve mode, the UI served from app:// (app-protocol.ts), navigation and new
 * windows blocked, permissions denied, crashes logged, signed auto-update scheduled (update/). No business logic.
 * Runtime: Electron main.
 */
import { join } from 'node:path';
import type * as Electron from 'electron';
import { createDispatcher } from '../services/api';
import { App } from '../services/app';
import { startBackgroundWork } from '../services/background';
import { plugConfiguredReader, recoverAtStart, releaseDevices } from '../services/cards/attach';
import { APP_SCHEME_PRIVILEGES, serveApp } from './app-protocol';
import { APP_INDEX, APP_SCHEME, isAppUrl } from './app-url';
import { checkIdReaderAtStart, releaseIdReader } from '../services/idcard/id-reader-station';
import { releaseOnQuit, type Signals } from './device-release';
import { registerIpc } from './ipc';
import { registerPrintHtml } from './print-html';
import { type LogFile, rotatingLog } from './log';
import { appMenu } from './menu';
import type { UpdaterLike } from './update/signed-updates';
import { startUpdates } from './update/start-updates';
import { keychainProblem, moveSecretsToKeychain, safeStorageProtector } from './safe-storage';

export type ElectronApi = Pick<
  typeof Electron,
  'app' | 'BrowserWindow' | 'ipcMain' | 'session' | 'shell' | 'Menu' | 'dialog' | 'safeStorage' | 'protocol'
>;

export interface ShellPaths {
  /** The folder holding renderer/index.html and electron/preload.cjs (out/ in a build). */
  outDir: string;
}

const NO_KEYCHAIN_ZH =
  '本机没有可用的系统钥匙串（Windows 数据保护，或 Linux 的 Secret Service / KWallet），柜台的密钥无法安全保存，' +
  '程序不会启动。请在系统中启用钥匙串服务并登录后再打开 GasDesk，或联系技术人员。';

export const WEB_PREFERENCES = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  webSecurity: true,
  spellcheck: false,
} as const;

export function guardWindow(win: Electron.BrowserWindow, shell: ElectronApi['shell']): void {
  win.webContents.on('will-navigate', (e, url) => {
    if (!isAppUrl(url)) e.preventDefault();
  });
  win.webContents.setWindowOpenHandler(({ url }) => {
    if (url.startsWith('https://')) void shell.openExternal(url);
    return { action: 'deny' };
  });
}

export function startShell(
  e: ElectronApi,
  paths: ShellPaths,
  opts: { signals?: Signals; updater?: () => UpdaterLike } = {},
): { log: LogFile } {
  const { app, BrowserWindow, ipcMain, session } = e;
  const log = rotatingLog(join(app.getPath('userData'), 'logs'));
  process.on('uncaughtException', (err) => log.write('error', 'uncaught exception', err));
  process.on('unhandledRejection', (err) => log.write('error', 'unhandled rejection', err));
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return { log };
  }
  const rendererDir = join(paths.outDir, 'renderer');
  // The UI's own scheme (app-protocol.ts), registered before the app is ready, as Electron requires.
  e.protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: APP_SCHEME_PRIVILEGES }]);
  let win: Electron.BrowserWindow | null = null;

  const createWindow = () => {
    win = new BrowserWindow({
      width: 1366,
      height: 768,
      minWidth: 1280,
      minHeight: 720,
      title: 'GasDesk 燃气营业厅柜台系统',
      webPreferences: { ...WEB_PREFERENCES, preload: join(paths.outDir, 'electron', 'preload.cjs') },
    });
    guardWindow(win, e.shell);
    win.webContents.on('render-process-gone', (_ev, details) => {
      log.write('error', `renderer gone: ${details.reason}`);
      win?.reload();
    });
    void win.loadURL(APP_INDEX);
  };

  app.on('second-instance', () => {
    if (win?.isMinimized()) win.restore();
    win?.focus();
  });

  void app.whenReady().then(async () => {
    e.protocol.handle(APP_SCHEME, (request) => serveApp(rendererDir, request));
    session.defaultSession.setPermissionRequestHandler((_wc, _permission, cb) => cb(false));
    session.defaultSession.setPermissionCheckHandler(() => false);
    const dataDir = process.env.GASDESK_DATA ?? join(app.getPath('userData'), 'data');
    const problem = keychainProblem(e.safeStorage);
    if (problem) {
      log.write('error', `not started: ${problem}`);
      e.dialog.showErrorBox('无法启动 GasDesk', NO_KEYCHAIN_ZH);
      app.quit();
      return;
    }
    const protector = safeStorageProtector(e.safeStorage);
    const counter = new App({
      dataDir,
      version: app.getVersion(),
      sqliteBinding: process.env.GASDESK_SQLITE_BINDING,
      keyProtector: protector,
      printDir: process.env.GASDESK_PRINT_DIR,
    });
    const moved = moveSecretsToKeychain(counter, protector);
    if (moved.moved.length > 0)
      log.write('info', `secrets moved to the OS keychain: ${moved.moved.join(', ')}`);
    if (moved.unreadable.length > 0)
      log.write(
        'error',
        `secrets neither the keychain nor the key file opens: ${moved.unreadable.join(', ')}`,
      );
    if (counter.counter()) {
      plugConfiguredReader(counter, protector);
      const recovery = await recoverAtStart(counter, 'system');
      if (!recovery.ran && recovery.code) log.write('error', `${recovery.problem} [${recovery.code}]`);
      void checkIdReaderAtStart(counter).then((r) => {
        if (r && !r.ok) log.write('error', r.problem);
      });
    }
    const stopBackground = startBackgroundWork(counter, {
      onError: (what, err) => log.write('error', what, err),
    });
    const dispatcher = createDispatcher(counter, (m, err) => log.write('error', m, err));
    registerIpc(ipcMain, dispatcher);
    registerPrintHtml(ipcMain, dispatcher, e);
    e.Menu.setApplicationMenu(appMenu(e, counter, log));
    createWindow();
    // Auto-update from the company's signed update folder (electron/update), in a package built with its key.
    const updates = opts.updater
      ? startUpdates({
          outDir: paths.outDir,
          resourcesDir: process.resourcesPath,
          version: app.getVersion(),
          isPackaged: app.isPackaged,
          updater: opts.updater,
          log: (level, msg) => log.write(level, msg),
        })
      : null;
    releaseOnQuit(
      app,
      async () => {
        updates?.stop();
        stopBackground();
        await Promise.all([releaseDevices(counter), releaseIdReader(counter)]);
        counter.close();
      },
      opts.signals,
    );
  });
  return { log };
}
