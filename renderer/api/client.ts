/**
 * The renderer's only way to the rest of the system: a typed object with one method per contract operation.
 * Under Electron the preload provides `window.gasdesk.invoke`; in a browser (`gasdesk serve`) it is HTTP:
 * POST /api/<operation> with the per-run token as a bearer header. Runtime: browser.
 */
import type { Api, OpInput, OpName, OpOutput } from '../../core/contract';
import type { ErrorBody } from '../../core/errors';

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
  ): Promise<{ ok: true; result: unknown } | { ok: false; error: ErrorBody }>;
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
      return { ok: false, error: offline };
    }
    try {
      return await res.json();
    } catch {
      return { ok: false, error: offline };
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

export async function call<N extends OpName>(op: N, input: OpInput<N>): Promise<OpOutput<N>> {
  const bridge = window.gasdesk ?? httpBridge;
  accessToken();
  const out = await bridge.invoke(op, input, getSessionId());
  if (out.ok) return out.result as OpOutput<N>;
  const err = new ApiError(out.error);
  for (const l of listeners) l(err);
  throw err;
}

export const api = new Proxy({} as Api, {
  get: (_t, op: string) => (input: unknown) => call(op as OpName, (input ?? {}) as never),
});
