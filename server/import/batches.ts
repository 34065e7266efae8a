/**
 * Import batches: the list, one batch, and the revert of a finished one as correcting entries — nothing is
 * deleted: a customer the batch created is closed (销户), a card it created is blocked, a meter it added is
 * marked removed, a staff account it created is deactivated, a balance it added is taken back, and what it
 * changed gets its earlier value again; each published to the counters. Purchase counts are never lowered
 * (a card may have been sold on since). Runtime: Node.
 */
import { addGasUse, IMPORTED_USE } from '../../core/sync/gas-use';
import { uuidv7 } from '../../core/ids';
import { AppError } from '../../core/errors';
import { type FeedWrite, lockFeed, publish } from '../feed';
import type { Queryable, Store } from '../pg/store';
import { BATCH_COLS, type BatchView, batchByRequest } from './run';
import { cardFeed } from './write-linked';
import { readCustomers, type Rec, updateCustomers } from './write-customers';

export async function listBatches(store: Store, limit = 100): Promise<BatchView[]> {
  return store.query<BatchView>(
    `SELECT ${BATCH_COLS} FROM import_batches ORDER BY created_at DESC, id DESC LIMIT $1`,
    [limit],
  );
}

export async function getBatch(store: Store, id: string): Promise<BatchView> {
  const [b] = await store.query<BatchView>(`SELECT ${BATCH_COLS} FROM import_batches WHERE id = $1`, [id]);
  if (!b) throw new AppError('IMPORT_BATCH_NOT_FOUND');
  return b;
}

interface ChangeRow {
  kind: string;
  legacy_id: string;
  action: 'created' | 'updated';
  before: { record: { entityId: string; rowHash: string; data: Rec } | null; entity: unknown };
  balance_delta: number;
  entity_id: string;
}

async function revertChunk(
  q: Queryable,
  changes: ChangeRow[],
  revertId: string,
  nowMs: number,
): Promise<void> {
  await lockFeed(q);
  const at = new Date(nowMs).toISOString();
  const feed: FeedWrite[] = [];
  const fileKinds = changes.filter((c) =>
    ['customers', 'meters', 'inspections', 'balances', 'tier_use'].includes(c.kind),
  );
  const ids = [
    ...new Set(
      fileKinds.map((c) =>
        c.kind === 'customers' ? c.entity_id : ((c.before.record?.data.customerId as string) ?? ''),
      ),
    ),
  ];
  const customerOf = new Map<string, string>();
  if (fileKinds.some((c) => c.kind !== 'customers')) {
    for (const r of await q.query<{ legacy_id: string; kind: string; cid: string }>(
      `SELECT r.legacy_id, r.kind, c.id AS cid FROM import_records r JOIN customers c ON c.account_no = r.data->>'accountNo'
        WHERE (r.kind, r.legacy_id) IN (SELECT x.k, x.l FROM json_to_recordset($1::json) AS x(k text, l text))`,
      [JSON.stringify(fileKinds.map((c) => ({ k: c.kind, l: c.legacy_id })))],
    ))
      customerOf.set(`${r.kind}:${r.legacy_id}`, r.cid);
  }
  for (const c of fileKinds)
    if (c.kind !== 'customers') ids.push(customerOf.get(`${c.kind}:${c.legacy_id}`) ?? '');
  const customers = await readCustomers(q, [...new Set(ids)].filter(Boolean));
  for (const c of changes) {
    const cid = c.kind === 'customers' ? c.entity_id : customerOf.get(`${c.kind}:${c.legacy_id}`);
    const cust = cid ? customers.get(cid) : undefined;
    if (c.kind === 'customers' && cust)
      cust.data =
        c.action === 'created'
          ? { ...cust.data, status: 'closed', statusChangedAt: at, closedAt: at }
          : { ...cust.data, ...(c.before.entity as Rec) };
    if (c.kind === 'meters' && cust) {
      const meters = (cust.data.meters as Rec[]).map((m) =>
        m.id !== c.entity_id
          ? m
          : c.action === 'created'
            ? { ...m, status: 'removed' }
            : (c.before.entity as Rec),
      );
      cust.data = { ...cust.data, meters };
    }
    if (c.kind === 'inspections' && cust) cust.data = { ...cust.data, inspection: c.before.entity };
    if (c.kind === 'balances' && cust) cust.balance -= Number(c.balance_delta);
    if (c.kind === 'tier_use' && cust) {
      const day = c.legacy_id.slice(c.legacy_id.lastIndexOf(':') + 1);
      const now = cust.gasUseBy[IMPORTED_USE]?.[day] ?? 0;
      cust.gasUseBy = addGasUse(cust.gasUseBy, IMPORTED_USE, day, Number(c.before.entity ?? 0) - now);
    }
    if (c.kind === 'cards') {
      const old = c.before.entity as Rec | null;
      const [card] = await q.query<Rec>(
        `UPDATE cards SET status = $2, blocked_at = $3, blocked_reason = $4 WHERE card_no = $1
         RETURNING card_no AS "cardNo", id, hall_id AS "hallId", customer_id AS "customerId", format_id AS "formatId", region, status,
           issued_at AS "issuedAt", issued_by AS "issuedBy", blocked_at AS "blockedAt", blocked_reason AS "blockedReason"`,
        old
          ? [c.entity_id, old.status, old.blockedAt, old.blockedReason]
          : [c.entity_id, 'lost', at, '导入已撤销'],
      );
      if (card)
        feed.push({
          hallId: card.hallId as string,
          kind: 'card',
          key: c.entity_id,
          data: cardFeed(card),
          originCounterId: null,
        });
    }
    if (c.kind === 'staff') {
      const [last] = await q.query<{ hall_id: string; data: string }>(
        "SELECT hall_id, data FROM feed WHERE kind = 'staff' AND key = $1",
        [c.entity_id],
      );
      const old = c.before.entity as Rec | null;
      const s = old ?? { ...(JSON.parse(last!.data) as Rec), active: false };
      const { passwordHash: _p, role: _r, ...row } = s as Rec;
      await q.query('UPDATE staff SET username = $2, data = $3 WHERE id = $1', [
        c.entity_id,
        row.username,
        JSON.stringify(row),
      ]);
      if (last)
        feed.push({
          hallId: last.hall_id,
          kind: 'staff',
          key: c.entity_id,
          data: { ...(JSON.parse(last.data) as Rec), ...row },
          originCounterId: null,
        });
    }
  }
  feed.unshift(...(await updateCustomers(q, [...customers.values()], nowMs)));
  await publish(q, feed);
  await q.query(
    `UPDATE import_records r SET row_hash = COALESCE(x.hash, 'reverted'), data = COALESCE(x.data, r.data), batch_id = $2
       FROM json_to_recordset($1::json) AS x(k text, l text, hash text, data jsonb) WHERE r.kind = x.k AND r.legacy_id = x.l`,
    [
      JSON.stringify(
        changes.map((c) => ({
          k: c.kind,
          l: c.legacy_id,
          hash: c.before.record?.rowHash ?? null,
          data: c.before.record?.data ?? null,
        })),
      ),
      revertId,
    ],
  );
}

/** Reverts a finished batch (once: a repeat of `requestId` answers the revert batch). */
export async function revertBatch(
  store: Store,
  id: string,
  requestId: string,
  nowMs: number,
): Promise<BatchView> {
  const again = await batchByRequest(store, requestId);
  if (again?.status === 'done') return again;
  const b = await getBatch(store, id);
  if (b.status === 'running') throw new AppError('IMPORT_BATCH_RUNNING');
  if (b.status === 'reverted' || b.kind === 'revert') throw new AppError('IMPORT_ALREADY_REVERTED');
  const later = await store.query(
    `SELECT 1 FROM import_changes c JOIN import_records r ON r.kind = c.kind AND r.legacy_id = c.legacy_id
       JOIN import_batches o ON o.id = r.batch_id
      WHERE c.batch_id = $1 AND r.batch_id <> $1 AND o.kind <> 'revert' LIMIT 1`,
    [id],
  );
  if (later.length > 0) throw new AppError('IMPORT_SUPERSEDED');
  const revertId = again?.id ?? uuidv7(nowMs);
  if (!again)
    await store.query(
      `INSERT INTO import_batches (id, request_id, kind, file_name, file_sha256, status, options, summary, revert_of, created_at)
       VALUES ($1, $2, 'revert', $3, $4, 'running', '{}', '{}', $5, $6)`,
      [revertId, requestId, b.fileName, b.fileSha256, id, new Date(nowMs).toISOString()],
    );
  let reverted = 0;
  for (;;) {
    // The changes of `id` whose record still belongs to it (a chunk reverted already now belongs to the revert).
    const changes = await store.query<ChangeRow>(
      `SELECT c.kind, c.legacy_id, c.action, c.before, c.balance_delta, r.entity_id FROM import_changes c
         JOIN import_records r ON r.kind = c.kind AND r.legacy_id = c.legacy_id
        WHERE c.batch_id = $1 AND r.batch_id = $1 ORDER BY c.row_no DESC LIMIT 1000`,
      [id],
    );
    if (changes.length === 0) break;
    await store.tx((q) => revertChunk(q, changes, revertId, nowMs));
    reverted += changes.length;
  }
  await store.tx(async (q) => {
    await q.query(`UPDATE import_batches SET status = 'reverted', reverted_by = $2 WHERE id = $1`, [
      id,
      revertId,
    ]);
    await q.query(`UPDATE import_batches SET status = 'done', finished_at = $2, summary = $3 WHERE id = $1`, [
      revertId,
      new Date(nowMs).toISOString(),
      JSON.stringify({ reverted }),
    ]);
  });
  return getBatch(store, revertId);
}
