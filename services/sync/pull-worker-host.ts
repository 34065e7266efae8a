/**
 * Starts the pull worker (pull-worker.ts) and hands its pages out in order. From sources (tsx: serve mode,
 * tests) the worker runs the TypeScript through tsx; from a bundle it is the pull-worker.cjs built next to it
 * (out/electron beside main.cjs, unpacked from the asar; out/cli beside the `gasdesk` command's gasdesk.cjs).
 * A worker that cannot start makes `next` reject with WorkerUnavailable, and the caller pulls on its own
 * thread instead. Runtime: Node.
 */
import type { KeyObject } from 'node:crypto';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { AppError, isErrorCode } from '../../core/errors';
import { type PreparedPage, unpackPage } from './pull-prepare';
import type { PullWorkerData, PullWorkerMessage } from './pull-worker';
import type { SyncClient } from './transport';

export class WorkerUnavailable extends Error {}

export interface PageStream {
  /** The next page, in feed order. */
  next(): Promise<PreparedPage>;
  close(): Promise<void>;
}

function spawn(data: PullWorkerData, script?: string): Worker {
  if (script) return new Worker(script, { workerData: data });
  const here = import.meta.url;
  if (here.endsWith('.ts')) {
    const script = new URL('./pull-worker.ts', here).href;
    // tsx found from here, not from the working directory (`gasdesk serve` runs from anywhere).
    // (require.resolve gives the CommonJS build of tsx/esm/api; the worker imports its ES module twin.)
    const tsx = pathToFileURL(
      createRequire(here)
        .resolve('tsx/esm/api')
        .replace(/\.cjs$/, '.mjs'),
    ).href;
    const boot = `import(${JSON.stringify(tsx)}).then((t) => { t.register(); return import(${JSON.stringify(script)}); })`;
    return new Worker(boot, { eval: true, workerData: data });
  }
  // A path, not a URL's pathname (which keeps %20 for a space, as in C:\Program Files, and a leading / before C:).
  const file = fileURLToPath(new URL('./pull-worker.cjs', here)).replace(
    /([\\/])app\.asar([\\/])/,
    '$1app.asar.unpacked$2',
  );
  return new Worker(file, { workerData: data });
}

export function startPullWorker(
  client: SyncClient,
  key: { publicKey: string; privateKey: KeyObject },
  opts: {
    cursor: number;
    limit: number;
    clockSkewMs: number;
    ahead?: number;
    /** A built worker file to run instead of the one next to this module (tests of the bundle). */
    script?: string;
  },
): PageStream {
  const queue: PullWorkerMessage[] = [];
  const waiting: { resolve: (p: PreparedPage) => void; reject: (e: unknown) => void }[] = [];
  let delivered = false;
  let failure: unknown = null;
  const worker = spawn(
    {
      baseUrl: client.o.baseUrl,
      counterId: client.o.counterId,
      publicKey: key.publicKey,
      privateKey: key.privateKey,
      clockOffsetMs: client.o.clockOffsetMs,
      clockSkewMs: opts.clockSkewMs,
      timeoutMs: client.o.timeoutMs,
      cursor: opts.cursor,
      limit: opts.limit,
      ahead: opts.ahead ?? 2,
    },
    opts.script,
  );
  const settle = () => {
    while (waiting.length > 0 && (queue.length > 0 || failure)) {
      const w = waiting.shift()!;
      const m = queue.shift();
      if (!m) w.reject(failure);
      else if ('error' in m)
        w.reject(
          new AppError(isErrorCode(m.error.code) ? m.error.code : 'INTERNAL', { detail: m.error.detail }),
        );
      else {
        delivered = true;
        client.o.clockOffsetMs = m.clockOffsetMs;
        client.o.onProgress?.();
        w.resolve(unpackPage(m.page));
        worker.postMessage('more');
      }
    }
  };
  const fail = (e: unknown) => {
    failure ??= delivered ? e : new WorkerUnavailable(e instanceof Error ? e.message : String(e));
    settle();
  };
  worker.on('message', (m: PullWorkerMessage) => {
    queue.push(m);
    settle();
  });
  worker.on('error', fail);
  worker.on('exit', (code) =>
    fail(new AppError('INTERNAL', { detail: `the pull worker stopped (${code})` })),
  );
  const abort = () => {
    fail(new AppError('SYNC_UNREACHABLE', { detail: 'the sync was stopped' }));
    void worker.terminate();
  };
  client.o.signal?.addEventListener('abort', abort, { once: true });
  return {
    next: () =>
      new Promise<PreparedPage>((resolve, reject) => {
        waiting.push({ resolve, reject });
        settle();
      }),
    async close() {
      client.o.signal?.removeEventListener('abort', abort);
      await worker.terminate();
    },
  };
}
