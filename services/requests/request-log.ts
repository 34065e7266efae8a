/**
 * One request, one effect: the record of writing requests by their caller's `requestId` (db/schema/requests.ts).
 * The dispatcher runs a writing operation inside a request context; the first transaction of that context
 * that changes a row records the request in that same transaction (with what its first audit entry was about) (so a request that committed is known as done even if
 * the process dies before answering), and the answer is recorded once it is known. Runtime: Node.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';
import { canonicalInput } from '../../core/request-input';
import type { AuditedEntry } from '../../db';

export interface RequestContext {
  readonly requestId: string;
  readonly op: string;
  readonly inputHash: string;
  readonly staffId: string | null;
  /** Whether this request's record is written (in a committed or the current transaction). */
  recorded: boolean;
}

export interface StoredRequest {
  readonly op: string;
  readonly inputHash: string;
  readonly entityType: string | null;
  readonly entityId: string | null;
  /** The answer given, when it was recorded. */
  readonly answer?: { readonly ok: boolean; readonly body: unknown };
}

const current = new AsyncLocalStorage<RequestContext>();

export function runInRequest<T>(ctx: RequestContext, fn: () => Promise<T>): Promise<T> {
  return current.run(ctx, fn);
}

export function currentRequest(): RequestContext | undefined {
  return current.getStore();
}

/** What makes two requests "the same": the operation, who asks, and the input (passwords left out). */
export function requestHash(op: string, staffId: string | null, input: unknown): string {
  return createHash('sha256')
    .update(JSON.stringify([op, staffId, canonicalInput(input)]))
    .digest('hex');
}

function insertRequest(sqlite: Database.Database, ctx: RequestContext, at: string, entry?: AuditedEntry) {
  sqlite
    .prepare(
      `INSERT INTO requests (request_id, op, input_hash, staff_id, first_seq, entity_type, entity_id, at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      ctx.requestId,
      ctx.op,
      ctx.inputHash,
      ctx.staffId,
      entry?.opSeq ?? null,
      entry?.entityType ?? null,
      entry?.entityId ?? null,
      at,
    );
  ctx.recorded = true;
}

/**
 * The ledger's audit hook: inside the transaction of the request's first audited change (every business
 * operation writes one), records the current request with what that change was about.
 */
export function recordOnAudit(sqlite: Database.Database, entry: AuditedEntry): void {
  const ctx = current.getStore();
  if (ctx && !ctx.recorded) insertRequest(sqlite, ctx, entry.at, entry);
}

/** Rows changed on this connection so far (SQLite's total_changes()). */
export function changesSoFar(sqlite: Database.Database): number {
  return sqlite.prepare('SELECT total_changes()').pluck().get() as number;
}

/**
 * At the end of a transaction of the current request: records the request if the transaction changed a row
 * and no audit entry recorded it already (a first print, a journal entry: effects without a ledger entry).
 */
export function recordIfChanged(sqlite: Database.Database, changesBefore: number, at: string): void {
  const ctx = current.getStore();
  if (ctx && !ctx.recorded && changesSoFar(sqlite) > changesBefore) insertRequest(sqlite, ctx, at);
}

/** Runs fn outside any request: what it audits (a failed password) is not the request's effect. */
export function outsideRequest<T>(fn: () => T): T {
  return current.exit(fn);
}

/**
 * Records the answer (and the request, when none of its transactions appended to the ledger). Inside the
 * caller's transaction.
 */
export function recordAnswer(
  sqlite: Database.Database,
  ctx: RequestContext,
  answer: { ok: boolean; body: unknown },
  at: string,
): void {
  if (!ctx.recorded) insertRequest(sqlite, ctx, at);
  sqlite
    .prepare('INSERT INTO request_results (request_id, ok, body, at) VALUES (?, ?, ?, ?)')
    .run(ctx.requestId, answer.ok ? 1 : 0, JSON.stringify(answer.body), at);
}

export function findRequest(sqlite: Database.Database, requestId: string): StoredRequest | undefined {
  const row = sqlite
    .prepare(
      `SELECT q.op, q.input_hash AS inputHash, q.entity_type AS entityType, q.entity_id AS entityId,
         r.ok, r.body FROM requests q LEFT JOIN request_results r USING (request_id) WHERE q.request_id = ?`,
    )
    .get(requestId) as
    | {
        op: string;
        inputHash: string;
        entityType: string | null;
        entityId: string | null;
        ok: number | null;
        body: string | null;
      }
    | undefined;
  if (!row) return undefined;
  const { ok, body, ...rest } = row;
  return ok === null || body === null ? rest : { ...rest, answer: { ok: ok === 1, body: JSON.parse(body) } };
}
