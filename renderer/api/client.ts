/**
 * The renderer's only way to the rest of the system: a typed object with one method per contract operation.
 * Under Electron the preload provides `window.gasdesk.invoke`; in a browser (`gasdesk serve`) it is HTTP:
 * POST /api/<operation> with the per-run token as a bearer header. Runtime: browser.
 */
import { type Api, type CallInput, type OpName, type OpOutput, WRITING_OPS } from '../../core/contract';
import type { ErrorBody } from '../../core/errors';
import { uuidv7, webRandomBytes } from '../../core/ids';

export class ApiError extends Error {
  constructor(readonly body: ErrorBody) {
    super(body.message);
    this.name = 'ApiError';
  }
  get code() {
    return this.body.code;
  }
}

interface Bridge {
  invoke(
    op: string,
    input: unknown,
    sessionId: string | undefined,
  ): Promise<
    | { ok: true; result: unknown; replayed?: true }
    /** `unanswered`: the request may or may not have reached the counter (a cut connection). */
    | { ok: false; error: ErrorBody; unanswered?: true }
  >;
}

declare global {
  interface Window {
    gasdesk?: Bridge;
  }
}

const TOKEN_KEY = 'gasdesk.token';
const SESSION_KEY = 'gasdesk.session';

/** Takes the token from `#token=…` once, keeps it for this tab, and clears it from the address bar. */
function accessToken(): string {
  const m = /(?:^#|&)token=([^&]+)/.exec(window.location.hash);
  if (m) {
    sessionStorage.setItem(TOKEN_KEY, decodeURIComponent(m[1]!));
    history.replaceState(null, '', window.location.pathname + window.location.search);
  }
  return sessionStorage.getItem(TOKEN_KEY) ?? '';
}

const offline: ErrorBody = {
  code: 'INTERNAL',
  message: '无法连接柜台服务，请检查程序是否仍在运行。',
  messageEn: 'Cannot reach the counter service; check that it is still running.',
};

const httpBridge: Bridge = {
  async invoke(op, input, sessionId) {
    let res: Response;
    try {
      res = await fetch(`./api/${encodeURIComponent(op)}`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${accessToken()}`,
          ...(sessionId ? { 'x-gasdesk-session': sessionId } : {}),
        },
        body: JSON.stringify(input ?? {}),
      });
    } catch {
      return { ok: false, error: offline, unanswered: true };
    }
    try {
      return await res.json();
    } catch {
      return { ok: false, error: offline, unanswered: true };
    }
  },
};

export function getSessionId(): string | undefined {
  return sessionStorage.getItem(SESSION_KEY) ?? undefined;
}

export function setSessionId(id: string | undefined): void {
  if (id) sessionStorage.setItem(SESSION_KEY, id);
  else sessionStorage.removeItem(SESSION_KEY);
}

type Listener = (err: ApiError) => void;
const listeners = new Set<Listener>();
/** Notified of every failed call (the shell uses it to show the lock screen or the login page). */
export function onApiError(l: Listener): () => void {
  listeners.add(l);
  return () => listeners.delete(l);
}

/**
 * One requestId per user action: a writing call whose answer was lost (a cut connection, the counter
 * restarting) leaves its id open, and the same operation with the same input — the cashier pressing 确认 again,
 * or a second click while the first is on its way — goes out with that id, so the counter answers the first
 * instead of doing it twice. Any answer closes it (a refusal too: pressing again after one is a new attempt),
 * and so do ten minutes without a retry.
 */
const openActions = new Map<string, { id: string; at: number }>();
const ACTION_OPEN_MS = 10 * 60_000;

function actionKey(op: string, input: unknown): string {
  return `${op}\u0000${JSON.stringify(input)}`;
}

function requestIdFor(key: string): string {
  const now = Date.now();
  for (const [k, v] of openActions) if (now - v.at > ACTION_OPEN_MS) openActions.delete(k);
  const open = openActions.get(key) ?? { id: uuidv7(now, webRandomBytes), at: now };
  openActions.set(key, { ...open, at: now });
  return open.id;
}

/** Whether the counter service answers at all (the status bar's heartbeat); never throws. */
export async function serviceAnswers(): Promise<boolean> {
  const bridge = window.gasdesk ?? httpBridge;
  const out = await bridge.invoke('system.info', {}, undefined).catch(() => undefined);
  return !!out && (out.ok || !out.unanswered);
}

const replayListeners = new Set<(op: OpName) => void>();
/** Notified when the answer is the first one of a request repeated (nothing was done twice). */
export function onReplayed(l: (op: OpName) => void): () => void {
  replayListeners.add(l);
  return () => replayListeners.delete(l);
}

export async function call<N extends OpName>(op: N, input: CallInput<N>): Promise<OpOutput<N>> {
  const bridge = window.gasdesk ?? httpBridge;
  accessToken();
  const key = WRITING_OPS.has(op) && !input.requestId ? actionKey(op, input) : undefined;
  const sent = key ? { ...input, requestId: requestIdFor(key) } : input;
  const out = await bridge.invoke(op, sent, getSessionId());
  const answered = out.ok || !out.unanswered;
  if (key && answered) openActions.delete(key);
  if (out.ok) {
    if (out.replayed) for (const l of replayListeners) l(op);
    return out.result as OpOutput<N>;
  }
  const err = new ApiError(out.error);
  for (const l of listeners) l(err);
  throw err;
}

export const api = new Proxy({} as Api, {
  get: (_t, op: string) => (input: unknown) => call(op as OpName, (input ?? {}) as never),
});
