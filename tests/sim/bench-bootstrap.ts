/**
 * The bootstrap benchmark (bench/sync.ts): head office's feed holds a hall of N customers (generated inside
 * the database with generate_series, in the shape head office publishes); a fresh counter is set up,
 * enrolled, and syncs — the time until its sync returns is the bootstrap. The same rows inserted straight into
 * a fresh SQLite by the same applier (no network, no head office) are the floor it is compared with.
 */
import { join } from 'node:path';
import { customerFeedSchema } from '../../core/sync/feed';
import { openDatabase } from '../../db';
import { App } from '../../services/app';
import { initializeCounter } from '../../services/setup/initialize';
import { CustomerApplier } from '../../services/sync/apply-customers';
import { enrollCounter } from '../../services/sync/enroll';
import { lastPull } from '../../services/sync/pull';
import { runSync } from '../../services/sync/run-sync';
import { getSyncState } from '../../db/repos/sync';
import { createCounter, createHall } from '../../server/admin/org';
import { migrateServer } from '../../server/pg/migrate';
import { openStore, type Store } from '../../server/pg/store';
import { freshPostgres } from '../support/head-office';
import { spawnHeadOffice } from '../support/head-office-process';

/** SQL building customer i of the hall, as head office's feed carries it. */
const CUSTOMER_SQL = `jsonb_build_object(
  'id', 'c0000000-0000-7000-8000-' || lpad(i::text, 12, '0'),
  'accountNo', '0199' || lpad(i::text, 8, '0'),
  'name', (ARRAY['王','李','张','刘','陈','杨','黄','赵'])[1 + i % 8] || (ARRAY['伟','芳','娜','敏','静','丽','强','磊','军','洋'])[1 + i % 10] || (ARRAY['','华','明','英'])[1 + i % 4],
  'idNumber', '320722' || (1940 + i % 60)::text || lpad((1 + i % 12)::text, 2, '0') || lpad((1 + i % 28)::text, 2, '0') || lpad((i % 1000)::text, 3, '0') || 'X',
  'creditCode', null, 'phone', '13' || lpad((i::bigint * 7919 % 1000000000)::text, 9, '0'), 'altPhone', null,
  'address', jsonb_build_object('district', '虞山街道', 'community', (ARRAY['阳光花园','幸福家园','锦绣华庭','翰林苑','水晶城','金色家园'])[1 + i % 6],
    'building', (1 + i % 30)::text || '栋', 'unit', (1 + i % 6)::text || '单元', 'room', (1 + i % 18)::text || '0' || (1 + i % 4)::text),
  'fullAddress', '虞山街道' || (ARRAY['阳光花园','幸福家园','锦绣华庭','翰林苑','水晶城','金色家园'])[1 + i % 6] || (1 + i % 30)::text || '栋' || (1 + i % 6)::text || '单元' || (1 + i % 18)::text || '0' || (1 + i % 4)::text,
  'userClass', 'residential', 'householdSize', 1 + i % 6,
  'inspection', jsonb_build_object('status', 'normal', 'date', '2025-06-01'),
  'contract', jsonb_build_object('no', 'HT' || lpad(i::text, 9, '0'), 'signedOn', '2020-05-01'),
  'documents', jsonb_build_object('connectionFeeInvoiceNo', 'FP' || lpad(i::text, 8, '0'), 'registrationFormChecked', true),
  'status', 'active', 'statusChangedAt', '2020-05-01T02:00:00.000Z', 'openedAt', '2020-05-01T02:00:00.000Z', 'closedAt', null,
  'notes', null, 'version', 0, 'updatedHlc', '001588298400000-00000-headoffice', 'purchaseCount', i % 40,
  'balance', CASE WHEN i % 3 = 0 THEN (i % 50) * 100 ELSE 0 END,
  'balanceBy', CASE WHEN i % 3 = 0 THEN jsonb_build_object('0190f000-0000-7000-8000-0000000000bb', (i % 50) * 100) ELSE '{}'::jsonb END,
  'meters', jsonb_build_array(jsonb_build_object('id', 'm0000000-0000-7000-8000-' || lpad(i::text, 12, '0'), 'meterNo', 'M' || lpad(i::text, 9, '0'),
    'maker', '金卡智能', 'model', 'JK-IC-G2.5', 'cardType', 'SLE4442', 'installedOn', '2020-05-01', 'status', 'active')))`;

export async function seedHall(store: Store, hallCode: string, n: number): Promise<void> {
  const [hall] = await store.query<{ id: string }>('SELECT id FROM halls WHERE code = $1', [hallCode]);
  for (let from = 1; from <= n; from += 100_000)
    await store.query(
      `INSERT INTO feed (hall_id, kind, key, cursor, data, origin_counter_id)
       SELECT $1, 'customer', 'c0000000-0000-7000-8000-' || lpad(i::text, 12, '0'), nextval('feed_cursor_seq'), (${CUSTOMER_SQL})::text, NULL
       FROM generate_series($2::int, $3::int) AS i`,
      [hall!.id, from, Math.min(n, from + 99_999)],
    );
}

/** The floor: the same customers straight into a fresh SQLite file with the same applier. */
async function bareLocal(store: Store, dir: string): Promise<number> {
  const gdb = openDatabase(join(dir, 'bare.sqlite'));
  const applier = new CustomerApplier(gdb.sqlite);
  let cursor = 0;
  let seconds = 0;
  for (;;) {
    const rows = await store.query<{ cursor: number; data: string }>(
      "SELECT cursor, data FROM feed WHERE kind = 'customer' AND cursor > $1 ORDER BY cursor LIMIT 20000",
      [cursor],
    );
    if (rows.length === 0) break;
    cursor = rows[rows.length - 1]!.cursor;
    const t0 = performance.now();
    gdb.sqlite.transaction(() => {
      for (const r of rows) applier.apply(customerFeedSchema.parse(JSON.parse(r.data)));
    })();
    seconds += (performance.now() - t0) / 1000;
  }
  gdb.close();
  return seconds;
}

export async function benchBootstrap(
  dir: string,
  n: number,
): Promise<{ seconds: number; bareLocalS: number; customers: number }> {
  const pg = await freshPostgres();
  const where = pg ? { url: pg.url } : { dataDir: join(dir, 'head-office') };
  try {
    // Seeded before head office starts (PGlite is one process's), then head office runs as in production.
    let store = await openStore(where);
    await migrateServer(store);
    await createHall(store, { code: '0199', name: '基准营业厅', timeZone: 'Asia/Shanghai' }, Date.now());
    const { enrollment } = await createCounter(store, '0199', { code: '01', name: '1号窗口' }, Date.now());
    const t0 = performance.now();
    await seedHall(store, '0199', n);
    await store.query('ANALYZE');
    await store.close();
    process.stderr.write(
      `seeded ${n.toLocaleString()} customers in ${((performance.now() - t0) / 1000).toFixed(1)} s\n`,
    );
    const ho = await spawnHeadOffice(where);
    const app = new App({ dataDir: join(dir, 'counter') });
    let seconds: number;
    let customers: number;
    try {
      await initializeCounter(app, {
        hallCode: '0199',
        hallName: '基准营业厅',
        counterCode: '01',
        counterName: '1号窗口',
        admin: { username: 'admin', displayName: '管理员', password: 'bench-pass-1234' },
      });
      await enrollCounter(app, { server: ho.url, code: enrollment.code });
      const t1 = performance.now();
      const r = await runSync(app, { timeoutMs: 120_000 });
      seconds = (performance.now() - t1) / 1000;
      if (!r.ok)
        throw new Error(
          `bootstrap failed after ${seconds.toFixed(1)} s: ${getSyncState(app.gdb.sqlite)?.lastErrorMessage}`,
        );
      process.stderr.write(
        `counter thread: applying ${(lastPull.applyMs / 1000).toFixed(1)} s, waiting for pages ` +
          `${(lastPull.waitMs / 1000).toFixed(1)} s (${lastPull.pages} pages, ${lastPull.fromWorker} from the worker)\n`,
      );
      customers = (app.gdb.sqlite.prepare('SELECT count(*) AS n FROM customers').get() as { n: number }).n;
      if (customers !== n) throw new Error(`bootstrapped ${customers} of ${n}`);
    } finally {
      app.close();
      await ho.stop();
    }
    store = await openStore(where);
    const bareLocalS = await bareLocal(store, dir);
    await store.close();
    return { seconds, bareLocalS, customers };
  } finally {
    await pg?.drop();
  }
}
