/**
 * Verifies the ledger: gap-free sequence, every hash recomputed, every link to the previous row, every audit
 * entry pointing at an existing operation, and the append-only triggers still in place. Names the first bad
 * row. Runtime: Node.
 */
import type Database from 'better-sqlite3';
import { GENESIS_HASH, hashRow, type OutboxRow } from './ledger';

export interface VerifyReport {
  ok: boolean;
  checkedOps: number;
  firstBad: { seq: number; id: string | null; problem: string } | null;
}

const REQUIRED_TRIGGERS = ['outbox_no_update', 'outbox_no_delete', 'audit_no_update', 'audit_no_delete'];

export function verifyLedger(sqlite: Database.Database): VerifyReport {
  const rows = sqlite
    .prepare(`SELECT seq, id, counter_id AS counterId, type, entity_type AS entityType, entity_id AS entityId,
      payload, operator_id AS operatorId, approver_id AS approverId, hlc, created_at AS createdAt,
      prev_hash AS prevHash, hash FROM outbox ORDER BY seq`)
    .iterate() as IterableIterator<OutboxRow>;
  let expectedSeq = 1;
  let prevHash = GENESIS_HASH;
  let checked = 0;
  for (const r of rows) {
    const bad = (problem: string): VerifyReport => ({
      ok: false,
      checkedOps: checked,
      firstBad: { seq: r.seq, id: r.id, problem },
    });
    if (r.seq !== expectedSeq)
      return {
        ok: false,
        checkedOps: checked,
        firstBad: {
          seq: expectedSeq,
          id: null,
          problem: `operation ${expectedSeq} is missing (next present is ${r.seq})`,
        },
      };
    if (r.prevHash !== prevHash)
      return bad('link to the previous operation is broken (reordered or previous row altered)');
    if (hashRow(r) !== r.hash) return bad('content does not match its hash (row altered)');
    prevHash = r.hash;
    expectedSeq++;
    checked++;
  }
  const orphan = sqlite
    .prepare(
      'SELECT a.op_seq AS seq FROM audit a LEFT JOIN outbox o ON o.seq = a.op_seq WHERE a.op_seq IS NOT NULL AND o.seq IS NULL LIMIT 1',
    )
    .get() as { seq: number } | undefined;
  if (orphan)
    return {
      ok: false,
      checkedOps: checked,
      firstBad: { seq: orphan.seq, id: null, problem: 'an audit entry points at a removed operation' },
    };
  const triggers = new Set(
    (sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'trigger'").all() as { name: string }[]).map(
      (t) => t.name,
    ),
  );
  const missing = REQUIRED_TRIGGERS.find((t) => !triggers.has(t));
  if (missing)
    return {
      ok: false,
      checkedOps: checked,
      firstBad: { seq: 0, id: null, problem: `append-only guard ${missing} was removed` },
    };
  return { ok: true, checkedOps: checked, firstBad: null };
}
