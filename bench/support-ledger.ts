/**
 * Fills a counter database's ledger with chained operations for the backup benchmark and its test: each op a
 * customer opening with a realistic payload (about 600 bytes of JSON) and its audit entry, hashed and linked as
 * Ledger.append does, in transactions of 20,000. Runtime: Node.
 */
import type Database from 'better-sqlite3';
import { GENESIS_HASH, hashRow, type OutboxRow } from '../db';
import { fakeHousehold, mulberry32 } from '../services/setup/fake-households';

export function fillLedger(sqlite: Database.Database, n: number, counterId = 'counter-bench'): void {
  const rand = mulberry32(20_241_207);
  const last = sqlite.prepare('SELECT seq, hash FROM outbox ORDER BY seq DESC LIMIT 1').get() as
    | { seq: number; hash: string }
    | undefined;
  let seq = last?.seq ?? 0;
  let prevHash = last?.hash ?? GENESIS_HASH;
  const insertOp =
    sqlite.prepare(`INSERT INTO outbox (seq, id, counter_id, type, entity_type, entity_id, payload,
    operator_id, approver_id, hlc, created_at, prev_hash, hash) VALUES (@seq, @id, @counterId, @type, @entityType,
    @entityId, @payload, @operatorId, @approverId, @hlc, @createdAt, @prevHash, @hash)`);
  const insertAudit =
    sqlite.prepare(`INSERT INTO audit (id, at, operator_id, approver_id, action, entity_type,
    entity_id, summary, reason, changes, op_seq) VALUES (?, ?, 'staff-bench', NULL, 'customer.open', 'customer', ?, ?,
    NULL, NULL, ?)`);
  const t0 = Date.parse('2025-01-01T00:00:00Z');
  const batch = 20_000;
  for (let start = 0; start < n; start += batch) {
    sqlite.transaction(() => {
      for (let i = start; i < Math.min(n, start + batch); i++) {
        seq++;
        const h = fakeHousehold(rand, i);
        const createdAt = new Date(t0 + seq * 1_000).toISOString();
        const row: Omit<OutboxRow, 'hash'> = {
          seq,
          id: `op-${seq}`,
          counterId,
          type: 'customer.open',
          entityType: 'customer',
          entityId: `c-${seq}`,
          payload: JSON.stringify({ id: `c-${seq}`, accountNo: `0101${String(seq).padStart(8, '0')}`, ...h }),
          operatorId: 'staff-bench',
          approverId: null,
          hlc: `${String(t0 + seq * 1_000).padStart(15, '0')}-0000-${counterId}`,
          createdAt,
          prevHash,
        };
        const hash = hashRow(row);
        insertOp.run({ ...row, hash });
        insertAudit.run(`au-${seq}`, createdAt, `c-${seq}`, `开户 ${h.name}`, seq);
        prevHash = hash;
      }
    })();
  }
}
