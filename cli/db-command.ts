/** `gasdesk db migrate|verify|backup`. Runtime: Node. */
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { backupDatabase, openDatabase, verifyLedger } from '../db';
import { restoreBackup } from '../services/backup/backups';
import { defaultDataDir } from './paths';

export async function dbCommand(argv: string[]): Promise<number> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      data: { type: 'string' },
      out: { type: 'string' },
      json: { type: 'boolean' },
      from: { type: 'string' },
    },
  });
  const dataDir = values.data ?? defaultDataDir();
  const file = join(dataDir, 'gasdesk.sqlite');
  const sub = positionals[0];
  if (sub !== 'migrate' && sub !== 'restore' && !existsSync(file)) {
    process.stderr.write(`没有找到数据库 no database at ${file}\n`);
    return 1;
  }
  if (sub === 'migrate') {
    mkdirSync(dataDir, { recursive: true });
    const gdb = openDatabase(file);
    gdb.close();
    process.stdout.write(`数据库已是最新 database up to date: ${file}\n`);
    return 0;
  }
  if (sub === 'verify') {
    const gdb = openDatabase(file);
    try {
      const integrity = gdb.sqlite.pragma('integrity_check', { simple: true });
      const report = verifyLedger(gdb.sqlite);
      const ok = integrity === 'ok' && report.ok;
      if (values.json) process.stdout.write(`${JSON.stringify({ ...report, ok, integrity })}\n`);
      else if (ok)
        process.stdout.write(`ledger ok: ${report.checkedOps} operations verified, integrity ok\n`);
      else if (integrity !== 'ok')
        process.stdout.write(`database integrity check FAILED: ${String(integrity)}\n`);
      else {
        const bad = report.firstBad!;
        process.stdout.write(
          `ledger BROKEN at operation #${bad.seq}${bad.id ? ` (${bad.id})` : ''}: ${bad.problem}\n`,
        );
      }
      return ok ? 0 : 1;
    } finally {
      gdb.close();
    }
  }
  if (sub === 'backup') {
    const stamp = new Date().toISOString().replace(/[-:]/g, '').replace(/\..+$/, '').replace('T', '-');
    const out = values.out ?? join(dataDir, 'backups', `gasdesk-${stamp}.sqlite`);
    mkdirSync(dirname(out), { recursive: true });
    const gdb = openDatabase(file);
    try {
      const { pages, checkedOps } = await backupDatabase(gdb.sqlite, out);
      process.stdout.write(
        `backup written: ${out} (${pages} pages, ledger ok: ${checkedOps} operations verified, integrity ok)\n`,
      );
      return 0;
    } finally {
      gdb.close();
    }
  }
  if (sub === 'restore') {
    if (!values.from) {
      process.stderr.write('用法 usage: gasdesk db restore --from FILE [--data DIR]\n');
      return 2;
    }
    const { keptAside } = restoreBackup(dataDir, values.from);
    process.stdout.write(
      `restored from ${values.from}${keptAside ? `; the previous database is kept at ${keptAside}` : ''}\n`,
    );
    return 0;
  }
  process.stderr.write('用法 usage: gasdesk db migrate|verify|backup|restore [--data DIR]\n');
  return 2;
}
