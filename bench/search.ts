/**
 * `npm run bench -- search [N]`: generates N customers (default 1,000,000) deterministically in a real SQLite
 * file with the real migrations, then measures customer search per query kind (p50, p95) against the naive
 * method measured in the same run: a LIKE scan over the same columns. Target: p95 < 30 ms for every kind.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { formatAddress } from '../core/domain/customer';
import type { SearchKind } from '../core/domain/search';
import { openDatabase, searchCustomers, searchIndexText } from '../db';
import { fakeHousehold, mulberry32 } from '../services/setup/fake-households';
import { emit, log, percentile, timeMs } from './support';
import { customerInserter } from './support-households';

const N = Number(process.argv[2] ?? 1_000_000);
const QUERIES = 200;
const BASELINE_QUERIES = 15;

const dir = mkdtempSync(join(tmpdir(), 'gasdesk-bench-'));
const gdb = openDatabase(join(dir, 'bench.sqlite'));
const { sqlite, db } = gdb;

interface Sample {
  accountNo: string;
  name: string;
  phone: string;
  idNumber: string;
  community: string;
  address: string;
  meterNo: string;
}

function generate(): Sample[] {
  const rand = mulberry32(1_000_000);
  const insertCustomer = customerInserter(sqlite);
  const insertMeter =
    sqlite.prepare(`INSERT INTO meters (id, customer_id, meter_no, maker, model, card_type, installed_on,
    status, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, 'active', ?)`);
  const insertFts = sqlite.prepare('INSERT INTO customer_search (rowid, name, address) VALUES (?, ?, ?)');
  const samples: Sample[] = [];
  const every = Math.max(1, Math.floor(N / QUERIES));
  const batch = 50_000;
  for (let start = 0; start < N; start += batch) {
    sqlite.transaction(() => {
      for (let i = start; i < Math.min(N, start + batch); i++) {
        const h = fakeHousehold(rand, i);
        const id = `c-${i}`;
        const accountNo = `0101${String(i + 1).padStart(8, '0')}`;
        const full = formatAddress(h.address);
        const when = h.contract.signedOn;
        const rowid = insertCustomer(id, accountNo, h);
        const m = h.meters![0]!;
        insertMeter.run(`m-${i}`, id, m.meterNo, m.maker, m.model, m.cardType, when, when);
        const t = searchIndexText(h.name, full);
        insertFts.run(rowid, t.name, t.address);
        if (i % every === 0) {
          samples.push({
            accountNo,
            name: h.name,
            phone: h.phone,
            idNumber: h.idNumber!,
            community: h.address.community,
            address: full,
            meterNo: m.meterNo,
          });
        }
      }
    })();
    if ((start / batch) % 4 === 0)
      log(`generated ${Math.min(N, start + batch).toLocaleString()} / ${N.toLocaleString()}`);
  }
  return samples;
}

/** Two consecutive characters of the community name: the clerk's typical address query. */
function twoChars(s: Sample, k: number): string {
  const at = k % (Array.from(s.community).length - 1);
  return Array.from(s.community)
    .slice(at, at + 2)
    .join('');
}

const KINDS: { metric: string; kind: SearchKind; query: (s: Sample, k: number) => string; like: string[] }[] =
  [
    { metric: 'accountNo', kind: 'accountNo', query: (s) => s.accountNo, like: ['account_no'] },
    { metric: 'name', kind: 'name', query: (s) => s.name, like: ['name'] },
    { metric: 'phone', kind: 'phone', query: (s) => s.phone, like: ['phone'] },
    { metric: 'idNumber', kind: 'idNumber', query: (s) => s.idNumber, like: ['id_number'] },
    { metric: 'address', kind: 'address', query: twoChars, like: ['full_address'] },
    { metric: 'addressRoom', kind: 'address', query: (s) => s.address.slice(-8), like: ['full_address'] },
    { metric: 'meterNo', kind: 'meterNo', query: (s) => s.meterNo, like: ['meter_no'] },
    {
      metric: 'auto',
      kind: 'auto',
      query: (s, k) => [s.phone, s.name, twoChars(s, k), s.accountNo][k % 4]!,
      like: ['name', 'full_address', 'phone', 'account_no'],
    },
  ];

function likeScan(columns: string[], q: string) {
  const where = columns
    .map((c) =>
      c === 'meter_no' ? 'id IN (SELECT customer_id FROM meters WHERE meter_no LIKE @q)' : `${c} LIKE @q`,
    )
    .join(' OR ');
  return sqlite.prepare(`SELECT * FROM customers WHERE ${where} LIMIT 51`).all({ q: `%${q}%` });
}

const t0 = Date.now();
const samples = generate();
sqlite.pragma('optimize');
log(`generated ${N.toLocaleString()} customers in ${((Date.now() - t0) / 1000).toFixed(1)} s; measuring…`);

for (const k of KINDS) {
  const queries = samples.map((s, i) => k.query(s, i));
  for (const q of queries.slice(0, 10)) searchCustomers(db, q, k.kind, 50);
  const times = queries.map((q) => timeMs(() => searchCustomers(db, q, k.kind, 50)));
  const baseline = queries.slice(0, BASELINE_QUERIES).map((q) => timeMs(() => likeScan(k.like, q)));
  const found = queries.filter((q) => searchCustomers(db, q, k.kind, 50).items.length > 0).length;
  if (found !== queries.length) log(`warning: ${k.metric}: ${queries.length - found} queries found nothing`);
  emit('search', `${k.metric}.p50`, percentile(times, 50), percentile(baseline, 50));
  emit('search', `${k.metric}.p95`, percentile(times, 95), percentile(baseline, 95));
}

gdb.close();
rmSync(dir, { recursive: true, force: true });
