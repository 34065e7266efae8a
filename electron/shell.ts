/**
 * The desktop shell, written against the Electron API handed in (so it is tested with a fake): one instance,
 * one window, the services' dispatcher on IPC (plus office printing of contract documents), devices owned here, backups scheduled, navigation and new
 * windows blocked, permissions denied, crashes logged. No business logic. Runtime: Electron main.
 */
import { join } from 'node:path';
import type * as Electron from 'electron';
import { createDispatcher } from '../services/api';
import { App } from '../services/app';
import { scheduleBackups } from '../services/backup/backups';
import { plugConfiguredReader, recoverAtStart } from '../services/cards/attach';
import { fileKeyProtector } from '../services/cards/key-vault';
import { syncEngine } from '../services/sync/engine';
import { isAppUrl } from './app-url';
import { registerIpc } from './ipc';
import { registerPrintHtml } from './print-html';
import { type LogFile, rotatingLog } from './log';
import { appMenu } from './menu';
import { safeStorageProtector } from './safe-storage';

export type ElectronApi = Pick<
  typeof Electron,
  'app' | 'BrowserWindow' | 'ipcMain' | 'session' | 'shell' | 'Menu' | 'dialog' | 'safeStorage'
>;

export interface ShellPaths {
  /** The folder holding renderer/index.html and electron/preload.cjs (out/ in a build). */
  outDir: string;
}

export const WEB_PREFERENCES = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  webSecurity: true,
  spellcheck: false,
} as const;

export function guardWindow(
  win: Electron.BrowserWindow,
  rendererDir: string,
  shell: ElectronApi['shell'],
): void {
  win.webContents.on('will-navigate', (e, url) => {
    if (!isAppUrl(url, rendererDir)) e.preventDefault();
  });
  win.webContents.setWindowOpenHandler(({ url }) => {
    if (url.startsWith('https://')) void shell.openExternal(url);
    return { action: 'deny' };
  });
}

export function startShell(e: ElectronApi, paths: ShellPaths): { log: LogFile } {
  const { app, BrowserWindow, ipcMain, session } = e;
  const log = rotatingLog(join(app.getPath('userData'), 'logs'));
  process.on('uncaughtException', (err) => log.write('error', 'uncaught exception', err));
  process.on('unhandledRejection', (err) => log.write('error', 'unhandled rejection', err));
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return { log };
  }
  const rendererDir = join(paths.outDir, 'renderer');
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
    guardWindow(win, rendererDir, e.shell);
    win.webContents.on('render-process-gone', (_ev, details) => {
      log.write('error', `renderer gone: ${details.reason}`);
      win?.reload();
    });
    void win.loadFile(join(rendererDir, 'index.html'));
  };

  app.on('second-instance', () => {
    if (win?.isMinimized()) win.restore();
    win?.focus();
  });

  void app.whenReady().then(async () => {
    session.defaultSession.setPermissionRequestHandler((_wc, _permission, cb) => cb(false));
    session.defaultSession.setPermissionCheckHandler(() => false);
    const dataDir = process.env.GASDESK_DATA ?? join(app.getPath('userData'), 'data');
    const protector = e.safeStorage.isEncryptionAvailable()
      ? safeStorageProtector(e.safeStorage)
      : fileKeyProtector(dataDir);
    if (!e.safeStorage.isEncryptionAvailable())
      log.write('warn', 'no OS keychain: secrets sealed with the data folder key file');
    const counter = new App({
      dataDir,
      version: app.getVersion(),
      sqliteBinding: process.env.GASDESK_SQLITE_BINDING,
      keyProtector: protector,
    });
    if (counter.counter()) {
      plugConfiguredReader(counter, protector);
      await recoverAtStart(counter, 'system');
    }
    const stopBackups = scheduleBackups(counter, 6, (err) =>
      log.write('error', 'scheduled backup failed', err),
    );
    const dispatcher = createDispatcher(counter, (m, err) => log.write('error', m, err));
    registerIpc(ipcMain, dispatcher, rendererDir);
    registerPrintHtml(ipcMain, dispatcher, rendererDir, e);
    e.Menu.setApplicationMenu(appMenu(e, counter, log));
    createWindow();
    app.on('window-all-closed', () => {
      stopBackups();
      syncEngine(counter).stop();
      void counter.cardStation?.close();
      counter.close();
      app.quit();
    });
  });
  return { log };
}
