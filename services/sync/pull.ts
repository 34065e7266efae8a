/**
 * Pulls head office's change feed by cursor, page by page; each page is validated entry by entry and applied
 * in one SQLite transaction together with the new cursor and the outbox position it was applied at (what the
 * counter "knew" before its next operation: head office uses it to tell sequential edits from concurrent
 * ones). An entry that cannot be applied is recorded as a finding and never blocks the page. Runtime: Node.
 */
import { FEED_DATA } from '../../core/sync/feed';
import { SYNC_ROUTES } from '../../core/sync/routes';
import {
  DEFAULT_PULL_LIMIT,
  type FeedEntry,
  type PullResponse,
  pullResponseSchema,
} from '../../core/sync/wire';
import { AppError } from '../../core/errors';
import { getSyncState, lastOutboxSeq, putFinding, updateSyncState } from '../../db';
import type { App } from '../app';
import { CustomerApplier } from './apply-customers';
import { MasterApplier } from './apply-master';
import type { SyncClient } from './transport';

const ZH: Record<string, string> = {
  customer: '档案',
  card: '燃气卡',
  price_version: '气价',
  fee_item: '收费项目',
  purchase_limits: '限购',
  staff: '员工',
  conflict: '冲突',
};

export function applyPage(
  app: App,
  entries: FeedEntry[],
  cursor: number,
): { applied: number; skipped: number } {
  const db = app.gdb.sqlite;
  const customers = new CustomerApplier(db);
  const master = new MasterApplier(db);
  const at = app.nowIso();
  let applied = 0;
  let skipped = 0;
  const kinds = new Map<string, number>();
  const skip = (e: FeedEntry, why: string) => {
    skipped++;
    putFinding(db, { kind: 'pull_skipped', key: `${e.kind}:${e.key}`, field: e.kind, detail: why, at });
  };
  app.transaction(() => {
    for (const e of entries) {
      const parsed = FEED_DATA[e.kind]?.safeParse(e.data);
      if (!parsed?.success) {
        skip(e, `内容不符合约定：${parsed?.error.issues[0]?.message ?? e.kind}`);
        continue;
      }
      const d = parsed.data as never;
      try {
        let ok = true;
        if (e.kind === 'customer') customers.apply(d);
        else if (e.kind === 'card') master.cardRecord(d);
        else if (e.kind === 'price_version') ok = master.priceVersion(d);
        else if (e.kind === 'fee_item') master.feeItem(d, at);
        else if (e.kind === 'purchase_limits') master.purchaseLimits(d);
        else if (e.kind === 'staff') ok = master.staffMember(d, at);
        else if (e.kind === 'conflict') master.conflict(d, at);
        if (!ok) skip(e, '本柜台已有同名（同编号）的不同记录，未覆盖');
        else {
          applied++;
          kinds.set(e.kind, (kinds.get(e.kind) ?? 0) + 1);
        }
      } catch (err) {
        skip(e, `无法写入本柜台：${err instanceof Error ? err.message : String(err)}`.slice(0, 300));
      }
    }
    updateSyncState(db, { pullCursor: cursor, knowledgeSeq: lastOutboxSeq(db) });
    if (entries.length > 0) {
      const c = app.counter()!;
      app.ledger().auditOnly(
        {
          action: 'sync.pulled',
          summary: `从总部同步：${[...kinds].map(([k, n]) => `${ZH[k] ?? k} ${n}`).join('，') || '无变化'}${skipped ? `，未应用 ${skipped}` : ''}`,
        },
        { entityType: 'counter', entityId: c.counterId, operatorId: null },
      );
    }
  });
  return { applied, skipped };
}

/** Pulls until the feed is exhausted, fetching the next page while the current one is applied. */
export async function pullFeed(app: App, client: SyncClient, limit = DEFAULT_PULL_LIMIT): Promise<number> {
  const fetchPage = async (cursor: number) => {
    const reply = await client.request<PullResponse>(
      'GET',
      `${SYNC_ROUTES.pull.path}?cursor=${cursor}&limit=${limit}`,
    );
    const page = pullResponseSchema.safeParse(reply.body);
    if (!page.success)
      throw new AppError('SYNC_UNREACHABLE', { detail: 'head office sent a malformed page' });
    if (page.data.entries.length > 0 && page.data.cursor <= cursor)
      throw new AppError('SYNC_UNREACHABLE', { detail: 'the feed cursor did not advance' });
    return page.data;
  };
  let total = 0;
  let next = fetchPage(getSyncState(app.gdb.sqlite)!.pullCursor);
  const db = app.gdb.sqlite;
  const cache = db.pragma('cache_size', { simple: true }) as number;
  const checkpoint = db.pragma('wal_autocheckpoint', { simple: true }) as number;
  let bulk = false;
  try {
    for (;;) {
      const page = await next;
      if (page.more) {
        next = fetchPage(page.cursor);
        next.catch(() => {}); // awaited on the next turn
        if (!bulk) {
          // A bootstrap touches every index page: keep them in memory, and checkpoint the WAL once at the end
          // rather than after every page (durability is unchanged: every page still commits with a full sync).
          bulk = true;
          db.pragma('cache_size = -131072');
          db.pragma('wal_autocheckpoint = 100000');
        }
      }
      applyPage(app, page.entries, page.cursor);
      total += page.entries.length;
      if (!page.more) return total;
    }
  } finally {
    if (bulk) {
      db.pragma(`cache_size = ${cache}`);
      db.pragma(`wal_autocheckpoint = ${checkpoint}`);
      db.pragma('wal_checkpoint(PASSIVE)');
    }
  }
}
