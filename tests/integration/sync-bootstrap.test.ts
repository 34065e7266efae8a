/**
 * A fresh counter bootstraps its hall from head office: paged by cursor, one transaction per page, searchable
 * at once; a second sync pulls nothing. (The 1,000,000-customer run is `npm run bench -- sync bootstrap`.)
 * Also: `gasdesk server` on PGlite prints its administrator token once, at its first start only.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { customerFeedSchema } from '../../core/sync/feed';
import { deferLookupIndexes, deferredLookupIndexes, openDatabase, searchCustomers } from '../../db';

const LOOKUP_INDEXES = [
  'customers_phone_idx',
  'customers_alt_phone_idx',
  'customers_phone_tail_idx',
  'customers_alt_phone_tail_idx',
  'customers_id_number_idx',
  'customers_credit_code_idx',
  'customers_name_idx',
  'customers_full_address_idx',
  'customers_address_from_community_idx',
  'customers_address_from_building_idx',
  'customers_address_from_unit_idx',
  'customers_room_idx',
] as const;
import { App } from '../../services/app';
import { initializeCounter } from '../../services/setup/initialize';
import { CustomerApplier } from '../../services/sync/apply-customers';
import { enrollCounter } from '../../services/sync/enroll';
import { lastPull } from '../../services/sync/pull';
import { runSync } from '../../services/sync/run-sync';
import { seedHall } from '../sim/bench-bootstrap';
import { tempDir } from '../support/app';
import { registerCounter, startHeadOffice, type TestHeadOffice } from '../support/head-office';
import { gasdesk } from '../support/socat';

let ho: TestHeadOffice;
beforeAll(async () => {
  ho = await startHeadOffice();
});
afterAll(async () => ho?.close());

describe('bootstrap of a fresh counter', () => {
  it('pulls 20,000 customers in pages, each applied in one transaction, searchable at once', async () => {
    const code = await registerCounter(ho, '0199', '01');
    await seedHall(ho.store, '0199', 20_000);
    const app = new App({ dataDir: tempDir('gasdesk-boot-') });
    try {
      await initializeCounter(app, {
        hallCode: '0199',
        hallName: '基准营业厅',
        counterCode: '01',
        counterName: '1号窗口',
        admin: { username: 'admin', displayName: '管理员', password: 'boot-pass-1234' },
      });
      await enrollCounter(app, { server: ho.url, code });
      const r = await runSync(app, { pullLimit: 3_000 });
      expect(r).toMatchObject({ ok: true, pulled: 20_000 });
      // A long pull: the worker prepares the pages after the first; a first pull builds the lookup indexes at the end.
      // Its pages commit without waiting for the disk (re-pulled if lost); the connection is back to full sync.
      expect(lastPull).toMatchObject({
        pages: 7,
        fromWorker: 6,
        relaxed: 7,
        indexesBuilt: LOOKUP_INDEXES.length,
      });
      const db = app.gdb.sqlite;
      expect(db.pragma('synchronous', { simple: true })).toBe(2);
      expect((db.prepare('SELECT count(*) AS n FROM customers').get() as { n: number }).n).toBe(20_000);
      expect((db.prepare('SELECT count(*) AS n FROM meters').get() as { n: number }).n).toBe(20_000);
      expect(
        (db.prepare("SELECT count(*) AS n FROM audit WHERE action = 'sync.pulled'").get() as { n: number }).n,
      ).toBe(7);
      const [{ cursor }] = await ho.store.query<{ cursor: number }>(
        'SELECT max(cursor)::int AS cursor FROM feed',
      );
      expect((db.prepare('SELECT pull_cursor AS c FROM sync_state').get() as { c: number }).c).toBe(cursor);
      expect(searchCustomers(app.db, '阳光花园', 'address', 10).items.length).toBeGreaterThan(0);
      // The lookup indexes a first pull builds at the end are there, and the phone search uses its index.
      expect(deferredLookupIndexes(db)).toEqual([]);
      expect(
        db
          .prepare(
            "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'customers' ORDER BY name",
          )
          .pluck()
          .all(),
      ).toEqual(expect.arrayContaining([...LOOKUP_INDEXES]));
      const plan = db
        .prepare("EXPLAIN QUERY PLAN SELECT seq FROM customers WHERE phone >= '1300' AND phone < '1301'")
        .all() as { detail: string }[];
      expect(plan.map((p) => p.detail).join(' ')).toContain('customers_phone_idx');
      expect(searchCustomers(app.db, '019900012345', 'accountNo', 5).items.map((c) => c.accountNo)).toEqual([
        '019900012345',
      ]);
      expect((await runSync(app)).pulled).toBe(0);
      expect(lastPull.indexesBuilt).toBe(0);
      // Purchase counts: one row per account that has bought (customer i has bought i % 40 times), and a
      // count pulled again only ever raises it.
      const countOf = db.prepare('SELECT last_count FROM account_counts WHERE customer_id = ?').pluck();
      expect((db.prepare('SELECT count(*) AS n FROM account_counts').get() as { n: number }).n).toBe(19_500);
      const id = 'c0000000-0000-7000-8000-000000012345';
      expect(countOf.get(id)).toBe(25);
      // Balances: customer i (a multiple of 3) has (i % 50) × 1 元, made at another counter; none kept for 0.
      const balanceOf = db.prepare('SELECT balance FROM customer_balances WHERE customer_id = ?').pluck();
      expect((db.prepare('SELECT count(*) AS n FROM customer_balances').get() as { n: number }).n).toBe(
        6_533,
      );
      expect(balanceOf.get(id)).toBe(4_500);
      const [row] = await ho.store.query<{ data: string }>('SELECT data FROM feed WHERE key = $1', [id]);
      const feed = customerFeedSchema.parse(JSON.parse(row!.data));
      const applier = new CustomerApplier(db);
      app.transaction(() => applier.apply({ ...feed, purchaseCount: 3 }));
      expect(countOf.get(id)).toBe(25);
      app.transaction(() => applier.apply({ ...feed, purchaseCount: 31 }));
      expect(countOf.get(id)).toBe(31);
      const never = 'c0000000-0000-7000-8000-000000000040';
      expect(countOf.get(never)).toBeUndefined();
      // A customer new here whose account already has a count (written with the page's other new ones): raised,
      // never lowered.
      const stranger = (n: number, count: number) => {
        const cid = `c0000000-0000-7000-8000-99999999999${n}`;
        db.prepare('INSERT INTO account_counts (customer_id, last_count, cumulative) VALUES (?, ?, 0)').run(
          cid,
          12,
        );
        app.transaction(() =>
          applier.apply({ ...feed, id: cid, accountNo: `01999999999${n}`, meters: [], purchaseCount: count }),
        );
        return countOf.get(cid);
      };
      expect([stranger(1, 20), stranger(2, 9)]).toEqual([20, 12]);
    } finally {
      app.close();
    }
  }, 120_000);
});

describe('lookup indexes deferred by a bootstrap', () => {
  it('are rebuilt when the database is next opened, if the counter stopped half-way', () => {
    const dir = tempDir('gasdesk-defer-');
    const file = `${dir}/gasdesk.sqlite`;
    let gdb = openDatabase(file);
    deferLookupIndexes(gdb.sqlite);
    const indexes = (d: typeof gdb) =>
      d.sqlite
        .prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'customers'")
        .pluck()
        .all();
    expect(indexes(gdb)).not.toEqual(expect.arrayContaining(['customers_phone_idx']));
    expect(deferredLookupIndexes(gdb.sqlite).sort()).toEqual([...LOOKUP_INDEXES].sort());
    gdb.close(); // as a kill would leave it: the indexes dropped, their SQL kept
    gdb = openDatabase(file);
    try {
      expect(indexes(gdb)).toEqual(expect.arrayContaining([...LOOKUP_INDEXES]));
      expect(deferredLookupIndexes(gdb.sqlite)).toEqual([]);
    } finally {
      gdb.close();
    }
  });
});

describe('gasdesk server', () => {
  it('prints an administrator token at its first start only, and answers /health', async () => {
    const dir = tempDir('gasdesk-hq-');
    const env = { ...process.env };
    delete process.env.GASDESK_ADMIN_TOKEN;
    delete process.env.DATABASE_URL;
    try {
      const first = await gasdesk(['server', '--data', dir, '--port', '0'], /head office ready at (\S+)/);
      const out: string[] = [];
      first.child.stdout!.on('data', (d) => out.push(String(d)));
      const url = first.match[1]!;
      const h = await fetch(`${url}/health`);
      expect(h.status).toBe(200);
      first.child.kill('SIGTERM');
      await new Promise((r) => first.child.once('exit', r));
      const second = await gasdesk(['server', '--data', dir, '--port', '0'], /head office ready at (\S+)/);
      second.child.kill('SIGTERM');
      await new Promise((r) => second.child.once('exit', r));
      expect(first.match.input).toMatch(/administrator token \(shown once, keep it safe\): \S{20,}/);
      expect(second.match.input).not.toMatch(/administrator token/);
    } finally {
      process.env = env;
    }
    // Two cold starts of head office on PGlite (each initialises and migrates its database, through tsx): about
    // 10 s each on a quiet machine, over 30 s each with both cores loaded (load average 16 ran out of 60 s).
  }, 180_000);
});
