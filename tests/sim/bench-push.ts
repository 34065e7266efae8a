/**
 * The push benchmark (bench/sync.ts): N synthetic operations pushed over signed HTTP to head office, against
 * a bare multi-row INSERT … ON CONFLICT DO NOTHING of the same rows, in the same batches, into a copy of the
 * ops table of the same database.
 */
import { uuidv7 } from '../../core/ids';
import { enrollmentProofString } from '../../core/sync/signing';
import type { WireOp } from '../../core/sync/wire';
import { Worker } from 'node:worker_threads';
import { newDeviceKey } from '../../services/sync/device-key';
import { SyncClient } from '../../services/sync/transport';
import {
  freshPostgres,
  publishDemoCatalogue,
  registerCounter,
  startHeadOffice,
  type TestHeadOffice,
} from '../support/head-office';
import { syntheticOutbox } from './synthetic-ops';

export const BATCH = Number(process.env.GASDESK_BENCH_BATCH ?? 500);

export async function enrollDevice(
  ho: TestHeadOffice,
  hallCode: string,
  counterCode: string,
  counterId = uuidv7(Date.now()),
) {
  const code = await registerCounter(ho, hallCode, counterCode);
  const key = newDeviceKey();
  const r = await fetch(`${ho.url}/v1/enroll`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      code,
      counterId,
      hallCode,
      counterCode,
      counterName: `${counterCode}号窗口`,
      publicKey: key.publicKey,
      proof: key.sign(enrollmentProofString(code, counterId, key.publicKey)),
    }),
  });
  if (!r.ok) throw new Error(`enroll failed: ${await r.text()}`);
  const client = new SyncClient({ baseUrl: ho.url, counterId, key, now: Date.now, clockOffsetMs: 0 });
  return { counterId, key, client };
}

async function baseline(ho: TestHeadOffice, ops: WireOp[]): Promise<number> {
  await ho.store.query('CREATE TABLE bench_ops (LIKE ops INCLUDING ALL)');
  const cols = [
    'counter_id',
    'seq',
    'id',
    'type',
    'entity_type',
    'entity_id',
    'payload',
    'operator_id',
    'approver_id',
    'hlc',
    'created_at',
    'prev_hash',
    'hash',
    'state',
  ];
  const t0 = performance.now();
  for (let i = 0; i < ops.length; i += BATCH) {
    const chunk = ops.slice(i, i + BATCH);
    const params: unknown[] = [];
    const rows = chunk.map((o, j) => {
      params.push(
        o.counterId,
        o.seq,
        o.id,
        o.type,
        o.entityType,
        o.entityId,
        o.payload,
        o.operatorId,
        o.approverId,
        o.hlc,
        o.createdAt,
        o.prevHash,
        o.hash,
        'applied',
      );
      return `(${cols.map((_, k) => `$${j * cols.length + k + 1}`).join(', ')})`;
    });
    await ho.store.query(
      `INSERT INTO bench_ops (${cols.join(', ')}) VALUES ${rows.join(', ')} ON CONFLICT DO NOTHING`,
      params,
    );
  }
  return ops.length / ((performance.now() - t0) / 1000);
}

type Key = ReturnType<typeof newDeviceKey>;

/**
 * The counter (push-worker.ts) in a worker thread, another machine in real life: `seed` writes its outbox,
 * `push` pushes it as a counter does.
 */
function counterInWorker(
  role: 'seed' | 'push',
  url: string,
  dir: string,
  counterId: string,
  key: Key,
  n: number,
  priceVersionId: string,
): Promise<{ seconds: number; acked: number }> {
  return new Promise((resolve, reject) => {
    const script = new URL('./push-worker.ts', import.meta.url).href;
    const boot = `import('tsx/esm/api').then((t) => { t.register(); return import(${JSON.stringify(script)}); })`;
    const w = new Worker(boot, {
      eval: true,
      workerData: {
        role,
        url,
        dir,
        counterId,
        pkcs8: key.pkcs8,
        publicKey: key.publicKey,
        n,
        batch: BATCH,
        priceVersionId,
      },
    });
    w.once('message', resolve);
    w.once('error', reject);
  });
}

export async function benchPush(
  dataDir: string,
  n: number,
): Promise<{ pushOpsPerS: number; baselineOpsPerS: number }> {
  const pg = await freshPostgres();
  const ho = await startHeadOffice(pg ? { url: pg.url } : { dataDir });
  try {
    const { counterId, key } = await enrollDevice(ho, '0101', '01');
    const priceVersionId = (await publishDemoCatalogue(ho)).residential;
    const counterDir = `${dataDir}-counter`;
    await counterInWorker('seed', ho.url, counterDir, counterId, key, n, priceVersionId);
    const r = await counterInWorker('push', ho.url, counterDir, counterId, key, n, priceVersionId);
    const pushOpsPerS = n / r.seconds;
    if (r.acked !== n) throw new Error(`acknowledged ${r.acked} of ${n}`);
    const ops = syntheticOutbox(counterId, n, { priceVersionId });
    const baselineOpsPerS = await baseline(ho, ops);
    process.stderr.write(
      `push ${pushOpsPerS.toFixed(0)} ops/s, bare insert ${baselineOpsPerS.toFixed(0)} ops/s (${ho.store.kind})\n`,
    );
    return { pushOpsPerS, baselineOpsPerS };
  } finally {
    await ho.close();
    await pg?.drop();
  }
}
