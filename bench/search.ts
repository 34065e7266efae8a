/**
 * `npm run bench -- search [N] [DIR]`: a counter of N customers (default 1,000,000) with realistic name
 * frequencies and the generated hall's addresses, in a real SQLite file with the real migrations; then the
 * clerk's query mix — full and partial addresses, name plus address, name, phone prefixes and suffixes, room
 * numbers, one character — each sent through the dispatcher (`customers.search`, as the counter's UI sends
 * it). Baseline: the same answer's rows fetched by primary key, on the same connection, interleaved.
 * Prints p50 and p99 per kind and over the whole mix. Target: p99 ≤ 30 ms. DIR (optional) keeps the
 * generated counter for the next run.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { searchIndexText } from '../db';
import { createDispatcher } from '../services/api';
import { App } from '../services/app';
import { DEMO_PASSWORD, seedDemo } from '../services/setup/demo';
import { fakeHousehold, mulberry32 } from '../services/setup/fake-households';
import { withRequestId } from '../tests/support/request-id';
import { emit, log, percentile } from './support';
import { customerInserter } from './support-households';
import { QUERY_MIX, realisticName, type Sample, sampleOf } from './support-search';

const N = Number(process.argv[2] ?? 1_000_000);
const keep = process.argv[3];
const SAMPLES = 300;
const WARMUP = 20;

const dir = keep ?? mkdtempSync(join(tmpdir(), 'gasdesk-bench-search-'));
const reuse = keep !== undefined && existsSync(join(keep, 'generated'));
const app = new App({ dataDir: dir });
const { sqlite } = app.gdb;

function generate(insert: boolean): Sample[] {
  const rand = mulberry32(1_000_000);
  const names = mulberry32(2_020);
  const insertCustomer = customerInserter(sqlite);
  const insertMeter =
    sqlite.prepare(`INSERT INTO meters (id, customer_id, meter_no, maker, model, card_type, installed_on,
    status, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, 'active', ?)`);
  const insertFts = sqlite.prepare('INSERT INTO customer_search (rowid, name, address) VALUES (?, ?, ?)');
  const samples: Sample[] = [];
  const every = Math.max(1, Math.floor(N / SAMPLES));
  const batch = 50_000;
  if (insert) {
    sqlite.pragma('journal_mode = OFF');
    sqlite.pragma('synchronous = OFF');
  }
  for (let start = 0; start < N; start += batch) {
    const run = () => {
      for (let i = start; i < Math.min(N, start + batch); i++) {
        const h = { ...fakeHousehold(rand, i), name: realisticName(names) };
        if (i % every === 0) samples.push(sampleOf(h));
        if (!insert) continue;
        const id = `c-${i}`;
        const rowid = insertCustomer(id, `0101${String(i + 1).padStart(8, '0')}`, h);
        const m = h.meters![0]!;
        insertMeter.run(
          `m-${i}`,
          id,
          m.meterNo,
          m.maker,
          m.model,
          m.cardType,
          h.contract.signedOn,
          h.contract.signedOn,
        );
        const t = searchIndexText(h.name, sampleOf(h).address);
        insertFts.run(rowid, t.name, t.address);
      }
    };
    if (insert) sqlite.transaction(run)();
    else run();
    if (insert && (start / batch) % 4 === 0)
      log(`generated ${Math.min(N, start + batch).toLocaleString()} / ${N.toLocaleString()}`);
  }
  if (insert) {
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('synchronous = FULL');
    sqlite.pragma('optimize');
  }
  return samples;
}

async function main() {
  const t0 = Date.now();
  if (!reuse) await seedDemo(app, 0);
  const samples = generate(!reuse);
  if (keep && !reuse) rmSync(join(keep, 'generated'), { force: true });
  if (keep && !reuse) (await import('node:fs')).writeFileSync(join(keep, 'generated'), '');
  log(`counter of ${N.toLocaleString()} customers ready in ${((Date.now() - t0) / 1000).toFixed(1)} s`);

  const d = createDispatcher(app, () => {});
  const login = (await d.invoke(
    'auth.login',
    withRequestId('auth.login', { username: 'wangfang', password: DEMO_PASSWORD }),
  )) as { result: { sessionId: string } };
  const meta = { sessionId: login.result.sessionId };

  const search = async (query: string) => {
    const t = process.hrtime.bigint();
    const a = await d.invoke('customers.search', { query }, meta);
    const ms = Number(process.hrtime.bigint() - t) / 1e6;
    return { ms, a };
  };
  /** The baseline: the answer's rows (and their meters) fetched by primary key, in one statement each. */
  const byKey = (ids: string[]) => {
    const t = process.hrtime.bigint();
    const list = sql.join(
      ids.map((id) => sql`${id}`),
      sql`, `,
    );
    if (ids.length > 0) {
      app.db.all(sql`SELECT * FROM customers WHERE id IN (${list})`);
      app.db.all(sql`SELECT customer_id, meter_no FROM meters WHERE customer_id IN (${list})`);
    }
    return Number(process.hrtime.bigint() - t) / 1e6;
  };

  const mix = [...QUERY_MIX, { kind: 'oneChar', query: (s: Sample) => Array.from(s.name)[0]! }];
  const all: number[] = [];
  const allBase: number[] = [];
  for (const k of mix) {
    const queries = samples.map((s, i) => k.query(s, i));
    for (const q of queries.slice(0, WARMUP)) await search(q);
    const times: number[] = [];
    const base: number[] = [];
    let empty = 0;
    let refused = 0;
    for (const q of queries) {
      const { ms, a } = await search(q);
      times.push(ms);
      if (!a.ok) {
        refused++;
        base.push(byKey([]));
        continue;
      }
      const r = a.result as { items: { id: string }[] };
      if (r.items.length === 0) empty++;
      base.push(byKey(r.items.map((i) => i.id)));
    }
    const slowest = times.indexOf(Math.max(...times));
    log(`${k.kind}: slowest “${queries[slowest]}” ${times[slowest]!.toFixed(1)} ms`);
    if (empty > 0) log(`warning: ${k.kind}: ${empty} of ${queries.length} queries found nothing`);
    if (refused > 0) log(`${k.kind}: ${refused} of ${queries.length} refused`);
    all.push(...times);
    allBase.push(...base);
    emit('search', `${k.kind}.p50`, percentile(times, 50), percentile(base, 50));
    emit('search', `${k.kind}.p99`, percentile(times, 99), percentile(base, 99));
  }
  emit('search', 'mix.p50', percentile(all, 50), percentile(allBase, 50));
  emit('search', 'mix.p99', percentile(all, 99), percentile(allBase, 99));
}

try {
  await main();
} finally {
  app.close();
  if (!keep) rmSync(dir, { recursive: true, force: true });
}
