/**
 * Pulls head office's change feed by cursor, page by page; each page is validated entry by entry and applied
 * in one SQLite transaction together with the new cursor and the outbox position it was applied at (what the
 * counter "knew" before its next operation: head office uses it to tell sequential edits from concurrent
 * ones). An entry that cannot be applied is recorded as a finding and never blocks the page. Runtime: Node.
 */
import { DEFAULT_PULL_LIMIT } from '../../core/sync/wire';
import {
  deferLookupIndexes,
  getSyncState,
  lastOutboxSeq,
  putFinding,
  putHeadOfficeStep,
  restoreLookupIndexes,
  updateSyncState,
} from '../../db';
import type { App } from '../app';
import { CustomerApplier } from './apply-customers';
import { MasterApplier } from './apply-master';
import { type PreparedEntry, type PreparedPage, preparePage, pullPath } from './pull-prepare';
import { type PageStream, startPullWorker, WorkerUnavailable } from './pull-worker-host';
import type { SyncClient } from './transport';

const ZH: Record<string, string> = {
  customer: '档案',
  card: '燃气卡',
  price_version: '气价',
  fee_item: '收费项目',
  purchase_limits: '限购',
  staff: '员工',
  conflict: '冲突',
  service_step: '总部改派/结案',
  usage_referral: '核表请求',
};

export function applyPage(
  app: App,
  entries: PreparedEntry[],
  cursor: number,
): { applied: number; skipped: number } {
  const db = app.gdb.sqlite;
  const customers = new CustomerApplier(db, app.counter()?.counterId ?? null);
  const master = new MasterApplier(db);
  const at = app.nowIso();
  let applied = 0;
  let skipped = 0;
  const kinds = new Map<string, number>();
  const skip = (e: PreparedEntry, why: string) => {
    skipped++;
    putFinding(db, { kind: 'pull_skipped', key: `${e.kind}:${e.key}`, field: e.kind, detail: why, at });
  };
  app.transaction(() => {
    for (const e of entries) {
      if ('invalid' in e) {
        skip(e, e.invalid);
        continue;
      }
      const d = ('data' in e ? e.data : undefined) as never;
      try {
        let ok = true;
        if ('customer' in e) customers.applyPrepared(e.customer);
        else if (e.kind === 'card') master.cardRecord(d);
        else if (e.kind === 'price_version') ok = master.priceVersion(d);
        else if (e.kind === 'fee_item') master.feeItem(d, at);
        else if (e.kind === 'purchase_limits') master.purchaseLimits(d);
        else if (e.kind === 'staff') ok = master.staffMember(d, at);
        else if (e.kind === 'conflict') master.conflict(d, at);
        else if (e.kind === 'service_step') putHeadOfficeStep(db, d, at);
        else if (e.kind === 'usage_referral') master.usageReferral(d);
        if (!ok) skip(e, '本柜台已有同名（同编号）的不同记录，未覆盖');
        else {
          applied++;
          kinds.set(e.kind, (kinds.get(e.kind) ?? 0) + 1);
        }
      } catch (err) {
        skip(e, `无法写入本柜台：${err instanceof Error ? err.message : String(err)}`.slice(0, 300));
      }
    }
    customers.flush(); // the new customers' meters and counts; a failure here undoes the page
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

async function fetchPage(client: SyncClient, cursor: number, limit: number): Promise<PreparedPage> {
  const reply = await client.requestText('GET', pullPath(cursor, limit));
  return preparePage(reply.body, cursor, client.o.counterId);
}

/**
 * How the last pull of this process went (diagnostics and tests): pages applied, how many the worker prepared, how
 * many were committed without waiting for the disk, and how many lookup indexes a first pull built at its end; how
 * long this thread spent applying pages, and waiting for them.
 */
export const lastPull = { pages: 0, fromWorker: 0, relaxed: 0, indexesBuilt: 0, applyMs: 0, waitMs: 0 };

/**
 * A page of a long pull is a copy of head office's data, fetched again if lost: its commit need not wait for the
 * disk. In WAL mode with synchronous=NORMAL a power cut may undo the last pages applied (their cursor with them,
 * so they are pulled again), never part of one; the next commit with a full sync makes them durable. Set and reset
 * around the page's synchronous apply, so nothing else on this connection ever commits with it.
 */
function relaxed<T>(db: App['gdb']['sqlite'], fn: () => T): T {
  const sync = db.pragma('synchronous', { simple: true }) as number;
  db.pragma('synchronous = NORMAL');
  try {
    return fn();
  } finally {
    db.pragma(`synchronous = ${sync}`);
  }
}

/** Pages after the first: from the pull worker when it can run, else fetched here. */
class NextPages {
  private stream: PageStream | null = null;
  constructor(
    private readonly app: App,
    private readonly client: SyncClient,
    private readonly limit: number,
  ) {}

  /** A long pull (the first page says more follow) gets the worker, with its own thread for the parsing. */
  start(cursor: number): void {
    const key = this.client.o.key;
    if (!key.privateKey) return;
    const clockSkewMs = this.app.clock.nowMs() - Date.now();
    this.stream = startPullWorker(
      this.client,
      { publicKey: key.publicKey, privateKey: key.privateKey },
      { cursor, limit: this.limit, clockSkewMs },
    );
  }

  async after(cursor: number): Promise<PreparedPage> {
    if (this.stream)
      try {
        const page = await this.stream.next();
        lastPull.fromWorker++;
        return page;
      } catch (e) {
        if (!(e instanceof WorkerUnavailable)) throw e;
        await this.close(); // the worker could not start: pull here, as for a short pull
      }
    return fetchPage(this.client, cursor, this.limit);
  }

  async close(): Promise<void> {
    const s = this.stream;
    this.stream = null;
    await s?.close();
  }
}

/**
 * Pulls until the feed is exhausted. A long pull fetches and prepares the next pages in the pull worker while
 * this thread applies the current one; a short one fetches the next page here while the current is applied.
 */
export async function pullFeed(app: App, client: SyncClient, limit = DEFAULT_PULL_LIMIT): Promise<number> {
  let total = 0;
  lastPull.pages = 0;
  lastPull.fromWorker = 0;
  lastPull.relaxed = 0;
  lastPull.indexesBuilt = 0;
  lastPull.applyMs = 0;
  lastPull.waitMs = 0;
  const pages = new NextPages(app, client, limit);
  const from = getSyncState(app.gdb.sqlite)!.pullCursor;
  let next = fetchPage(client, from, limit);
  const db = app.gdb.sqlite;
  const cache = db.pragma('cache_size', { simple: true }) as number;
  const checkpoint = db.pragma('wal_autocheckpoint', { simple: true }) as number;
  let bulk = false;
  try {
    for (;;) {
      const waited = performance.now();
      const page = await next;
      const got = performance.now();
      lastPull.waitMs += got - waited;
      if (page.more) {
        if (!bulk) {
          // A bootstrap touches every index page: keep them in memory, and checkpoint the WAL once at the end
          // rather than after every page.
          bulk = true;
          db.pragma('cache_size = -131072');
          db.pragma('wal_autocheckpoint = 100000');
          // A first pull is the whole hall: the lookup indexes with random keys are built once, at the end.
          if (from === 0) deferLookupIndexes(db);
          pages.start(page.cursor);
        }
        next = pages.after(page.cursor);
        next.catch(() => {}); // awaited on the next turn
      }
      if (bulk) {
        relaxed(db, () => applyPage(app, page.entries, page.cursor));
        lastPull.relaxed++;
      } else applyPage(app, page.entries, page.cursor);
      lastPull.applyMs += performance.now() - got;
      lastPull.pages++;
      total += page.entries.length;
      if (!page.more) return total;
    }
  } finally {
    await pages.close();
    if (bulk) {
      lastPull.indexesBuilt = restoreLookupIndexes(db);
      db.pragma(`cache_size = ${cache}`);
      db.pragma(`wal_autocheckpoint = ${checkpoint}`);
      db.pragma('wal_checkpoint(PASSIVE)');
    }
  }
}
