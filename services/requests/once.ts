/**
 * The dispatcher's rule for writing operations: the caller's `requestId` gets one effect however often it
 * arrives. A repeat while the first is still running waits for it; a repeat after it gets the recorded answer
 * (marked `replayed`); a different input under a used id is refused. If the process died after the effect but
 * before its answer was recorded, the answer is rebuilt from what the request wrote where the operation knows
 * how (the sales), and otherwise the caller is told it was done. Runtime: Node.
 */
import { ERRORS, type ErrorBody, isErrorCode, AppError } from '../../core/errors';
import { failpoint } from '../../drivers/failpoint';
import type { App } from '../app';
import { loadSale } from '../sales/sale-view';
import {
  findRequest,
  type RequestContext,
  recordAnswer,
  requestHash,
  runInRequest,
  type StoredRequest,
} from './request-log';

export type Answer =
  | { ok: true; result: unknown; replayed?: true }
  | { ok: false; status: number; error: ErrorBody; replayed?: true };

export interface WritingRequest {
  readonly op: string;
  readonly requestId: string;
  readonly staffId: string | null;
  /** The validated input (without the requestId). */
  readonly input: unknown;
}

/**
 * Operations whose effect is a session of this process (sessions live in memory only): their repeats are
 * answered from memory while the process runs; after a restart the session they made no longer exists.
 */
const IN_MEMORY: ReadonlySet<string> = new Set(['auth.login', 'auth.unlock', 'auth.logout']);
const MEMORY_SIZE = 256;

/** Answers rebuilt from what a request wrote, for a request whose recorded answer was lost. */
const REBUILD: Record<string, (app: App, r: StoredRequest) => unknown> = {
  'sales.sellGas': (app, r) => loadSale(app, r.entityId!),
  'sales.payFees': (app, r) => loadSale(app, r.entityId!),
  'sales.reverse': (app, r) => loadSale(app, r.entityId!),
  'sales.refund': (app, r) => loadSale(app, r.entityId!),
};

interface Running {
  readonly hash: string;
  readonly answer: Promise<Answer>;
}

interface PerApp {
  readonly running: Map<string, Running>;
  readonly remembered: Map<string, { hash: string; answer: Answer }>;
}
const state = new WeakMap<App, PerApp>();

function stateOf(app: App): PerApp {
  let s = state.get(app);
  if (!s) {
    s = { running: new Map(), remembered: new Map() };
    state.set(app, s);
  }
  return s;
}

function replayed(answer: Answer): Answer {
  return { ...answer, replayed: true };
}

function fromStored(app: App, r: WritingRequest, stored: StoredRequest, hash: string): Answer {
  if (stored.inputHash !== hash) throw new AppError('REQUEST_ID_REUSED');
  if (stored.answer) {
    const { ok, body } = stored.answer;
    if (ok) return { ok: true, result: body, replayed: true };
    const error = body as ErrorBody;
    const status = isErrorCode(error.code) ? ERRORS[error.code].status : 500;
    return { ok: false, status, error, replayed: true };
  }
  const rebuild = REBUILD[r.op];
  if (!rebuild || !stored.entityId) throw new AppError('REQUEST_ALREADY_DONE');
  const result = rebuild(app, stored);
  const ctx: RequestContext = { ...r, inputHash: hash, recorded: true };
  app.transaction(() => recordAnswer(app.gdb.sqlite, ctx, { ok: true, body: result }, app.nowIso()));
  return { ok: true, result, replayed: true };
}

export async function once(app: App, r: WritingRequest, run: () => Promise<Answer>): Promise<Answer> {
  const hash = requestHash(r.op, r.staffId, r.input);
  const s = stateOf(app);
  const running = s.running.get(r.requestId);
  if (running) {
    if (running.hash !== hash) throw new AppError('REQUEST_ID_REUSED');
    return replayed(await running.answer);
  }
  const memory = IN_MEMORY.has(r.op);
  if (memory) {
    const known = s.remembered.get(r.requestId);
    if (known && known.hash !== hash) throw new AppError('REQUEST_ID_REUSED');
    if (known) return replayed(known.answer);
  } else {
    const stored = findRequest(app.gdb.sqlite, r.requestId);
    if (stored) return fromStored(app, r, stored, hash);
  }
  const ctx: RequestContext = { ...r, inputHash: hash, recorded: false };
  const answer = runInRequest(ctx, async () => {
    const out = await run();
    failpoint(`request:done:${r.op}`);
    if (memory) remember(s, r.requestId, hash, out);
    // An answer is recorded when it is the request's effect: every success, and a failure after a commit.
    else if (out.ok || ctx.recorded) {
      const body = out.ok ? out.result : out.error;
      app.transaction(() => recordAnswer(app.gdb.sqlite, ctx, { ok: out.ok, body }, app.nowIso()));
    }
    return out;
  });
  s.running.set(r.requestId, { hash, answer });
  try {
    return await answer;
  } finally {
    s.running.delete(r.requestId);
  }
}

function remember(s: PerApp, requestId: string, hash: string, answer: Answer) {
  s.remembered.set(requestId, { hash, answer });
  if (s.remembered.size > MEMORY_SIZE) s.remembered.delete(s.remembered.keys().next().value!);
}
