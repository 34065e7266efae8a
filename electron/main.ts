/**
 * Electron main process: single instance, one window, the services' dispatcher on IPC, navigation and new
 * windows blocked, permissions denied. Thin: no business logic here. Runtime: Electron main.
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { app, BrowserWindow, ipcMain, session, shell } from 'electron';
import { createDispatcher } from '../services/api';
import { App } from '../services/app';
import { registerIpc } from './ipc';

const RENDERER_INDEX = join(__dirname, '..', 'renderer', 'index.html');
const APP_URL_PREFIX = pathToFileURL(join(__dirname, '..', 'renderer')).href;

if (!app.requestSingleInstanceLock()) app.quit();

let win: BrowserWindow | null = null;

function createWindow(): void {
  win = new BrowserWindow({
    width: 1366,
    height: 768,
    minWidth: 1280,
    minHeight: 720,
    title: 'GasDesk 燃气营业厅柜台系统',
    webPreferences: {
      preload: join(__dirname, 'preload.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: false,
    },
  });
  win.webContents.on('will-navigate', (e, url) => {
    if (!url.startsWith(APP_URL_PREFIX)) e.preventDefault();
  });
  win.webContents.setWindowOpenHandler(({ url }) => {
    if (url.startsWith('https://')) void shell.openExternal(url);
    return { action: 'deny' };
  });
  void win.loadFile(RENDERER_INDEX);
}

app.on('second-instance', () => {
  if (win) {
    if (win.isMinimized()) win.restore();
    win.focus();
  }
});

app.whenReady().then(() => {
  session.defaultSession.setPermissionRequestHandler((_wc, _permission, cb) => cb(false));
  const counter = new App({
    dataDir: process.env.GASDESK_DATA ?? join(app.getPath('userData'), 'data'),
    version: app.getVersion(),
    sqliteBinding: process.env.GASDESK_SQLITE_BINDING,
  });
  registerIpc(ipcMain, createDispatcher(counter), APP_URL_PREFIX);
  createWindow();
  app.on('window-all-closed', () => {
    counter.close();
    app.quit();
  });
});
