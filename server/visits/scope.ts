/**
 * The company's pull scope (docs/head-office-guide.md): 'hall' — a counter pulls its own hall's customers and
 * cards (and fetches another hall's on demand); 'company' — every counter pulls every hall's. Turning 'company'
 * on re-publishes every customer and card with new feed cursors (customers first, in their old order), so every
 * counter's next pull brings the halls it never had. Runtime: Node.
 */
import type { PullScope } from '../../core/sync/wire-visit';
import { lockFeed } from '../feed';
import type { Queryable } from '../pg/store';

export async function pullScopeOf(q: Queryable): Promise<{ scope: PullScope; updatedAt: string | null }> {
  const [r] = await q.query<{ pull_scope: PullScope; updated_at: Date | string }>(
    `SELECT pull_scope, updated_at FROM company_settings WHERE id = 'company'`,
  );
  return r
    ? { scope: r.pull_scope, updatedAt: new Date(r.updated_at).toISOString() }
    : { scope: 'hall', updatedAt: null };
}

export async function setPullScope(
  q: Queryable,
  scope: PullScope,
  nowMs: number,
): Promise<{ scope: PullScope; updatedAt: string }> {
  await lockFeed(q);
  const before = await pullScopeOf(q);
  const at = new Date(nowMs).toISOString();
  await q.query(
    `INSERT INTO company_settings (id, pull_scope, updated_at) VALUES ('company', $1, $2)
     ON CONFLICT (id) DO UPDATE SET pull_scope = excluded.pull_scope, updated_at = excluded.updated_at`,
    [scope, at],
  );
  if (scope === 'company' && before.scope !== 'company') await republishFiles(q);
  return { scope, updatedAt: at };
}

/** Every customer and card feed row takes a new cursor above all others, in the order they had. */
async function republishFiles(q: Queryable): Promise<void> {
  const [n] = await q.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM feed WHERE kind IN ('customer', 'card')`,
  );
  if (!n || n.n === 0) return;
  const [base] = await q.query<{ base: string }>(`SELECT nextval('feed_cursor_seq') AS base`);
  await q.query(`SELECT setval('feed_cursor_seq', $1::bigint + $2::bigint)`, [base!.base, n.n]);
  await q.query(
    `UPDATE feed f SET cursor = $1::bigint + o.rn
       FROM (SELECT hall_id, kind, key, row_number() OVER (ORDER BY cursor) AS rn
               FROM feed WHERE kind IN ('customer', 'card')) o
      WHERE f.hall_id = o.hall_id AND f.kind = o.kind AND f.key = o.key`,
    [base!.base],
  );
}
