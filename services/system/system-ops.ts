/** Program info, counter settings and the ledger check. Runtime: Node. */
import type { Settings } from '../../core/contract';
import { DEFAULT_SHIFT_TOLERANCE } from '../../core/domain/cash';
import { getSetting, putSetting, verifyLedger } from '../../db';
import type { App } from '../app';
import { listBackups, runBackup } from '../backup/backups';
import { type Handlers, operatorOf } from '../call';

export function loadSettings(app: App): Settings {
  const idle = Number(getSetting(app.db, 'idleLockMinutes') ?? '10');
  app.sessions.idleLockMinutes = idle;
  return { idleLockMinutes: idle, shiftTolerance: shiftTolerance(app) };
}

/** 交班差额允许范围 in 分 (settings: shiftTolerance; DEFAULT_SHIFT_TOLERANCE until an administrator sets it). */
export function shiftTolerance(app: App): number {
  return Number(getSetting(app.db, 'shiftTolerance') ?? DEFAULT_SHIFT_TOLERANCE);
}

export const systemInfo: Handlers['system.info'] = (_input, { app }) => {
  const c = app.counter();
  return { version: app.version, demo: c?.demo ?? false, initialized: c !== undefined };
};

export const settingsGet: Handlers['settings.get'] = (_input, { app }) => loadSettings(app);

export const settingsUpdate: Handlers['settings.update'] = (input, call) => {
  const { app } = call;
  const before = loadSettings(app);
  const after: Settings = { ...before, ...input };
  const changes = (Object.keys(after) as (keyof Settings)[])
    .filter((field) => after[field] !== before[field])
    .map((field) => ({ field, before: before[field], after: after[field] }));
  if (changes.length === 0) return before;
  app.transaction(() => {
    for (const c of changes) putSetting(app.db, c.field, String(c.after));
    app.ledger().append({
      type: 'settings.updated',
      payload: after,
      operatorId: operatorOf(call).staffId,
      audit: { action: 'settings.updated', summary: '修改柜台设置', changes },
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
