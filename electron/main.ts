/** Electron entry: hands the real Electron API to the shell. Runtime: Electron main. */
import { join } from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, safeStorage, session, shell } from 'electron';
import { autoUpdater } from 'electron-updater';
import { startShell } from './shell';

startShell(
  { app, BrowserWindow, ipcMain, session, shell, Menu, dialog, safeStorage, protocol },
  { outDir: join(__dirname, '..') },
  { updater: () => autoUpdater },
);
