/**
 * An import cut in the middle (kill -9 of `gasdesk server import` after its first chunk committed) resumes:
 * the same command again finishes the batch from the chunk after the last one committed, each customer once.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createHall } from '../../server/admin/org';
import { migrateServer } from '../../server/pg/migrate';
import { openStore, type StoreOptions } from '../../server/pg/store';
import { tempDir } from '../support/app';
import { freshPostgres } from '../support/head-office';
import { CUSTOMER_HEADER, customerRow, writeXlsx } from '../support/import-files';

const ROOT = join(import.meta.dirname, '../..');
// Four chunks of 50: the kill lands after the first, the resume writes the other three (600 rows proved no more).
const N = 200;
let drop: (() => Promise<void>) | undefined;
afterAll(async () => drop?.());

/** Runs the import; with `killAfterFirstChunk`, kill -9 as soon as it says a chunk is written. */
function importCli(
  file: string,
  db: StoreOptions,
  killAfterFirstChunk: boolean,
): Promise<{ code: number | null; signal: string | null; out: string }> {
  const env: NodeJS.ProcessEnv = { ...process.env, GASDESK_FROM_SOURCE: '1' };
  const args = [
    join(ROOT, 'cli/bin/gasdesk.js'),
    'server',
    'import',
    'customers',
    file,
    '--hall',
    '0101',
    '--chunk-rows',
    '50',
    '--progress',
  ];
  if (db.url) env.DATABASE_URL = db.url;
  else {
    delete env.DATABASE_URL;
    args.push('--data', db.dataDir!);
  }
  const child = spawn(process.execPath, args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout.on('data', (b: Buffer) => {
    out += b.toString();
  });
  child.stderr.on('data', (b: Buffer) => {
    out += b.toString();
    if (killAfterFirstChunk && out.includes('已写入至第')) child.kill('SIGKILL');
  });
  return new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal, out })));
}

describe('an import killed in the middle', () => {
  it('resumes after kill -9 and imports every row once', async () => {
    const dir = tempDir('gasdesk-import-kill-');
    const pg = await freshPostgres();
    drop = pg?.drop;
    const db: StoreOptions = pg ? { url: pg.url } : { dataDir: join(dir, 'ho') };
    const setup = await openStore(db);
    await migrateServer(setup);
    await createHall(setup, { code: '0101', name: '营业厅 0101', timeZone: 'Asia/Shanghai' }, Date.now());
    await setup.close();
    const file = join(dir, 'customers.xlsx');
    await writeXlsx(file, [CUSTOMER_HEADER, ...Array.from({ length: N }, (_, i) => customerRow(1_000 + i))]);

    const cut = await importCli(file, db, true);
    expect(cut.signal, cut.out).toBe('SIGKILL');
    let store = await openStore(db);
    const [mid] = await store.query<{ status: string; rows_done: number }>(
      'SELECT status, rows_done FROM import_batches',
    );
    expect(mid!.status).toBe('running');
    expect(mid!.rows_done).toBeGreaterThan(1);
    expect(mid!.rows_done).toBeLessThan(N + 1);
    const [{ n: before }] = (await store.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM customers',
    )) as [{ n: number }];
    expect(before).toBe(mid!.rows_done - 1);
    await store.close();

    const done = await importCli(file, db, false);
    expect(done.code, done.out).toBe(0);
    store = await openStore(db);
    try {
      const batches = await store.query<{ status: string; summary: { created: number } }>(
        'SELECT status, summary FROM import_batches',
      );
      expect(batches).toEqual([
        expect.objectContaining({ status: 'done', summary: expect.objectContaining({ created: N }) }),
      ]);
      const [counts] = await store.query<{ n: number; accounts: number; records: number; feed: number }>(
        `SELECT (SELECT count(*)::int FROM customers) AS n, (SELECT count(DISTINCT account_no)::int FROM customers) AS accounts,
                (SELECT count(*)::int FROM import_records) AS records, (SELECT count(*)::int FROM feed WHERE kind = 'customer') AS feed`,
      );
      expect(counts).toEqual({ n: N, accounts: N, records: N, feed: N });
    } finally {
      await store.close();
    }
    // The same file a third time: the finished batch answers, nothing changes.
    const again = await importCli(file, db, false);
    expect(again.code).toBe(0);
    expect(again.out).toContain(`新建 ${N}`);
    store = await openStore(db);
    expect((await store.query('SELECT 1 FROM import_batches')).length).toBe(1);
    await store.close();
  }, 120_000);
});
