/**
 * The counter side of the push benchmark, in a worker thread: the counter is another machine, so its work
 * (building, signing and sending batches) must not share head office's event loop. Receives the enrolled key
 * and the parameters, regenerates the same synthetic outbox, pushes it pipelined, and reports the seconds.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { createPrivateKey, sign } from 'node:crypto';
import { pushPipelined } from '../../services/sync/push-pipeline';
import { SyncClient } from '../../services/sync/transport';
import { syntheticOutbox } from './synthetic-ops';

const { url, counterId, pkcs8, publicKey, n, batch } = workerData as {
  url: string;
  counterId: string;
  pkcs8: Uint8Array;
  publicKey: string;
  n: number;
  batch: number;
};
const privateKey = createPrivateKey({ key: Buffer.from(pkcs8), format: 'der', type: 'pkcs8' });
const key = { publicKey, sign: (m: string) => sign(null, Buffer.from(m), privateKey).toString('base64') };
const ops = syntheticOutbox(counterId, n);
const client = new SyncClient({ baseUrl: url, counterId, key, now: Date.now, clockOffsetMs: 0 });
const t0 = performance.now();
const acked = await pushPipelined(client, {
  acked: 0,
  next: (after) => ops.slice(after, after + batch),
  onAck: () => {},
  onRewind: () => {},
});
parentPort!.postMessage({ seconds: (performance.now() - t0) / 1000, acked });
