/**
 * What the page asked the counter and what it answered, kept for a failing step to report (an e2e failure in
 * CI is otherwise only a screenshot-less timeout). Runtime: Node (drives the browser).
 */
import type { Page } from 'playwright-core';

export interface ApiLog {
  /** The last `n` calls: operation, outcome (ok, an error code, or still pending) and milliseconds. */
  recent(n?: number): string;
}

export function recordApi(page: Page): ApiLog {
  const calls: { op: string; started: number; outcome?: string; ms?: number }[] = [];
  const byRequest = new Map<object, (typeof calls)[number]>();
  page.on('request', (req) => {
    const m = /\/api\/([^?]+)$/.exec(req.url());
    if (!m) return;
    const call = { op: decodeURIComponent(m[1]!), started: Date.now() };
    calls.push(call);
    byRequest.set(req, call);
  });
  page.on('requestfinished', async (req) => {
    const call = byRequest.get(req);
    if (!call) return;
    call.ms = Date.now() - call.started;
    const body = (await (await req.response())?.json().catch(() => undefined)) as
      | { ok?: boolean; error?: { code?: string } }
      | undefined;
    call.outcome = body?.ok ? 'ok' : (body?.error?.code ?? 'unreadable');
  });
  page.on('requestfailed', (req) => {
    const call = byRequest.get(req);
    if (call) call.outcome = `failed: ${req.failure()?.errorText ?? '?'}`;
  });
  page.on('pageerror', (e) => calls.push({ op: `pageerror ${e.message}`, started: Date.now(), outcome: '' }));
  return {
    recent: (n = 12) =>
      calls
        .slice(-n)
        .map(
          (c) =>
            `${c.op} → ${c.outcome ?? `pending ${Date.now() - c.started} ms`}${c.ms ? ` (${c.ms} ms)` : ''}`,
        )
        .join('\n'),
  };
}
