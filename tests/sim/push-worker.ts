/**
 * The counter side of the push benchmarks, in a worker thread: a counter is another machine, so its work must
 * not share head office's event loop. Each is a real counter's push: its operations sit in the outbox of its own
 * SQLite database (written there before the clock starts, as a day at the counter would have), and
 * services/sync/push.ts reads them in batches, signs and sends them pipelined, and records every
 * acknowledgement in the database — not an array of a hundred thousand operations held in memory, whose
 * garbage collection alone cost this thread more than the pushing did. The outbox is written by a worker of
 * its own (`role: 'seed'`), which ends before the counters start, so that a counter's heap is a counter's.
 *
 * A worker drives one counter or several (counters.ts): `push` opens them all, says `ready`, and pushes every
 * outbox at once when told `go`; each push request is timed from its sending to its acknowledgement.
 */
import { createPrivateKey, sign } from 'node:crypto';
import { parentPort, workerData } from 'node:worker_threads';
import { SYNC_ROUTES } from '../../core/sync/routes';
import { insertSyncState } from '../../db';
import { App } from '../../services/app';
import { pushOutbox } from '../../services/sync/push';
import { type Reply, SyncClient } from '../../services/sync/transport';
import { type CounterSpec, outboxOf, type PushResult } from './counters';
import { writeOutbox } from './synthetic-ops';

const { role, url, counters, batch } = workerData as {
  role: 'seed' | 'push';
  url: string;
  counters: CounterSpec[];
  batch: number;
};

/** The counter's own client, timing each push request (a batch) until head office acknowledges it. */
class TimedClient extends SyncClient {
  readonly batchMs: number[] = [];
  failed = 0;

  override async requestText(method: 'GET' | 'POST', path: string, body?: unknown): Promise<Reply<string>> {
    if (path !== SYNC_ROUTES.push.path) return super.requestText(method, path, body);
    const t = performance.now();
    try {
      const r = await super.requestText(method, path, body);
      this.batchMs.push(performance.now() - t);
      return r;
    } catch (e) {
      this.failed++; // refused (a batch that overtook the one before it is sent again): no acknowledgement
      throw e;
    }
  }
}

function open(c: CounterSpec): { app: App; client: TimedClient } {
  const app = new App({ dataDir: c.dir });
  const privateKey = createPrivateKey({ key: Buffer.from(c.pkcs8), format: 'der', type: 'pkcs8' });
  const key = {
    publicKey: c.publicKey,
    sign: (m: string) => sign(null, Buffer.from(m), privateKey).toString('base64'),
  };
  const client = new TimedClient({
    baseUrl: url,
    counterId: c.counterId,
    key,
    now: Date.now,
    clockOffsetMs: 0,
  });
  return { app, client };
}

if (role === 'seed') {
  for (const c of counters) {
    const app = new App({ dataDir: c.dir });
    const db = app.gdb.sqlite;
    insertSyncState(db, {
      serverUrl: url,
      slotId: 'bench',
      publicKey: c.publicKey,
      enrolledAt: new Date().toISOString(),
    });
    writeOutbox(db, outboxOf(c));
    app.close();
  }
  parentPort!.postMessage({ done: true });
} else {
  const opened = counters.map(open);
  parentPort!.once('message', async () => {
    const t0 = performance.now();
    const totals = await Promise.all(opened.map(({ app, client }) => pushOutbox(app, client, batch)));
    const result: PushResult = {
      seconds: (performance.now() - t0) / 1000,
      acked: totals.reduce((s, t) => s + t.pushed, 0),
      quarantined: totals.reduce((s, t) => s + t.quarantined, 0),
      batchMs: opened.flatMap(({ client }) => client.batchMs),
      failed: opened.reduce((s, { client }) => s + client.failed, 0),
    };
    for (const { app } of opened) app.close();
    parentPort!.postMessage(result);
  });
  parentPort!.postMessage({ ready: true });
}
