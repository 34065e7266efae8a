/**
 * Test support: head office in-process (Fastify on 127.0.0.1, a random port) on PGlite — or, when asked and
 * DATABASE_URL is set, on a fresh PostgreSQL database created for the test and dropped afterwards.
 */
import type { FastifyInstance } from 'fastify';
import { buildHeadOffice, type HeadOfficeOptions } from '../../server/app';
import type { RateLimits } from '../../server/auth/rate-limit';
import { migrateServer } from '../../server/pg/migrate';
import { openStore, type Store } from '../../server/pg/store';
import type { Json } from './json';

export const ADMIN_TOKEN = 'test-admin-token-0123456789';

export interface TestHeadOffice {
  readonly url: string;
  readonly store: Store;
  readonly app: FastifyInstance;
  /** Calls the admin API; throws with the error body unless `expectStatus` says otherwise. */
  admin(method: 'GET' | 'POST', path: string, body?: unknown): Promise<Json>;
  close(): Promise<void>;
}

/** A fresh PostgreSQL database on DATABASE_URL's server; `drop` removes it. */
export async function freshPostgres(): Promise<{ url: string; drop(): Promise<void> } | null> {
  const base = process.env.DATABASE_URL;
  if (!base) return null;
  const pg = (await import('pg')).default;
  const name = `gasdesk_t_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const u = new URL(base);
  u.pathname = `/${name}`;
  return {
    url: u.toString(),
    async drop() {
      const c = new pg.Client({ connectionString: base });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

export async function startHeadOffice(
  opts: {
    dataDir?: string;
    url?: string;
    store?: Store;
    now?: () => number;
    rateLimits?: RateLimits;
    port?: number;
    /** Fastify's logger options (e.g. `{ level: 'warn', stream }` to read the log); silent unless GASDESK_TEST_LOG. */
    logger?: HeadOfficeOptions['logger'];
  } = {},
): Promise<TestHeadOffice> {
  const store = opts.store ?? (await openStore(opts.url ? { url: opts.url } : { dataDir: opts.dataDir }));
  await migrateServer(store);
  const { app } = buildHeadOffice({
    store,
    adminTokenEnv: ADMIN_TOKEN,
    now: opts.now,
    rateLimits: opts.rateLimits ?? {
      counter: { max: 100_000, windowMs: 1000 },
      anonymous: { max: 1000, windowMs: 1000 },
      admin: { max: 100_000, windowMs: 1000 },
    },
    logger: opts.logger ?? { level: process.env.GASDESK_TEST_LOG ?? 'silent' },
  });
  const address = await app.listen({ host: '127.0.0.1', port: opts.port ?? 0 });
  const url = address.replace('localhost', '127.0.0.1');
  return {
    url,
    store,
    app,
    admin: adminCaller(url),
    async close() {
      await app.close();
      if (!opts.store) await store.close();
    },
  };
}

/** Calls head office's admin API with the test administrator token; throws on anything but 2xx. */
export function adminCaller(url: string) {
  return async (method: 'GET' | 'POST', path: string, body?: unknown): Promise<Json> => {
    const r = await fetch(`${url}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${ADMIN_TOKEN}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const json = (await r.json()) as Json;
    if (!r.ok) throw new Error(`${method} ${path} → ${r.status} ${JSON.stringify(json)}`);
    return json;
  };
}

/** Registers hall and counter (creating the hall when new) and returns the one-time enrollment code. */
export async function registerCounter(
  ho: TestHeadOffice,
  hallCode: string,
  counterCode: string,
): Promise<string> {
  const halls = (await ho.admin('GET', '/admin/halls')) as { halls: { code: string }[] };
  if (!halls.halls.some((h) => h.code === hallCode))
    await ho.admin('POST', '/admin/halls', { code: hallCode, name: `营业厅 ${hallCode}` });
  const r = await ho.admin('POST', `/admin/halls/${hallCode}/counters`, {
    code: counterCode,
    name: `${counterCode}号窗口`,
  });
  return r.enrollment.code as string;
}
