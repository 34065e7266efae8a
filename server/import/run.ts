/**
 * The dry run and the run of an import. The dry run reads the whole file and writes nothing. The run is the
 * administrator's requestId: it makes the dry pass, refuses to write anything when a row is bad (unless told to
 * skip bad rows, which are then listed in the batch), and writes the file chunk by chunk (write.ts); the same
 * requestId again resumes a batch that was cut, or answers the finished one. Runtime: Node.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { basename } from 'node:path';
import { uuidv7 } from '../../core/ids';
import { AppError } from '../../core/errors';
import { hashPassword } from '../../core/node/password';
import type { Store } from '../pg/store';
import { type Mapping, savedMapping } from './mapping';
import { type ReportIssue, scanFile } from './scan';
import { sniffFile, type TextEncoding } from './sniff';
import type { ImportKind } from './templates';
import { writeChunk } from './write';

export interface ImportOptions {
  readonly kind: ImportKind;
  readonly path: string;
  readonly fileName?: string;
  /** Overrides the saved mapping of the kind. */
  readonly mapping?: Mapping;
  readonly hallCode?: string | null;
  readonly encoding?: TextEncoding;
  readonly skipBadRows?: boolean;
  readonly chunkRows?: number;
  readonly now: () => number;
  /** Called after each chunk committed, with the last row it covered. */
  readonly onChunk?: (rowsDone: number) => void;
}

/**
 * Rows per chunk: one transaction each, holding the feed lock to its end — a counter's push waits at most that
 * long (a few hundred milliseconds).
 */
export const CHUNK_ROWS = 500;

/** Issues kept in memory and in a batch; the count goes on. */
export const MAX_LISTED = 10_000;

export interface DryRun {
  readonly kind: ImportKind;
  readonly fileName: string;
  readonly sha256: string;
  readonly rows: number;
  readonly valid: number;
  readonly badRows: number;
  readonly wouldCreate: number;
  readonly wouldUpdate: number;
  readonly unchanged: number;
  readonly issueCount: number;
  readonly issues: ReportIssue[];
}

export async function fileSha256(path: string): Promise<string> {
  const h = createHash('sha256');
  for await (const chunk of createReadStream(path)) h.update(chunk as Buffer);
  return h.digest('hex');
}

export async function dryRun(store: Store, o: ImportOptions): Promise<DryRun> {
  const shape = await sniffFile(o.path, o.encoding);
  const mapping = o.mapping ?? (await savedMapping(store, o.kind));
  const issues: ReportIssue[] = [];
  const bad = new Set<number>();
  let valid = 0;
  let wouldCreate = 0;
  let wouldUpdate = 0;
  let issueCount = 0;
  const scan = scanFile(store, o.path, {
    kind: o.kind,
    shape,
    mapping,
    hallCode: o.hallCode ?? null,
    chunkRows: o.chunkRows ?? CHUNK_ROWS,
  });
  for await (const chunk of scan) {
    for (const i of chunk.issues) {
      bad.add(i.rowNo);
      issueCount++;
      if (issues.length < MAX_LISTED) issues.push(i);
    }
    for (const r of chunk.rows) {
      valid++;
      if (r.existing === null) wouldCreate++;
      else if (r.existing.rowHash !== r.hash) wouldUpdate++;
    }
  }
  return {
    kind: o.kind,
    fileName: o.fileName ?? basename(o.path),
    sha256: await fileSha256(o.path),
    rows: valid + bad.size,
    valid,
    badRows: bad.size,
    wouldCreate,
    wouldUpdate,
    unchanged: valid - wouldCreate - wouldUpdate,
    issueCount,
    issues,
  };
}

export interface BatchView {
  readonly id: string;
  readonly requestId: string;
  readonly kind: string;
  readonly fileName: string;
  readonly fileSha256: string;
  readonly status: string;
  readonly summary: Record<string, number>;
  readonly skipped: ReportIssue[];
  readonly rowsDone: number;
  readonly revertOf: string | null;
  readonly revertedBy: string | null;
  readonly createdAt: string;
  readonly finishedAt: string | null;
}

export const BATCH_COLS = `id, request_id AS "requestId", kind, file_name AS "fileName", file_sha256 AS "fileSha256", status,
  summary, skipped, rows_done AS "rowsDone", revert_of AS "revertOf", reverted_by AS "revertedBy", created_at AS "createdAt",
  finished_at AS "finishedAt"`;

export async function batchByRequest(store: Store, requestId: string): Promise<BatchView | null> {
  const [b] = await store.query<BatchView>(`SELECT ${BATCH_COLS} FROM import_batches WHERE request_id = $1`, [
    requestId,
  ]);
  return b ?? null;
}

/** Runs (or resumes) the import of `requestId`; `dry` is null when a finished batch answers it. */
export async function runImport(
  store: Store,
  requestId: string,
  o: ImportOptions,
): Promise<{ dry: DryRun | null; batch: BatchView | null }> {
  await sniffFile(o.path, o.encoding); // a file that is not what it says is refused before anything else
  const sha = await fileSha256(o.path);
  let batch = await batchByRequest(store, requestId);
  if (batch && (batch.kind !== o.kind || batch.fileSha256 !== sha)) throw new AppError('REQUEST_ID_REUSED');
  if (batch && batch.status !== 'running') return { dry: null, batch };
  const dry = await dryRun(store, o);
  if (dry.issueCount > 0 && !o.skipBadRows) return { dry, batch: null };
  if (!batch) {
    await store.query(
      `INSERT INTO import_batches (id, request_id, kind, file_name, file_sha256, status, options, summary, created_at)
       VALUES ($1, $2, $3, $4, $5, 'running', $6, $7, $8) ON CONFLICT (request_id) DO NOTHING`,
      [
        uuidv7(o.now()),
        requestId,
        o.kind,
        dry.fileName,
        sha,
        JSON.stringify({
          mapping: o.mapping ?? null,
          hallCode: o.hallCode ?? null,
          skipBadRows: !!o.skipBadRows,
          encoding: o.encoding ?? null,
        }),
        JSON.stringify({ rows: 0, created: 0, updated: 0, unchanged: 0, skipped: 0 }),
        new Date(o.now()).toISOString(),
      ],
    );
    batch = (await batchByRequest(store, requestId))!;
  }
  const summary = { ...{ rows: 0, created: 0, updated: 0, unchanged: 0, skipped: 0 }, ...batch.summary };
  const shape = await sniffFile(o.path, o.encoding);
  const mapping = o.mapping ?? (await savedMapping(store, o.kind));
  const skipped: ReportIssue[] = [];
  const scan = scanFile(store, o.path, {
    kind: o.kind,
    shape,
    mapping,
    hallCode: o.hallCode ?? null,
    chunkRows: o.chunkRows ?? CHUNK_ROWS,
  });
  for await (const chunk of scan) {
    for (const i of chunk.issues) if (skipped.length < MAX_LISTED) skipped.push(i);
    const rows = chunk.rows.filter((r) => r.rowNo > batch!.rowsDone);
    if (rows.length === 0 && chunk.lastRowNo <= batch.rowsDone) continue;
    const hashes = new Map<string, string>();
    if (o.kind === 'staff')
      for (const r of rows)
        if (r.existing?.rowHash !== r.hash)
          hashes.set(r.legacyId, await hashPassword(r.value.password as string));
    await store.tx((q) =>
      writeChunk(q, batch!.id, o.kind, rows, o.now(), hashes, (c) => {
        summary.rows += rows.length;
        summary.created += c.created;
        summary.updated += c.updated;
        summary.unchanged += c.unchanged;
        return { rowsDone: chunk.lastRowNo, summary };
      }),
    );
    o.onChunk?.(chunk.lastRowNo);
  }
  summary.skipped = new Set(skipped.map((s) => s.rowNo)).size;
  await store.query(
    `UPDATE import_batches SET status = 'done', finished_at = $2, skipped = $3, summary = $4 WHERE id = $1`,
    [batch.id, new Date(o.now()).toISOString(), JSON.stringify(skipped), JSON.stringify(summary)],
  );
  return { dry, batch: await batchByRequest(store, requestId) };
}
