/**
 * The desktop shell's log: errors and crashes appended to a file in the user's data folder, rotated by size
 * (gasdesk.log → gasdesk.1.log … keep N). Never shown to the operator. Runtime: Electron main (plain Node).
 */
import { appendFileSync, existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';

export interface LogFile {
  write(level: 'info' | 'warn' | 'error', msg: string, err?: unknown): void;
  readonly path: string;
}

export function rotatingLog(dir: string, opts: { maxBytes?: number; keep?: number } = {}): LogFile {
  const maxBytes = opts.maxBytes ?? 1024 * 1024;
  const keep = opts.keep ?? 5;
  mkdirSync(dir, { recursive: true });
  const path = join(dir, 'gasdesk.log');
  const rotate = () => {
    rmSync(join(dir, `gasdesk.${keep}.log`), { force: true });
    for (let i = keep - 1; i >= 1; i--)
      if (existsSync(join(dir, `gasdesk.${i}.log`)))
        renameSync(join(dir, `gasdesk.${i}.log`), join(dir, `gasdesk.${i + 1}.log`));
    renameSync(path, join(dir, 'gasdesk.1.log'));
  };
  return {
    path,
    write(level, msg, err) {
      const detail =
        err instanceof Error ? ` ${err.stack ?? err.message}` : err !== undefined ? ` ${String(err)}` : '';
      const line = `${new Date().toISOString()} ${level.toUpperCase()} ${msg}${detail}\n`;
      if (existsSync(path) && statSync(path).size + line.length > maxBytes) rotate();
      appendFileSync(path, line);
    },
  };
}
