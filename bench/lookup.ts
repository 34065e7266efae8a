/**
 * `npm run bench -- lookup [N]`: head office's customer search (server/visits/lookup.ts, 查询其他营业厅的用户) on
 * N (100,000) customers of two halls, generated in SQL: latency per query kind (p50, p95) on the indexes of
 * head-office migration 0014, against the same queries with index and bitmap scans turned off in the same run
 * (what the search did before the indexes: a scan of every file). On PostgreSQL when DATABASE_URL is set (a
 * fresh database, dropped after), else PGlite in memory. Runtime: Node.
 */
import { createHall } from '../server/admin/org';
import { migrateServer } from '../server/pg/migrate';
import { openStore, type Store } from '../server/pg/store';
import { lookupCustomers } from '../server/visits/lookup';
import { freshPostgres } from '../tests/support/head-office';
import { emit, log, percentile } from './support';

const N = Number(process.argv[2] ?? 100_000);
const RUNS = 15;

async function seed(store: Store, hallA: string, hallB: string): Promise<void> {
  await store.query(
    `INSERT INTO customers (id, hall_id, account_no, data, field_meta, updated_hlc, origin_counter_id, balance, balance_by, purchase_count)
     SELECT 'c' || g, CASE WHEN g % 2 = 0 THEN $1 ELSE $2 END, '0101' || lpad(g::text, 8, '0'),
            jsonb_build_object('name', (ARRAY['王','李','张','刘','陈','杨','赵','黄'])[1 + g % 8]
                                 || (ARRAY['伟','芳','娜','敏','静','磊','洋','勇'])[1 + (g / 8) % 8] || g,
              'fullAddress', (ARRAY['阳光花园','人民路','虞山街道','琴川小区','海虞北路'])[1 + g % 5]
                                 || (1 + g % 30) || '栋' || (100 + g % 700) || '室',
              'phone', '13' || lpad(((g * 7919) % 1000000000)::text, 9, '0'),
              'altPhone', CASE WHEN g % 4 = 0 THEN '0512-' || lpad(((g * 31) % 100000000)::text, 8, '0') END,
              'idNumber', '320722' || lpad(g::text, 11, '0') || 'X',
              'status', 'active',
              'meters', jsonb_build_array(jsonb_build_object('id', 'm' || g, 'meterNo', 'JK' || lpad((g * 13)::text, 9, '0'),
                'status', 'active'))),
            '{}', '0', 'import', 0, '{}', 0
       FROM generate_series(1, $3::int) g`,
    [hallA, hallB, N],
  );
  await store.query('ANALYZE customers');
}

async function time(store: Store, hall: string, query: string, indexes: boolean): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < (indexes ? RUNS : 3); i++)
    await store.tx(async (t) => {
      if (!indexes) {
        await t.query('SET LOCAL enable_indexscan = off');
        await t.query('SET LOCAL enable_bitmapscan = off');
      }
      const t0 = performance.now();
      await lookupCustomers(t, hall, { query, limit: 20 });
      out.push(performance.now() - t0);
    });
  return out;
}

async function main() {
  const pg = await freshPostgres();
  const store = await openStore(pg ? { url: pg.url } : {});
  try {
    await migrateServer(store);
    const a = await createHall(store, { code: '0101', name: 'A', timeZone: 'Asia/Shanghai' }, Date.now());
    const b = await createHall(store, { code: '0102', name: 'B', timeZone: 'Asia/Shanghai' }, Date.now());
    await seed(store, a.id, b.id);
    log(`lookup bench: ${N} customers on ${store.kind}`);
    const g = Math.floor(N / 3) | 1; // an odd one: hall B's, asked from hall A
    const kinds: [string, string][] = [
      [
        'phone (last 4 digits)',
        String((g * 7919) % 1000000000)
          .padStart(9, '0')
          .slice(-4),
      ],
      ['phone (whole)', `13${String((g * 7919) % 1000000000).padStart(9, '0')}`],
      ['name', `王伟${g}`],
      [
        'address words',
        `${['阳光花园', '人民路', '虞山街道', '琴川小区', '海虞北路'][g % 5]} ${1 + (g % 30)}栋${100 + (g % 700)}室`,
      ],
      ['address words, broad (3 % of customers match)', `人民路 ${1 + (g % 30)}栋`],
      [
        'meter number start',
        `JK${String(g * 13)
          .padStart(9, '0')
          .slice(0, 7)}`,
      ],
      ['ID number', `320722${String(g).padStart(11, '0')}X`],
    ];
    for (const [kind, q] of kinds) {
      const fast = await time(store, a.id, q, true);
      const slow = await time(store, a.id, q, false);
      emit('lookup', `${kind} p50, ms`, percentile(fast, 50), percentile(slow, 50), 'ms');
      emit('lookup', `${kind} p95, ms`, percentile(fast, 95), percentile(slow, 50), 'ms');
    }
  } finally {
    await store.close();
    await pg?.drop();
  }
}

await main();
