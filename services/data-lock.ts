/**
 * One process per data folder: the counter's database is never opened by two processes (two counters on one
 * folder would interleave their ledgers). A lock file holds the owner's PID; a lock left by a process that is
 * gone (a crash, kill -9) is taken over. Runtime: Node.
 */
import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { AppError } from '../core/errors';

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export interface DataLock {
  release(): void;
}

export function lockDataDir(dataDir: string): DataLock {
  const file = join(dataDir, 'gasdesk.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(file, 'wx', 0o600);
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return { release: () => rmSync(file, { force: true }) };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const owner = Number(readFileSync(file, 'utf8').trim());
      if (owner === process.pid || (Number.isInteger(owner) && owner > 0 && alive(owner)))
        throw new AppError('DATA_IN_USE', { detail: `process ${owner} holds ${file}` });
      rmSync(file, { force: true }); // left by a process that is gone
    }
  }
  throw new AppError('DATA_IN_USE');
}
