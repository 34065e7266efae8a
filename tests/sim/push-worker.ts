/**
 * The counter side of the push benchmark, in a worker thread: the counter is another machine, so its work must
 * not share head office's event loop. It is a real counter's push: its operations sit in the outbox of its own
 * SQLite database (written there before the clock starts, as a day at the counter would have), and
 * services/sync/push.ts reads them in batches, signs and sends them pipelined, and records every
 * acknowledgement in the database — not an array of a hundred thousand operations held in memory, whose
 * garbage collection alone cost this thread more than the pushing did. The outbox is written by a worker of
 * its own (`role: 'seed'`), which ends before the counter starts, so that the counter's heap is a counter's.
 */
import { createPrivateKey, sign } from 'node:crypto';
import { parentPort, workerData } from 'node:worker_threads';
import { insertSyncState } from '../../db';
import { App } from '../../services/app';
import { pushOutbox } from '../../services/sync/push';
import { SyncClient } from '../../services/sync/transport';
import { syntheticOutbox, writeOutbox } from './synthetic-ops';

const { role, url, dir, counterId, pkcs8, publicKey, n, batch, priceVersionId } = workerData as {
  role: 'seed' | 'push';
  url: string;
  dir: string;
  counterId: string;
  pkcs8: Uint8Array;
  publicKey: string;
  n: number;
  batch: number;
  /** The residential price version head office published (synthetic-ops.ts). */
  priceVersionId: string;
};

if (role === 'seed') {
  const app = new App({ dataDir: dir });
  const db = app.gdb.sqlite;
  insertSyncState(db, { serverUrl: url, slotId: 'bench', publicKey, enrolledAt: new Date().toISOString() });
  writeOutbox(db, syntheticOutbox(counterId, n, { priceVersionId }));
  app.close();
  parentPort!.postMessage({ seconds: 0, acked: 0 });
} else {
  const app = new App({ dataDir: dir });
  const privateKey = createPrivateKey({ key: Buffer.from(pkcs8), format: 'der', type: 'pkcs8' });
  const key = { publicKey, sign: (m: string) => sign(null, Buffer.from(m), privateKey).toString('base64') };
  const client = new SyncClient({ baseUrl: url, counterId, key, now: Date.now, clockOffsetMs: 0 });
  const t0 = performance.now();
  const totals = await pushOutbox(app, client, batch);
  const seconds = (performance.now() - t0) / 1000;
  app.close();
  parentPort!.postMessage({ seconds, acked: totals.pushed });
}
