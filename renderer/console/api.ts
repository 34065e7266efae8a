/**
 * The console's way to head office: same-origin requests that carry the session cookie, a fresh requestId on
 * every write, and head office's refusals as errors with their Chinese message. Runtime: browser.
 */
import type { ErrorBody } from '../../core/errors';

export class ConsoleError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly issues: readonly { path: (string | number)[]; message: string }[] = [],
  ) {
    super(message);
    this.name = 'ConsoleError';
  }
}

/** Head office answered that the session is gone: the app goes back to the sign-in page. */
let onSignedOut: () => void = () => {};
export function whenSignedOut(fn: () => void): void {
  onSignedOut = fn;
}

export async function call<T>(method: 'GET' | 'POST', path: string, body?: object): Promise<T> {
  let res: Response;
  try {
    res = await fetch(path, {
      method,
      credentials: 'same-origin',
      headers: method === 'POST' ? { 'content-type': 'application/json' } : {},
      body: method === 'POST' ? JSON.stringify({ requestId: crypto.randomUUID(), ...body }) : undefined,
    });
  } catch {
    throw new ConsoleError('OFFLINE', '无法连接总部服务，请检查网络。');
  }
  const json = (await res.json().catch(() => ({}))) as T & Partial<ErrorBody>;
  if (res.ok) return json;
  if (json.code === 'CONSOLE_SESSION_REQUIRED') onSignedOut();
  throw new ConsoleError(
    json.code ?? 'INTERNAL',
    json.message ?? `总部返回了错误（${res.status}）。`,
    (json.issues ?? []).map((i) => ({ path: [...i.path], message: i.message })),
  );
}

export const get = <T>(path: string) => call<T>('GET', path);
export const post = <T>(path: string, body?: object) => call<T>('POST', path, body);

/** The message to show for an error thrown by `call`. */
export const messageOf = (e: unknown) =>
  e instanceof ConsoleError ? e.message : e instanceof Error ? e.message : String(e);
