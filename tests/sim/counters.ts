/**
 * The push benchmarks' counters, each a real counter database in its own folder, driven by worker threads
 * (push-worker.ts; other machines in real life): one worker writes their outboxes, then each pushing worker
 * opens its share of them and all push at once.
 */
import { Worker } from 'node:worker_threads';
import type { newDeviceKey } from '../../services/sync/device-key';
import { syntheticOutbox } from './synthetic-ops';

type Key = ReturnType<typeof newDeviceKey>;

export interface CounterSpec {
  readonly dir: string;
  readonly counterId: string;
  readonly pkcs8: Uint8Array;
  readonly publicKey: string;
  /** Operations in its outbox (syntheticOutbox). */
  readonly n: number;
  /** The residential price version head office published, which its gas sales name (syntheticOutbox). */
  readonly priceVersionId: string;
  /** Hall code and counter code, which its account numbers begin with (syntheticOutbox's default otherwise). */
  readonly accountPrefix?: string;
}

export function counterSpec(
  dir: string,
  counterId: string,
  key: Key,
  n: number,
  priceVersionId: string,
  accountPrefix?: string,
): CounterSpec {
  return { dir, counterId, pkcs8: key.pkcs8, publicKey: key.publicKey, n, priceVersionId, accountPrefix };
}

/** The synthetic outbox a counter of the benchmark holds. */
export const outboxOf = (c: CounterSpec) =>
  syntheticOutbox(c.counterId, c.n, { priceVersionId: c.priceVersionId, accountPrefix: c.accountPrefix });

/** What a pushing worker reports: its counters' totals and every acknowledged batch's time (ms). */
export interface PushResult {
  readonly seconds: number;
  readonly acked: number;
  readonly quarantined: number;
  readonly batchMs: number[];
  /** Push requests that were refused (and sent again by the counter). */
  readonly failed: number;
}

function startWorker(role: 'seed' | 'push', url: string, counters: readonly CounterSpec[], batch: number) {
  const script = new URL('./push-worker.ts', import.meta.url).href;
  const boot = `import('tsx/esm/api').then((t) => { t.register(); return import(${JSON.stringify(script)}); })`;
  const w = new Worker(boot, { eval: true, workerData: { role, url, counters, batch } });
  const messages: unknown[] = [];
  const waiting: { resolve: (m: unknown) => void; reject: (e: unknown) => void }[] = [];
  let failure: unknown = null;
  const fail = (e: unknown) => {
    failure = e;
    for (const p of waiting.splice(0)) p.reject(e);
  };
  w.on('message', (m) => {
    const p = waiting.shift();
    if (p) p.resolve(m);
    else messages.push(m);
  });
  w.on('error', fail);
  w.on('exit', (code) => fail(new Error(`counter worker exited (${code})`)));
  return {
    worker: w,
    /** The worker's next message. */
    next(): Promise<unknown> {
      if (messages.length) return Promise.resolve(messages.shift());
      if (failure) return Promise.reject(failure);
      return new Promise((resolve, reject) => waiting.push({ resolve, reject }));
    },
  };
}

/** Writes every counter's sync state and outbox (one worker, ended before any counter starts). */
export async function seedCounters(url: string, counters: readonly CounterSpec[]): Promise<void> {
  await startWorker('seed', url, counters, 0).next();
}

/**
 * Starts one pushing worker per group of counters and waits until every one has its counters open; `go` starts
 * them all at once and gives each worker's result.
 */
export async function readyPushers(
  url: string,
  groups: readonly (readonly CounterSpec[])[],
  batch: number,
): Promise<{ go(): Promise<PushResult[]> }> {
  const workers = groups.map((g) => startWorker('push', url, g, batch));
  await Promise.all(workers.map((w) => w.next()));
  return {
    go: () =>
      Promise.all(
        workers.map(async (w) => {
          w.worker.postMessage('go');
          const r = (await w.next()) as PushResult;
          await w.worker.terminate();
          return r;
        }),
      ),
  };
}
