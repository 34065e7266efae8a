/**
 * The reports benchmark at the counter: a real counter (App) with a year of sales and an outbox of `ops`
 * operations spread over the year (2 % of them accounts opened, the rest sales and other business), then the
 * day's reports — every kind of reports.run for one business day, and the 日报 (days.report) — timed at a
 * small outbox (the baseline, same sales) and again once the outbox is large. Runtime: Node.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPORT_KINDS } from '../core/reports/definitions';
import { GENESIS_HASH, hashRow, type OutboxRow } from '../db';
import { App } from '../services/app';
import { buildDayReport } from '../services/cash/day-report';
import { reportsRun } from '../services/reports/run-report';
import { initializeCounter } from '../services/setup/initialize';
import { log, percentile } from './support';

const DAY_MS = 86_400_000;
const T0 = Date.UTC(2025, 0, 1);
export const REPORT_DAY = '2025-06-15';

function addSales(app: App, perDay: number): void {
  const sqlite = app.gdb.sqlite;
  const sale =
    sqlite.prepare(`INSERT INTO sales (id, receipt_no, kind, status, customer_id, user_class, shift_id,
    business_date, operator_id, volume, amount, balance_used, balance_added, amount_paid, created_at)
    VALUES (?, ?, ?, 'completed', ?, 'residential', ?, ?, 'op-1', ?, ?, 0, 0, ?, ?)`);
  const line = sqlite.prepare(`INSERT INTO sale_lines (sale_id, line_no, kind, tier, name, volume, amount)
    VALUES (?, 1, 'gas', 1, '第一阶梯', ?, ?)`);
  const tender = sqlite.prepare(`INSERT INTO tenders (sale_id, line_no, method, amount, change)
    VALUES (?, 1, 'cash', ?, 0)`);
  for (let d = 0; d < 365; d++)
    sqlite.transaction(() => {
      const date = new Date(T0 + d * DAY_MS).toISOString().slice(0, 10);
      for (let i = 0; i < perDay; i++) {
        const id = `s-${d}-${i}`;
        const v = 100 + ((i * 37) % 3000);
        sale.run(
          id,
          id,
          i % 50 === 7 ? 'reversal' : 'gas',
          `cu-${i}`,
          `sh-${d}`,
          date,
          v,
          v * 3,
          v * 3,
          `${date}T03:00:00Z`,
        );
        line.run(id, v, v * 3);
        tender.run(id, v * 3);
      }
    })();
}

/** Appends `n` chained operations spread evenly over the year (every 50th an account opened). */
function fillOutbox(app: App, n: number): void {
  const sqlite = app.gdb.sqlite;
  const last = sqlite.prepare('SELECT seq, hash FROM outbox ORDER BY seq DESC LIMIT 1').get() as
    | { seq: number; hash: string }
    | undefined;
  let seq = last?.seq ?? 0;
  let prevHash = last?.hash ?? GENESIS_HASH;
  const insert =
    sqlite.prepare(`INSERT INTO outbox (seq, id, counter_id, type, entity_type, entity_id, payload,
    operator_id, approver_id, hlc, created_at, prev_hash, hash) VALUES (@seq, @id, @counterId, @type, @entityType,
    @entityId, @payload, @operatorId, @approverId, @hlc, @createdAt, @prevHash, @hash)`);
  const step = (365 * DAY_MS) / n;
  const start = seq;
  for (let done = 0; done < n; done += 50_000) {
    sqlite.transaction(() => {
      for (let i = done; i < Math.min(n, done + 50_000); i++) {
        seq++;
        const at = T0 + Math.floor((seq - start) * step);
        const opened = seq % 50 === 0;
        const row: Omit<OutboxRow, 'hash'> = {
          seq,
          id: `op-${seq}`,
          counterId: 'counter-bench',
          type: opened ? 'customer.opened' : 'sale.gasSold',
          entityType: opened ? 'customer' : 'sale',
          entityId: `e-${seq}`,
          payload: `{"v":1,"id":"e-${seq}","amount":${seq % 9000}}`,
          operatorId: 'op-1',
          approverId: null,
          hlc: `${String(at).padStart(15, '0')}-0000-bench`,
          createdAt: new Date(at).toISOString(),
          prevHash,
        };
        const hash = hashRow(row);
        insert.run({ ...row, hash });
        prevHash = hash;
      }
    })();
    if ((done / 50_000) % 20 === 19)
      log(`counter outbox: ${(done + 50_000).toLocaleString()} / ${n.toLocaleString()}`);
  }
}

function timeDay(app: App, runs: number): { reports: number; dayReport: number } {
  const reports: number[] = [];
  const day: number[] = [];
  for (let i = 0; i < runs + 2; i++) {
    let t = performance.now();
    for (const kind of REPORT_KINDS) reportsRun({ kind, period: 'day', date: REPORT_DAY }, { app });
    const r = performance.now() - t;
    t = performance.now();
    buildDayReport(app, REPORT_DAY);
    const d = performance.now() - t;
    if (i >= 2) {
      reports.push(r);
      day.push(d);
    }
  }
  return { reports: percentile(reports, 95), dayReport: percentile(day, 95) };
}

export async function benchCounterDay(ops: number, salesPerDay: number, runs: number) {
  const dir = mkdtempSync(join(tmpdir(), 'gasdesk-bench-reports-counter-'));
  const app = new App({ dataDir: dir, clock: { nowMs: () => Date.UTC(2025, 11, 31, 4) } });
  await initializeCounter(app, {
    hallCode: '0101',
    hallName: '基准营业厅',
    counterCode: '01',
    counterName: '1号窗口',
    admin: { username: 'admin', displayName: '管理员', password: 'bench-pass-1234' },
  });
  addSales(app, salesPerDay);
  fillOutbox(app, 10_000);
  const small = timeDay(app, runs);
  fillOutbox(app, Math.max(0, ops - 10_000));
  app.gdb.sqlite.pragma('optimize');
  const large = timeDay(app, runs);
  app.close();
  return { dir, small, large };
}
