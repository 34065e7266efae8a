/**
 * Property test support: the end of a run — the counter syncs until its outbox is drained — and what head office
 * must then believe: nothing quarantined, every operation of the counter's ledger stored, no conflict, no
 * reconciliation issue, no digest mismatch, and nothing quarantined as the counter sees it.
 */
import { expect } from 'vitest';
import type { TestHeadOffice } from '../head-office';
import type { Run } from './run';

/** Syncs until head office has acknowledged the whole outbox. */
export async function drain(r: Run): Promise<void> {
  for (let i = 0; i < 10; i++) {
    const res = await r.c.ok('sync.now', {}, r.c.adminSid);
    expect(res.error).toBeNull();
    if ((await r.c.ok('sync.status', {}, r.c.adminSid)).pendingOps === 0) return;
  }
  throw new Error('the outbox did not drain in 10 syncs');
}

/** Asserts head office believes the run's counter; counts the counter's op types into `covered`. */
export async function headOfficeBelievesAll(
  ho: TestHeadOffice,
  r: Run,
  covered: Map<string, number>,
): Promise<void> {
  const { c } = r;
  const quarantined = await ho.store.query<{
    code: string;
    type: string;
    reason: string;
    seq: number;
    payload: string | null;
  }>(
    `SELECT q.code, q.type, q.reason, q.seq, o.payload
       FROM quarantine q LEFT JOIN ops o ON o.id = q.op_id ORDER BY q.counter_id, q.seq`,
  );
  if (quarantined.length > 0)
    throw new Error(
      `head office quarantined ${quarantined.length} honest operation(s):\n${quarantined
        .map((q) => `  #${q.seq} ${q.type} ${q.code}: ${q.reason}\n    payload ${q.payload}`)
        .join('\n')}`,
    );
  const outbox = c.app.gdb.sqlite.prepare('SELECT id, type FROM outbox ORDER BY seq').all() as {
    id: string;
    type: string;
  }[];
  const stored = new Set(
    (
      await ho.store.query<{ id: string }>(
        `SELECT id FROM ops WHERE id = ANY($1) AND state IN ('applied', 'stored')`,
        [outbox.map((o) => o.id)],
      )
    ).map((o) => o.id),
  );
  expect(outbox.filter((o) => !stored.has(o.id))).toEqual([]);
  const status = await c.ok('sync.status', {}, c.adminSid);
  expect(status).toMatchObject({ pendingOps: 0, quarantined: [], lastError: null });
  // A lone honest counter that pulled the hall before its day leaves nothing for a person to settle either.
  const counterId = c.app.counter()!.counterId;
  expect(
    await ho.store.query(
      `SELECT kind, entity_type, entity_id, field, current, incoming FROM conflicts WHERE incoming_counter_id = $1`,
      [counterId],
    ),
  ).toEqual([]);
  expect(
    await ho.store.query('SELECT day, field, detail FROM reconciliation_issues WHERE counter_id = $1', [
      counterId,
    ]),
  ).toEqual([]);
  expect(status.digestMismatches).toEqual([]);
  for (const o of outbox) covered.set(o.type, (covered.get(o.type) ?? 0) + 1);
}
