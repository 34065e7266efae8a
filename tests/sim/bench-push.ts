/**
 * The push benchmark (bench/sync.ts): N synthetic operations pushed over signed HTTP to head office, against
 * a bare multi-row INSERT … ON CONFLICT DO NOTHING of the same rows, in the same batches, into a copy of the
 * ops table of the same database.
 */
import { uuidv7 } from '../../core/ids';
import { enrollmentProofString } from '../../core/sync/signing';
import type { WireOp } from '../../core/sync/wire';
import { newDeviceKey } from '../../services/sync/device-key';
import { SyncClient } from '../../services/sync/transport';
import {
  freshPostgres,
  type HeadOfficeApi,
  publishDemoCatalogue,
  registerCounter,
  startHeadOffice,
  type TestHeadOffice,
} from '../support/head-office';
import { createOpsCopy, insertInBatches, type RunSql } from './bench-ops-copy';
import { counterSpec, outboxOf, readyPushers, seedCounters } from './counters';

export const BATCH = Number(process.env.GASDESK_BENCH_BATCH ?? 500);

export async function enrollDevice(
  ho: HeadOfficeApi,
  hallCode: string,
  counterCode: string,
  counterId = uuidv7(Date.now()),
  /** The one-time code an administrator was given; the counter is registered here without one. */
  given?: string,
) {
  const code = given ?? (await registerCounter(ho, hallCode, counterCode));
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
  const run: RunSql = (text, params) => ho.store.query(text, params);
  await createOpsCopy(run, 'bench_ops');
  const t0 = performance.now();
  await insertInBatches(run, 'bench_ops', ops, BATCH);
  return ops.length / ((performance.now() - t0) / 1000);
}

export async function benchPush(
  dataDir: string,
  n: number,
): Promise<{ pushOpsPerS: number; baselineOpsPerS: number }> {
  const pg = await freshPostgres();
  const ho = await startHeadOffice(pg ? { url: pg.url } : { dataDir });
  try {
    const { counterId, key } = await enrollDevice(ho, '0101', '01');
    const { residential } = await publishDemoCatalogue(ho);
    const counter = counterSpec(`${dataDir}-counter`, counterId, key, n, residential);
    await seedCounters(ho.url, [counter]);
    const [r] = await (await readyPushers(ho.url, [[counter]], BATCH)).go();
    if (!r) throw new Error('no result from the counter');
    const pushOpsPerS = n / r.seconds;
    if (r.acked !== n) throw new Error(`acknowledged ${r.acked} of ${n}`);
    const ops = outboxOf(counter);
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
