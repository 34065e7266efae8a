/**
 * The FFI bridge shared by the PC/SC binding and the reader makers' libraries (koffi). A library that is
 * missing, not a library, of another architecture, or without a function GasDesk needs is a LibraryError with
 * a Chinese message — the counter keeps running without that reader. Every call runs on a worker thread
 * (koffi's async calls) and is cut by a timeout: a call that hangs is TIMEOUT, and its reader is then stuck
 * (the caller marks it disconnected; the hung thread is left behind, never waited for). Runtime: Node.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { ReaderError } from '../reader-error';

type Koffi = typeof import('koffi');
export type LibraryHandle = ReturnType<Koffi['load']>;
export type NativeFunction = ReturnType<LibraryHandle['func']>;

export type LibraryProblem = 'MISSING' | 'NOT_LOADABLE' | 'MISSING_EXPORT' | 'NO_FFI';

export class LibraryError extends Error {
  constructor(
    readonly problem: LibraryProblem,
    readonly library: string,
    readonly detail: string,
  ) {
    super(messageOf(problem, library, detail));
    this.name = 'LibraryError';
  }
}

function messageOf(problem: LibraryProblem, library: string, detail: string): string {
  switch (problem) {
    case 'MISSING':
      return `找不到读卡器动态库 ${library}，请按安装说明把厂家提供的库放到该路径（${detail}）`;
    case 'NOT_LOADABLE':
      return `读卡器动态库 ${library} 无法加载：不是动态库，或与本机架构不符（${process.arch}），请换用厂家对应版本（${detail}）`;
    case 'MISSING_EXPORT':
      return `读卡器动态库 ${library} 缺少函数 ${detail}，可能不是该厂家的库或版本不对`;
    case 'NO_FFI':
      return `本机缺少调用读卡器动态库所需的 koffi 组件（${detail}）`;
  }
}

let koffiModule: Koffi | null = null;
export function koffi(): Koffi {
  if (koffiModule) return koffiModule;
  try {
    koffiModule = createRequire(import.meta.url)('koffi') as Koffi;
    return koffiModule;
  } catch (e) {
    throw new LibraryError('NO_FFI', 'koffi', e instanceof Error ? e.message : String(e));
  }
}

/**
 * Loads a library: an absolute or relative path must exist (MISSING otherwise); a bare name (libpcsclite.so.1,
 * winscard.dll) is looked up by the system loader, and not finding it is MISSING too.
 */
export function loadLibrary(path: string, what: string): { lib: LibraryHandle; koffi: Koffi } {
  const k = koffi();
  const isPath = /[\\/]/.test(path);
  if (isPath && !existsSync(path)) throw new LibraryError('MISSING', path, '文件不存在');
  try {
    return { lib: k.load(path), koffi: k };
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    if (!isPath && /no such file|cannot open shared object|not found|126/i.test(msg))
      throw new LibraryError('MISSING', path, `${what}：${msg}`);
    throw new LibraryError('NOT_LOADABLE', path, msg);
  }
}

/** Binds one function; a library that does not export it is MISSING_EXPORT. */
export function bindFunction(lib: LibraryHandle, library: string, decl: string): NativeFunction {
  try {
    return lib.func(decl);
  } catch (e) {
    const name = /\b(\w+)\s*\(/.exec(decl)?.[1] ?? decl;
    const msg = e instanceof Error ? e.message : String(e);
    if (/cannot find|not find|undefined symbol|not found/i.test(msg))
      throw new LibraryError('MISSING_EXPORT', library, name);
    throw e;
  }
}

/** The detail of a TIMEOUT whose call never returned: the reader is stuck. */
export const STUCK = '读卡器卡住了';
export const isStuck = (e: unknown) =>
  e instanceof ReaderError && e.code === 'TIMEOUT' && !!e.detail?.startsWith(STUCK);

/** What timed-out calls are still running on their worker threads (a stuck library). */
export let stuckCalls = 0;

/** Runs `fn(...args)` on a worker thread; TIMEOUT (detail: stuck) when it has not returned within `ms`. */
export function asyncCall(fn: NativeFunction, args: unknown[], ms: number): Promise<number> {
  return new Promise((resolve, reject) => {
    let done = false;
    const timer = setTimeout(() => {
      if (done) return;
      done = true;
      stuckCalls++;
      reject(new ReaderError('TIMEOUT', undefined, `${STUCK}：一次调用超过 ${ms} 毫秒没有返回`));
    }, ms);
    fn.async(...args, (err: unknown, res: unknown) => {
      if (done) {
        stuckCalls--;
        return;
      }
      done = true;
      clearTimeout(timer);
      if (err) reject(err);
      else resolve(Number(res));
    });
  });
}

/**
 * Ends the process even when a native call never returned: libuv joins its worker threads at exit, so a plain
 * exit would wait for the stuck call forever. Output is flushed, then the process is killed (by then the
 * database is closed, and SQLite is crash-safe anyway). Without a stuck call, a plain exit.
 */
export async function exitProcess(code: number): Promise<never> {
  if (stuckCalls > 0) {
    await new Promise((r) => process.stdout.write('', r));
    await new Promise((r) => process.stderr.write('', r));
    process.kill(process.pid, 'SIGKILL');
  }
  process.exit(code);
}
