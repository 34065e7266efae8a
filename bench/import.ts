/**
 * `npm run bench -- import [N]` (or GASDESK_BENCH_IMPORT_N): bringing a company in at head office — N customers,
 * each with a meter and a card, from three .xlsx files (written here with exceljs's streaming writer): the dry
 * run of the customers file, and the import of all three (each a dry pass then the chunked write). The baseline,
 * in the same run: COPY of the same rows (the customers, cards and feed entries the import wrote, exported with
 * COPY TO first) into the same tables. Peak RSS is sampled every 50 ms during the import. On PostgreSQL when
 * DATABASE_URL is set (a fresh database is created and dropped), else PGlite in memory (then the baseline is
 * INSERT … SELECT of the same rows, PGlite having no server-side COPY file). Runtime: Node.
 */
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { createHall } from '../server/admin/org';
import { dryRun, type ImportOptions, runImport } from '../server/import/run';
import { migrateServer } from '../server/pg/migrate';
import { openStore, type Store } from '../server/pg/store';
import { freshPostgres } from '../tests/support/head-office';
import { CUSTOMER_HEADER, customerRow } from '../tests/support/import-files';
import { emit, log } from './support';

const N = Number(process.argv[2] ?? process.env.GASDESK_BENCH_IMPORT_N ?? 10_000);
const account = (i: number) => `0101${String(i).padStart(8, '0')}`;

async function writeBig(path: string, header: string[], row: (i: number) => unknown[]): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({
    filename: path,
    useSharedStrings: false,
    useStyles: false,
  });
  const ws = wb.addWorksheet('Sheet1');
  ws.addRow(header).commit();
  for (let i = 1; i <= N; i++) ws.addRow(row(i)).commit();
  ws.commit();
  await wb.commit();
}

const TABLES = ['customers', 'cards', 'feed'] as const;

/** Seconds to put the same rows back into the same tables with COPY (PostgreSQL) or INSERT … SELECT (PGlite). */
async function baseline(store: Store, dir: string): Promise<number> {
  for (const t of TABLES)
    if (store.kind === 'postgres') await store.query(`COPY ${t} TO '${join(dir, `${t}.copy`)}'`);
    else await store.query(`CREATE TABLE bench_${t} AS SELECT * FROM ${t}`);
  await store.query(`TRUNCATE ${TABLES.join(', ')}`);
  const t0 = performance.now();
  for (const t of TABLES)
    if (store.kind === 'postgres') await store.query(`COPY ${t} FROM '${join(dir, `${t}.copy`)}'`);
    else await store.query(`INSERT INTO ${t} SELECT * FROM bench_${t}`);
  return (performance.now() - t0) / 1000;
}

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'gasdesk-bench-import-'));
  chmodSync(dir, 0o777); // the PostgreSQL server writes and reads its COPY files here
  const pg = await freshPostgres();
  const store = await openStore(pg ? { url: pg.url } : {});
  try {
    await migrateServer(store);
    await createHall(store, { code: '0101', name: '基准营业厅', timeZone: 'Asia/Shanghai' }, Date.now());
    log(`import bench: ${N} customers with meters and cards on ${store.kind}`);
    const files = {
      customers: join(dir, 'customers.xlsx'),
      meters: join(dir, 'meters.xlsx'),
      cards: join(dir, 'cards.xlsx'),
    };
    await writeBig(files.customers, CUSTOMER_HEADER, customerRow as (i: number) => unknown[]);
    await writeBig(files.meters, ['表号', '户号', '表厂', '表型号', '卡类型'], (i) => [
      `M${String(i).padStart(9, '0')}`,
      account(i),
      '金卡智能',
      'JK-IC-G2.5',
      'SLE4442',
    ]);
    await writeBig(files.cards, ['卡号', '户号', '购气次数', '累计购气量', '区域码'], (i) => [
      String(8_000_000_000 + i),
      account(i),
      i % 40,
      `${i % 40}0.00`,
      101,
    ]);
    let peak = process.memoryUsage().rss;
    const sampler = setInterval(() => {
      peak = Math.max(peak, process.memoryUsage().rss);
    }, 50);
    const o = (kind: ImportOptions['kind']): ImportOptions => ({
      kind,
      path: files[kind as keyof typeof files],
      hallCode: '0101',
      now: Date.now,
    });
    let t0 = performance.now();
    const d = await dryRun(store, o('customers'));
    const drySeconds = (performance.now() - t0) / 1000;
    if (d.issueCount > 0) throw new Error(`bench rows refused: ${JSON.stringify(d.issues.slice(0, 3))}`);
    t0 = performance.now();
    for (const kind of ['customers', 'meters', 'cards'] as const) {
      const tk = performance.now();
      const r = await runImport(store, `bench-${kind}`, o(kind));
      log(`${kind}: ${Math.round(performance.now() - tk)} ms`);
      if (r.batch?.summary.created !== N) throw new Error(`${kind}: ${JSON.stringify(r.batch?.summary)}`);
    }
    const importSeconds = (performance.now() - t0) / 1000;
    clearInterval(sampler);
    const copySeconds = await baseline(store, dir);
    emit('import', `dry run customers (${N} rows .xlsx), s`, drySeconds, copySeconds, 's');
    emit('import', `import customers+meters+cards (${N} each), s`, importSeconds, copySeconds, 's');
    emit('import', 'peak RSS during import, MB', peak / 2 ** 20, 0, 'MB');
  } finally {
    await store.close();
    await pg?.drop();
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
