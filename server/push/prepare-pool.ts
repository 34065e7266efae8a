/**
 * Head office's push prepare workers: a pushed batch's parse, validation, hash chain and payload checks
 * (prepare.ts) run on worker threads, so the thread that serves requests and drives the database is free to
 * carry the batches already under way (consecutive batches of a counter overlap: one is being prepared while
 * the one before holds the counter's lock). GASDESK_PUSH_WORKERS sets how many (default 1; 0 prepares on the
 * serving thread). Workers start with head office (startPreparePool, from app.ts: a worker takes ~0.25 s to
 * load, which the first push would otherwise wait for) or else on the first push, never keep the process
 * alive, and one that dies is replaced; the batches it held are prepared on the serving thread instead, so a
 * push never fails for it.
 * Runtime: Node.
 */
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { type PreparedPush, fromShape, preparePush } from './prepare';
import type { PrepareReply, PrepareRequest } from './prepare-worker';

interface Job {
  readonly counterId: string;
  readonly raw: Buffer;
  readonly resolve: (p: PreparedPush) => void;
  readonly reject: (e: unknown) => void;
}

interface Slot {
  worker: Worker | null;
  readonly jobs: Map<number, Job>;
}

const configured = (): number => {
  const n = Number(process.env.GASDESK_PUSH_WORKERS ?? 1);
  return Number.isInteger(n) && n >= 0 ? Math.min(n, 16) : 1;
};

let slots: Slot[] | null = null;
let nextId = 0;
let turn = 0;

function spawn(): Worker {
  // Head office always runs from its sources through tsx (cli/bin/gasdesk.js); the worker does the same.
  const here = import.meta.url;
  const script = new URL('./prepare-worker.ts', here).href;
  const tsx = pathToFileURL(
    createRequire(here)
      .resolve('tsx/esm/api')
      .replace(/\.cjs$/, '.mjs'),
  ).href;
  const boot = `import(${JSON.stringify(tsx)}).then((t) => { t.register(); return import(${JSON.stringify(script)}); })`;
  return new Worker(boot, { eval: true });
}

function local(job: Job): void {
  try {
    job.resolve(preparePush(job.counterId, job.raw));
  } catch (e) {
    job.reject(e);
  }
}

function start(slot: Slot): Worker {
  const w = spawn();
  w.on('message', (m: PrepareReply) => {
    const job = slot.jobs.get(m.id);
    if (!job) return;
    slot.jobs.delete(m.id);
    if ('prepared' in m) job.resolve(m.prepared);
    else job.reject(fromShape(m.error));
  });
  const lost = () => {
    if (slot.worker !== w) return;
    slot.worker = null;
    const jobs = [...slot.jobs.values()];
    slot.jobs.clear();
    for (const job of jobs) local(job);
  };
  w.on('error', lost);
  w.on('exit', lost);
  w.unref(); // after the listeners: adding one refs the worker again
  return w;
}

function slotsFor(n: number): Slot[] {
  slots ??= Array.from({ length: n }, () => ({ worker: null, jobs: new Map() }));
  return slots;
}

/** Starts the configured workers now, so that they are loaded before the first push arrives. */
export function startPreparePool(): void {
  const n = configured();
  if (n === 0) return;
  for (const slot of slotsFor(n)) slot.worker ??= start(slot);
}

/** Prepares a pushed batch from its bytes, on a worker when there is one. */
export function prepareBatch(counterId: string, raw: Buffer): Promise<PreparedPush> {
  const n = configured();
  if (n === 0) return Promise.resolve().then(() => preparePush(counterId, raw));
  const all = slotsFor(n);
  const slot = all[turn++ % all.length]!;
  slot.worker ??= start(slot);
  return new Promise((resolve, reject) => {
    const id = nextId++;
    slot.jobs.set(id, { counterId, raw, resolve, reject });
    const msg: PrepareRequest = { id, counterId, bytes: raw };
    slot.worker!.postMessage(msg);
  });
}

/** The workers' count and their batches in hand (tests). */
export function preparePoolState(): { workers: number; pending: number } {
  return {
    workers: slots?.filter((s) => s.worker !== null).length ?? 0,
    pending: slots?.reduce((n, s) => n + s.jobs.size, 0) ?? 0,
  };
}

/** Stops the workers (tests); the next push starts them again. */
export async function stopPreparePool(): Promise<void> {
  const all = slots ?? [];
  slots = null;
  await Promise.all(all.map((s) => s.worker?.terminate()));
}
