/**
 * Test support: a console user's browser, as head office sees it — the session cookie it was given at
 * sign-in, and this head office's own Origin on every request (or another one, to play a foreign page).
 */
import { randomUUID } from 'node:crypto';
import type { Json } from './json';

export interface ConsoleAnswer {
  readonly status: number;
  readonly body: Json;
}

export class ConsoleClient {
  cookie = '';
  constructor(
    readonly url: string,
    readonly origin: string | null = url,
  ) {}

  async call(method: 'GET' | 'POST', path: string, body?: object): Promise<ConsoleAnswer> {
    const sent = method === 'POST' ? { requestId: randomUUID(), ...body } : undefined;
    const r = await fetch(`${this.url}${path}`, {
      method,
      headers: {
        ...(this.cookie ? { cookie: this.cookie } : {}),
        ...(this.origin ? { origin: this.origin } : {}),
        ...(sent ? { 'content-type': 'application/json' } : {}),
      },
      body: sent ? JSON.stringify(sent) : undefined,
    });
    const set = r.headers.get('set-cookie');
    if (set) this.cookie = set.split(';')[0]!;
    return { status: r.status, body: (await r.json()) as Json };
  }

  login(username: string, password: string): Promise<ConsoleAnswer> {
    return this.call('POST', '/console/api/login', { username, password });
  }
}
