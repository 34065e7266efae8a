/**
 * `npm run bench -- sale [N] [K]`: builds a counter database of N customers (default 1,000,000) and 10·N past
 * sales (with their tier lines, tenders, ledger operations and audit entries), deterministically, with raw
 * prepared statements; then times K (default 1,000) full `sellGas` use cases — quote, sale, lines, tenders,
 * balance, receipt number, ledger operation and audit entry, synchronous=FULL — against a bare SQLite
 * transaction writing the same rows on the same connection, interleaved in the same run.
 * Targets: p99 < 20 ms and ratio ≤ 1.5.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sliceAmount } from '../core/pricing';
import { hashRow } from '../db';
import { createDispatcher } from '../services/api';
import { App } from '../services/app';
import { currentBusinessDate } from '../services/cash/business-date';
import { pricePurchase } from '../services/sales/quote';
import { sellGas } from '../services/sales/sell-gas';
import type { Sale } from '../core/contract';
import { DEMO_PASSWORD, seedDemo } from '../services/setup/demo';
import { fakeHousehold, mulberry32 } from '../services/setup/fake-households';
import { emit, log, percentile } from './support';
import { customerInserter } from './support-households';
import { withRequestId } from '../tests/support/request-id';

const N = Number(process.argv[2] ?? 1_000_000);
const SALES_PER_CUSTOMER = 10;
const K = Number(process.argv[3] ?? 1000);
const WARMUP = 20;
const DAY_MS = 86_400_000;
/** Time prefix of the history's ids (ordered, so bulk inserts append to the id indexes). */
const HISTORY_MS = Date.parse('2024-01-01T00:00:00Z');
/** The bench's clock: 2026-11-26 09:00 (+08:00), moving with real time. */
const START = Date.parse('2026-11-26T09:00:00+08:00');
const t0 = Date.now();
const clock = { nowMs: () => START + (Date.now() - t0) };

const dir = mkdtempSync(join(tmpdir(), 'gasdesk-bench-sale-'));
const app = new App({ dataDir: dir, clock });
const { sqlite } = app.gdb;

/** Deterministic time-ordered UUID-shaped ids. */
const uid = (ms: number, n: number, variant: string) =>
  `${ms
    .toString(16)
    .padStart(12, '0')
    .replace(/^(.{8})(.{4})$/, '$1-$2')}-7${variant}-8000-${n.toString(16).padStart(12, '0')}`;
const iso = (ms: number) => new Date(ms).toISOString();
const dateOf = (ms: number) => iso(ms + 8 * 3_600_000).slice(0, 10);

async function setUp(): Promise<{ operatorId: string }> {
  await seedDemo(app, 0);
  const d = createDispatcher(app, () => {});
  const login = (await d.invoke(
    'auth.login',
    withRequestId('auth.login', { username: 'wangfang', password: DEMO_PASSWORD }),
  )) as {
    result: { sessionId: string; staff: { id: string } };
  };
  await d.invoke('shifts.open', withRequestId('shifts.open', { float: 50_000 }), {
    sessionId: login.result.sessionId,
  });
  return { operatorId: login.result.staff.id };
}

function generate(operatorId: string, versionId: string, counterId: string): void {
  // Bulk load: no journal, no fsync; the measured phase below runs with the real settings.
  sqlite.pragma('journal_mode = OFF');
  sqlite.pragma('synchronous = OFF');
  sqlite.pragma('cache_size = -4000000');
  const rand = mulberry32(20_261_126);
  const ins = {
    customer: customerInserter(sqlite),
    balance: sqlite.prepare('INSERT INTO customer_balances (customer_id, balance) VALUES (?, ?)'),
    sale: sqlite.prepare(`INSERT INTO sales (id, receipt_no, kind, status, customer_id, user_class, shift_id,
      business_date, operator_id, volume, amount, balance_used, balance_added, amount_paid, price_version_id,
      period_start, created_at) VALUES (?, ?, ?, 'completed', ?, 'residential', ?, ?, ?, ?, ?, 0, 0, ?, ?, ?, ?)`),
    line: sqlite.prepare(`INSERT INTO sale_lines (sale_id, line_no, kind, tier, name, volume, price_li, qty, amount)
      VALUES (?, 1, ?, ?, ?, ?, ?, ?, ?)`),
    tender:
      sqlite.prepare(`INSERT INTO tenders (sale_id, line_no, method, amount, received, change, reference)
      VALUES (?, 1, ?, ?, NULL, 0, ?)`),
    op: sqlite.prepare(`INSERT INTO outbox (seq, id, counter_id, type, entity_type, entity_id, payload, operator_id,
      hlc, created_at, prev_hash, hash) VALUES (?, ?, ?, ?, 'sale', ?, ?, ?, ?, ?, ?, ?)`),
    audit:
      sqlite.prepare(`INSERT INTO audit (id, at, operator_id, action, entity_type, entity_id, summary, op_seq)
      VALUES (?, ?, ?, ?, 'sale', ?, ?, ?)`),
  };
  const last = sqlite.prepare('SELECT seq, hash FROM outbox ORDER BY seq DESC LIMIT 1').get() as {
    seq: number;
    hash: string;
  };
  let seq = last.seq;
  let prevHash = last.hash;
  const METHODS = ['cash', 'cash', 'cash', 'wechat', 'alipay', 'bank_card'] as const;
  const span = 700 * DAY_MS;
  const batch = 20_000;
  for (let start = 0; start < N; start += batch) {
    sqlite.transaction(() => {
      for (let i = start; i < Math.min(N, start + batch); i++) {
        const h = fakeHousehold(rand, i);
        const cid = uid(START - span - DAY_MS + i, i, 'c00');
        const _when = h.contract.signedOn;
        ins.customer(cid, `0101${String(i + 1).padStart(8, '0')}`, h);
        if (rand() < 0.3) ins.balance.run(cid, Math.floor(rand() * 100));
        for (let j = 0; j < SALES_PER_CUSTOMER; j++) {
          const k = i * SALES_PER_CUSTOMER + j;
          const at = START - span + Math.floor(((j + rand()) / SALES_PER_CUSTOMER) * span);
          const date = dateOf(at);
          const id = uid(HISTORY_MS + k, k, 'a00');
          const gas = rand() < 0.9;
          const volume = gas ? 500 + Math.floor(rand() * 3500) : 0;
          const amount = gas ? sliceAmount(volume, 2750) : 2000;
          const method = METHODS[k % METHODS.length]!;
          ins.sale.run(
            id,
            `HIST-${String(k).padStart(9, '0')}`,
            gas ? 'gas' : 'fee',
            cid,
            `hist-${date}`,
            date,
            operatorId,
            volume,
            amount,
            amount,
            gas ? versionId : null,
            gas ? `${date.slice(0, 4)}-01-01` : null,
            iso(at),
          );
          ins.line.run(
            id,
            gas ? 'gas' : 'fee',
            gas ? 1 : null,
            gas ? '第1档' : '补卡',
            gas ? volume : null,
            gas ? 2750 : null,
            gas ? null : 1,
            amount,
          );
          ins.tender.run(id, method, amount, method === 'cash' ? null : `REF${k}`);
          seq++;
          const type = gas ? 'sale.gasSold' : 'sale.feesPaid';
          const op = {
            seq,
            id: uid(HISTORY_MS + k, k, 'b00'),
            counterId,
            type,
            entityType: 'sale',
            entityId: id,
            payload: `{"id":"${id}","amount":${amount},"volume":${volume}}`,
            operatorId,
            approverId: null,
            hlc: `${String(at).padStart(15, '0')}-00000-bench`,
            createdAt: iso(at),
            prevHash,
          };
          const hash = hashRow(op);
          ins.op.run(
            seq,
            op.id,
            counterId,
            type,
            id,
            op.payload,
            operatorId,
            op.hlc,
            op.createdAt,
            prevHash,
            hash,
          );
          ins.audit.run(
            uid(HISTORY_MS + k, k, 'd00'),
            op.createdAt,
            operatorId,
            type,
            id,
            `历史业务 ${amount}`,
            seq,
          );
          prevHash = hash;
        }
      }
    })();
    if ((start / batch) % 10 === 0) log(`generated ${Math.min(N, start + batch).toLocaleString()} customers`);
  }
  sqlite.pragma('optimize');
  sqlite.pragma('cache_size = -64000');
  // Back to the counter's settings (openDatabase's pragmas), and the bulk load made durable before timing.
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.prepare('CREATE TABLE bench_flush (x)').run();
  sqlite.prepare('DROP TABLE bench_flush').run();
  sqlite.pragma('wal_checkpoint(TRUNCATE)');
}

/** What the bare transaction copies from the sale just measured (read after it, outside the timing). */
interface Written {
  readonly sale: Sale;
  readonly payload: string;
  readonly summary: string;
}

/**
 * The bare transaction: the same rows the sale just wrote — sale, tier lines, tenders, balance, number series,
 * ledger operation with the same payload bytes, audit entry with the same summary — with plain INSERTs and no
 * reads or checks, for the same customer (whose pages the cashier's quote made warm for both).
 */
function makeBaseline(operatorId: string, counterId: string) {
  const s = {
    sale: sqlite.prepare(`INSERT INTO sales (id, receipt_no, kind, status, customer_id, user_class, shift_id,
      business_date, operator_id, volume, amount, balance_used, balance_added, amount_paid, price_version_id,
      period_start, used_before, created_at) VALUES (?, ?, 'gas', 'pending_card_write', ?, 'residential', ?,
      ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
    line: sqlite.prepare(`INSERT INTO sale_lines (sale_id, line_no, kind, tier, name, volume, price_li, amount)
      VALUES (?, ?, 'gas', ?, ?, ?, ?, ?)`),
    tender: sqlite.prepare(
      'INSERT INTO tenders (sale_id, line_no, method, amount, received, change, reference) VALUES (?, ?, ?, ?, ?, ?, ?)',
    ),
    balance: sqlite.prepare(`INSERT INTO customer_balances (customer_id, balance) VALUES (?, ?)
      ON CONFLICT (customer_id) DO UPDATE SET balance = excluded.balance`),
    series: sqlite.prepare(`INSERT INTO number_series (name, next) VALUES ('baseline', 2)
      ON CONFLICT (name) DO UPDATE SET next = next + 1`),
    op: sqlite.prepare(`INSERT INTO outbox (seq, id, counter_id, type, entity_type, entity_id, payload, operator_id,
      hlc, created_at, prev_hash, hash) SELECT max(seq) + 1, ?, ?, 'bench.baseline', 'sale', ?, ?, ?, ?, ?, ?, ?
      FROM outbox`),
    audit:
      sqlite.prepare(`INSERT INTO audit (id, at, operator_id, action, entity_type, entity_id, summary, op_seq)
      SELECT ?, ?, ?, 'bench.baseline', 'sale', ?, ?, max(seq) FROM outbox`),
  };
  let n = 0;
  return (customerId: string, w: Written) => {
    n++;
    const id = app.newId();
    const now = app.nowIso();
    const x = w.sale;
    app.transaction(() => {
      s.series.run();
      s.sale.run(
        id,
        `BASE-${String(n).padStart(8, '0')}`,
        customerId,
        x.shiftId,
        x.businessDate,
        operatorId,
        x.volume,
        x.amount,
        x.balanceUsed,
        x.balanceAdded,
        x.amountPaid,
        x.priceVersionId,
        x.periodStart,
        x.usedBefore,
        now,
      );
      x.lines.forEach((l, i) => {
        s.line.run(id, i + 1, l.tier, l.name, l.volume, l.priceLi, l.amount);
      });
      x.tenders.forEach((t, i) => {
        s.tender.run(id, i + 1, t.method, t.amount, t.received, t.change, t.reference);
      });
      if (x.balanceUsed !== 0 || x.balanceAdded !== 0) s.balance.run(customerId, 0);
      s.op.run(
        app.newId(),
        counterId,
        id,
        w.payload,
        operatorId,
        app.tick(),
        now,
        '0'.repeat(64),
        '1'.repeat(64),
      );
      s.audit.run(app.newId(), now, operatorId, id, w.summary);
    });
  };
}

async function measure(operatorId: string, counterId: string) {
  const rand = mulberry32(7);
  const normal = sqlite
    .prepare("SELECT id FROM customers WHERE seq = ? AND inspection_status = 'normal'")
    .pluck();
  const pick = () => {
    let id: string | undefined;
    while (!id) id = normal.get(1 + Math.floor(rand() * N)) as string | undefined;
    return id;
  };
  const lastOp = sqlite.prepare('SELECT seq, payload FROM outbox ORDER BY seq DESC LIMIT 1');
  const auditOf = sqlite.prepare('SELECT summary FROM audit WHERE op_seq = ?').pluck();
  const baseline = makeBaseline(operatorId, counterId);
  const sale: number[] = [];
  const base: number[] = [];
  for (let i = 0; i < K + WARMUP; i++) {
    const customerId = pick();
    const purchase =
      i % 2 === 0
        ? { customerId, by: 'volume' as const, volume: 1000 + Math.floor(rand() * 4000), useBalance: true }
        : { customerId, by: 'money' as const, money: 5000 + Math.floor(rand() * 20000), useBalance: true };
    const due = pricePurchase(app, purchase, currentBusinessDate(app)).quote.amountDue;
    const input = {
      purchase,
      expectedAmountDue: due,
      tenders: due > 0 ? [{ method: 'cash' as const, amount: due }] : [],
      issueInvoice: false,
      confirmLastTry: false,
    };
    let t = process.hrtime.bigint();
    const s = await sellGas(app, operatorId, input);
    const saleMs = Number(process.hrtime.bigint() - t) / 1e6;
    const op = lastOp.get() as { seq: number; payload: string };
    const written = { sale: s, payload: op.payload, summary: auditOf.get(op.seq) as string };
    t = process.hrtime.bigint();
    baseline(customerId, written);
    const baseMs = Number(process.hrtime.bigint() - t) / 1e6;
    if (i >= WARMUP) {
      sale.push(saleMs);
      base.push(baseMs);
    }
  }
  const mean = (xs: number[]) => xs.reduce((a, x) => a + x, 0) / xs.length;
  if (process.env.BENCH_DEBUG)
    log(
      JSON.stringify({
        sale: sale.map((x) => Math.round(x * 10) / 10),
        base: base.map((x) => Math.round(x * 10) / 10),
      }),
    );
  emit('sale', 'sellGas.p50', percentile(sale, 50), percentile(base, 50));
  emit('sale', 'sellGas.p99', percentile(sale, 99), percentile(base, 99));
  emit('sale', 'sellGas.mean', mean(sale), mean(base));
}

const { operatorId } = await setUp();
const counterId = app.counter()!.counterId;
const versionId = (
  sqlite.prepare("SELECT id FROM price_versions WHERE user_class = 'residential'").get() as {
    id: string;
  }
).id;
const g0 = Date.now();
generate(operatorId, versionId, counterId);
const genS = (Date.now() - g0) / 1000;
const size = statSync(join(dir, 'gasdesk.sqlite')).size;
log(
  `generated ${N.toLocaleString()} customers and ${(N * SALES_PER_CUSTOMER).toLocaleString()} sales in ` +
    `${genS.toFixed(1)} s (${(size / 1e9).toFixed(2)} GB); measuring ${K} sales…`,
);
await measure(operatorId, counterId);
app.close();
rmSync(dir, { recursive: true, force: true });
