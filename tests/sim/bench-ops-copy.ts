/**
 * The push benchmarks' baseline: a copy of head office's ops table (same columns, indexes and keys) in the same
 * database, and the bare multi-row INSERT … ON CONFLICT DO NOTHING of a batch of operations into it.
 */
import type { WireOp } from '../../core/sync/wire';

/** Runs one statement (head office's store, or a node-postgres client of the same database). */
export type RunSql = (text: string, params: unknown[]) => Promise<unknown>;

const COLS = [
  'counter_id',
  'seq',
  'id',
  'type',
  'entity_type',
  'entity_id',
  'payload',
  'operator_id',
  'approver_id',
  'hlc',
  'created_at',
  'prev_hash',
  'hash',
  'state',
];

export async function createOpsCopy(run: RunSql, table: string): Promise<void> {
  await run(`CREATE TABLE ${table} (LIKE ops INCLUDING ALL)`, []);
}

export async function insertOps(run: RunSql, table: string, ops: readonly WireOp[]): Promise<void> {
  const params: unknown[] = [];
  const rows = ops.map((o, j) => {
    params.push(
      o.counterId,
      o.seq,
      o.id,
      o.type,
      o.entityType,
      o.entityId,
      o.payload,
      o.operatorId,
      o.approverId,
      o.hlc,
      o.createdAt,
      o.prevHash,
      o.hash,
      'applied',
    );
    return `(${COLS.map((_, k) => `$${j * COLS.length + k + 1}`).join(', ')})`;
  });
  await run(
    `INSERT INTO ${table} (${COLS.join(', ')}) VALUES ${rows.join(', ')} ON CONFLICT DO NOTHING`,
    params,
  );
}

/** A counter's operations in the push's batches, each inserted after the one before; each batch's time (ms). */
export async function insertInBatches(
  run: RunSql,
  table: string,
  ops: readonly WireOp[],
  batch: number,
): Promise<number[]> {
  const ms: number[] = [];
  for (let i = 0; i < ops.length; i += batch) {
    const t = performance.now();
    await insertOps(run, table, ops.slice(i, i + batch));
    ms.push(performance.now() - t);
  }
  return ms;
}
