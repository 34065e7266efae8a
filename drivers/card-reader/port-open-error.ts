/**
 * Why a reader's serial port did not open — held by another program (named when it can be found), missing, or
 * not permitted — with a Chinese message for the operator's screen, the log and `gasdesk card info`. On Linux
 * the program holding the port's lock is found in /proc/locks (serialport takes an exclusive flock), else by
 * the processes that have the device open (/proc/PID/fd). Runtime: Node.
 */
import { readdirSync, readFileSync, readlinkSync, realpathSync, statSync } from 'node:fs';

export type PortProblem = 'BUSY' | 'NOT_FOUND' | 'DENIED' | 'FAILED';

export interface PortHolder {
  readonly pid: number;
  /** Its command line (or process name), shortened. */
  readonly command: string;
}

export class PortOpenError extends Error {
  constructor(
    readonly problem: PortProblem,
    readonly path: string,
    readonly holder: PortHolder | undefined,
    readonly detail: string,
  ) {
    super(messageOf(problem, path, holder, detail));
    this.name = 'PortOpenError';
  }
}

function messageOf(problem: PortProblem, path: string, holder: PortHolder | undefined, cause: string) {
  switch (problem) {
    case 'BUSY':
      return holder
        ? `读卡器串口 ${path} 正被另一个程序占用：进程 ${holder.pid}（${holder.command}）。请先关闭该程序，再重试。`
        : `读卡器串口 ${path} 正被另一个程序占用（查不到是哪个程序）。请关闭占用它的程序后重试。`;
    case 'NOT_FOUND':
      return `找不到读卡器串口 ${path}：请检查读卡器是否插好、串口名是否正确。`;
    case 'DENIED':
      return `没有权限打开读卡器串口 ${path}（Linux 上请把柜台的系统用户加入 dialout 组）。`;
    case 'FAILED':
      return `读卡器串口 ${path} 打不开：${cause}`;
  }
}

/** Classifies serialport's open error (its messages carry no code: "… Cannot lock port", "No such file …"). */
export function portOpenError(path: string, err: unknown): PortOpenError {
  const cause = err instanceof Error ? err.message : String(err);
  if (/cannot lock port|resource busy|EBUSY/i.test(cause))
    return new PortOpenError('BUSY', path, portHolder(path), cause);
  if (/no such file|ENOENT/i.test(cause)) return new PortOpenError('NOT_FOUND', path, undefined, cause);
  if (/permission denied|EACCES/i.test(cause)) return new PortOpenError('DENIED', path, undefined, cause);
  return new PortOpenError('FAILED', path, undefined, cause);
}

/** The other process holding the port (Linux), or undefined when it cannot be found. */
export function portHolder(path: string): PortHolder | undefined {
  if (process.platform !== 'linux') return undefined;
  try {
    const real = realpathSync(path);
    const pid = lockHolder(real) ?? openers(real)[0];
    return pid === undefined ? undefined : { pid, command: commandOf(pid) };
  } catch {
    return undefined;
  }
}

/** The process holding a lock on the device (lines of /proc/locks: "1: FLOCK ADVISORY WRITE PID MAJ:MIN:INODE …"). */
function lockHolder(real: string): number | undefined {
  const st = statSync(real, { bigint: true });
  const major = Number(((st.dev >> 8n) & 0xfffn) | ((st.dev >> 32n) & ~0xfffn));
  const minor = Number((st.dev & 0xffn) | ((st.dev >> 12n) & ~0xffn));
  const id = `${hex2(major)}:${hex2(minor)}:${st.ino}`;
  for (const line of readFileSync('/proc/locks', 'utf8').split('\n')) {
    const f = line.trim().split(/\s+/);
    const pid = Number(f[4]);
    if (f[5] === id && Number.isInteger(pid)) return pid; // possibly this very process, opening it twice
  }
  return undefined;
}

function hex2(n: number): string {
  return n.toString(16).padStart(2, '0');
}

/** Other processes that have the device open. */
function openers(real: string): number[] {
  const out: number[] = [];
  for (const name of readdirSync('/proc')) {
    const pid = Number(name);
    if (!Number.isInteger(pid) || pid === process.pid) continue;
    try {
      for (const fd of readdirSync(`/proc/${pid}/fd`))
        if (readlinkSync(`/proc/${pid}/fd/${fd}`) === real) {
          out.push(pid);
          break;
        }
    } catch {
      // gone, or not ours to look at
    }
  }
  return out;
}

function commandOf(pid: number): string {
  try {
    const cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean).join(' ');
    const text = cmd || readFileSync(`/proc/${pid}/comm`, 'utf8').trim();
    return text.length > 120 ? `${text.slice(0, 117)}…` : text;
  } catch {
    return '?';
  }
}
