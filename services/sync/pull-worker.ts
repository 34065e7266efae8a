/**
 * The pull worker (a worker thread started by pull-worker-host.ts for a long pull such as a bootstrap): fetches
 * head office's feed pages with the counter's signed requests, parses and validates them and prepares their
 * rows (pull-prepare.ts), and hands each page to the counter's thread, staying at most a few pages ahead of
 * what that thread has taken. It never touches the database: every page is still applied, in one
 * transaction, by the thread that owns it. The device key arrives as a KeyObject and never leaves the
 * process. Runtime: Node (worker thread).
 */
import { type KeyObject, sign } from 'node:crypto';
import { parentPort, workerData } from 'node:worker_threads';
import { AppError } from '../../core/errors';
import { type PackedPage, packPage, preparePage, pullPath } from './pull-prepare';
import { SyncClient } from './transport';

export interface PullWorkerData {
  readonly baseUrl: string;
  readonly counterId: string;
  readonly publicKey: string;
  readonly privateKey: KeyObject;
  readonly clockOffsetMs: number;
  /** The counter's clock minus this process's (a counter's clock may be set apart from the machine's). */
  readonly clockSkewMs: number;
  readonly timeoutMs?: number;
  readonly cursor: number;
  readonly limit: number;
  /** Pages fetched ahead of what the counter's thread has taken. */
  readonly ahead: number;
}

export type PullWorkerMessage =
  | { readonly page: PackedPage; readonly clockOffsetMs: number }
  | { readonly error: { readonly code: string; readonly detail?: string } };

const d = workerData as PullWorkerData;
const port = parentPort!;
const client = new SyncClient({
  baseUrl: d.baseUrl,
  counterId: d.counterId,
  key: { publicKey: d.publicKey, sign: (m) => sign(null, Buffer.from(m), d.privateKey).toString('base64') },
  now: () => Date.now() + d.clockSkewMs,
  clockOffsetMs: d.clockOffsetMs,
  timeoutMs: d.timeoutMs,
});

let credits = d.ahead;
let cursor = d.cursor;
let running = false;
let done = false;
/** The next page's text, asked for before this one is parsed (its cursor read off the page's tail). */
let prefetched: { readonly cursor: number; readonly text: Promise<string> } | null = null;

const fetchText = (from: number) => client.requestText('GET', pullPath(from, d.limit)).then((r) => r.body);

/** Head office ends every page with its cursor and whether more follow; null when this one does not. */
function tail(text: string): { cursor: number; more: boolean } | null {
  const m = /"cursor":(\d+),"more":(true|false)\}\s*$/.exec(text.slice(-80));
  return m ? { cursor: Number(m[1]), more: m[2] === 'true' } : null;
}

async function pump(): Promise<void> {
  if (running || done) return;
  running = true;
  try {
    while (credits > 0 && !done) {
      const text = await (prefetched?.cursor === cursor ? prefetched.text : fetchText(cursor));
      prefetched = null;
      // Ask for the next page now, so head office works on it while this one is parsed and validated; the
      // page's own parse below is what counts (a tail read wrong only wastes the early request).
      const t = tail(text);
      if (t?.more && t.cursor > cursor) {
        const early = fetchText(t.cursor);
        early.catch(() => {}); // observed when it is used
        prefetched = { cursor: t.cursor, text: early };
      }
      const page = preparePage(text, cursor, d.counterId);
      credits--;
      cursor = page.cursor;
      done = !page.more;
      port.postMessage({
        page: packPage(page),
        clockOffsetMs: client.o.clockOffsetMs,
      } satisfies PullWorkerMessage);
    }
  } catch (e) {
    done = true;
    const err = e instanceof AppError ? e : new AppError('INTERNAL', { detail: String(e) });
    port.postMessage({ error: { code: err.code, detail: err.detail } } satisfies PullWorkerMessage);
  } finally {
    running = false;
  }
}

port.on('message', () => {
  credits++;
  void pump();
});
void pump();
