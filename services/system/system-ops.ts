/** Program info, counter settings and the ledger check. Runtime: Node. */
import { getSetting, putSetting, verifyLedger } from '../../db';
import type { App } from '../app';
import { listBackups, runBackup } from '../backup/backups';
import { type Handlers, operatorOf } from '../call';

export function loadSettings(app: App) {
  const idle = Number(getSetting(app.db, 'idleLockMinutes') ?? '10');
  app.sessions.idleLockMinutes = idle;
  return { idleLockMinutes: idle };
}

export const systemInfo: Handlers['system.info'] = (_input, { app }) => {
  const c = app.counter();
  return { version: app.version, demo: c?.demo ?? false, initialized: c !== undefined };
};

export const settingsGet: Handlers['settings.get'] = (_input, { app }) => loadSettings(app);

export const settingsUpdate: Handlers['settings.update'] = (input, call) => {
  const { app } = call;
  const before = loadSettings(app);
  app.transaction(() => {
    putSetting(app.db, 'idleLockMinutes', String(input.idleLockMinutes));
    app.ledger().append({
      type: 'settings.updated',
      payload: input,
      operatorId: operatorOf(call).staffId,
      audit: {
        action: 'settings.updated',
        summary: '修改柜台设置',
        changes: [{ field: 'idleLockMinutes', before: before.idleLockMinutes, after: input.idleLockMinutes }],
      },
    });
  });
  return loadSettings(app);
};

export const ledgerVerify: Handlers['ledger.verify'] = (_input, { app }) => verifyLedger(app.gdb.sqlite);

export const backupsList: Handlers['backups.list'] = (_input, { app }) => ({
  items: listBackups(app.dataDir),
});

export const backupsRun: Handlers['backups.run'] = (_input, call) =>
  runBackup(call.app, 'manual', operatorOf(call).staffId);
