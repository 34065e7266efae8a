/** The application menu (中文): back up now, quit, about (version and build). Runtime: Electron main. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { App } from '../services/app';
import { runBackup } from '../services/backup/backups';
import type { LogFile } from './log';
import type { ElectronApi } from './shell';

export function buildInfo(outDir = join(__dirname, '..')): {
  version: string;
  builtAt: string;
  commit: string;
} {
  const file = join(outDir, 'build-info.json');
  return existsSync(file)
    ? JSON.parse(readFileSync(file, 'utf8'))
    : { version: 'dev', builtAt: '-', commit: '-' };
}

export function appMenu(e: ElectronApi, counter: App, log: LogFile): Electron.Menu {
  return e.Menu.buildFromTemplate([
    {
      label: '文件',
      submenu: [
        {
          label: '立即备份',
          click: () =>
            void runBackup(counter, 'manual', null).then(
              (b) => e.dialog.showMessageBox({ type: 'info', message: `备份完成：${b.file}` }),
              (err) => log.write('error', 'manual backup failed', err),
            ),
        },
        { type: 'separator' },
        { label: '退出', role: 'quit' },
      ],
    },
    {
      label: '编辑',
      submenu: [
        { role: 'undo', label: '撤销' },
        { role: 'cut', label: '剪切' },
        { role: 'copy', label: '复制' },
        { role: 'paste', label: '粘贴' },
      ],
    },
    {
      label: '帮助',
      submenu: [
        {
          label: '关于 GasDesk',
          click: () => {
            const b = buildInfo();
            void e.dialog.showMessageBox({
              type: 'info',
              title: '关于 GasDesk',
              message: 'GasDesk 燃气营业厅柜台系统',
              detail: `版本 ${e.app.getVersion()}\n构建 ${b.builtAt}\n提交 ${b.commit}`,
            });
          },
        },
      ],
    },
  ]);
}
