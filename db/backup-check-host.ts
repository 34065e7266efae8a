/**
 * Runs the check of a backup copy (backup-check.ts) in a worker thread and awaits its result. From sources (tsx:
 * serve mode, tests) the worker runs the TypeScript through tsx; from a bundle it is the backup-check-worker.cjs
 * built next to it (out/electron beside main.cjs, unpacked from the asar; out/cli beside gasdesk.cjs), as the
 * pull worker (services/sync/pull-worker-host.ts). A worker that cannot start (or dies before it answers) is
 * logged and the check runs on this thread instead: slower for the counter, never skipped. Runtime: Node.
 */
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { type CopyCheck, checkBackupCopy } from './backup-check';
import type { BackupCheckMessage, BackupCheckWorkerData } from './backup-check-worker';

function spawn(data: BackupCheckWorkerData, script?: string): Worker {
  if (script) return new Worker(script, { workerData: data });
  const here = import.meta.url;
  if (here.endsWith('.ts')) {
    const script = new URL('./backup-check-worker.ts', here).href;
    // tsx found from here, not from the working directory; its ES module twin (see pull-worker-host.ts).
    const tsx = pathToFileURL(
      createRequire(here)
        .resolve('tsx/esm/api')
        .replace(/\.cjs$/, '.mjs'),
    ).href;
    const boot = `import(${JSON.stringify(tsx)}).then((t) => { t.register(); return import(${JSON.stringify(script)}); })`;
    return new Worker(boot, { eval: true, workerData: data });
  }
  const file = fileURLToPath(new URL('./backup-check-worker.cjs', here)).replace(
    /([\\/])app\.asar([\\/])/,
    '$1app.asar.unpacked$2',
  );
  return new Worker(file, { workerData: data });
}

export interface OffThreadOptions {
  /** A built worker file to run instead of the one next to this module (tests of the bundle). */
  readonly script?: string;
  /** Told why the check ran on this thread instead (default: a line on stderr). */
  readonly onFallback?: (why: string) => void;
}

/** checkBackupCopy(file) in a worker thread; on this thread when no worker can run it. */
export function checkBackupCopyOffThread(file: string, opts: OffThreadOptions = {}): Promise<CopyCheck> {
  const fallback = (why: string): CopyCheck => {
    (opts.onFallback ?? ((w) => process.stderr.write(`gasdesk: backup check on the main thread: ${w}\n`)))(
      why,
    );
    return checkBackupCopy(file);
  };
  let worker: Worker;
  try {
    worker = spawn({ file }, opts.script);
  } catch (e) {
    return Promise.resolve().then(() => fallback(e instanceof Error ? e.message : String(e)));
  }
  return new Promise<CopyCheck>((resolve, reject) => {
    let answered = false;
    worker.on('message', (m: BackupCheckMessage) => {
      answered = true;
      void worker.terminate();
      // The check itself threw (the copy cannot be opened, or is not a database): as it would have here.
      if ('error' in m) reject(new Error(m.error));
      else resolve(m.result);
    });
    const notStarted = (why: string) => {
      if (answered) return;
      answered = true;
      void worker.terminate();
      try {
        resolve(fallback(why));
      } catch (e) {
        reject(e);
      }
    };
    worker.on('error', (e) => notStarted(e.message));
    worker.on('exit', (code) => notStarted(`the worker stopped (${code}) before it answered`));
  });
}
