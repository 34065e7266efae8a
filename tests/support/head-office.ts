import { randomUUID } from 'node:crypto';
/**
 * Test support: head office in-process (Fastify on 127.0.0.1, a random port) on a fresh PostgreSQL database
 * created for the test and dropped afterwards whenever DATABASE_URL is set (vitest.config.ts sets it when the
 * local PostgreSQL answers, as it does in CI), and on embedded PGlite otherwise — or on the database given.
 */
import type { FastifyInstance } from 'fastify';
import { buildHeadOffice, type HeadOfficeOptions } from '../../server/app';
import type { RateLimits } from '../../server/auth/rate-limit';
import { migrateServer } from '../../server/pg/migrate';
import { openStore, type Store } from '../../server/pg/store';
import type { Json } from './json';
import { DEMO_FEES, DEMO_LIMITS, DEMO_PRICES } from '../../services/pricing/demo-catalogue';

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
    /** Embedded PGlite (in memory) even when PostgreSQL answers. */
    pglite?: boolean;
  } = {},
): Promise<TestHeadOffice> {
  // Without a database named, the real PostgreSQL when it answers: the whole head-office suite runs on it.
  const fresh = opts.store || opts.url || opts.dataDir || opts.pglite ? null : await freshPostgres();
  const url = opts.url ?? fresh?.url;
  const store = opts.store ?? (await openStore(url ? { url } : { dataDir: opts.dataDir }));
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
  const base = address.replace('localhost', '127.0.0.1');
  return {
    url: base,
    store,
    app,
    admin: adminCaller(base),
    async close() {
      await app.close();
      if (!opts.store) await store.close();
      await fresh?.drop();
    },
  };
}

/**
 * Calls head office's admin API with the test administrator token; throws on anything but 2xx. A write gets a
 * fresh requestId unless its body has one.
 */
export function adminCaller(url: string) {
  return async (method: 'GET' | 'POST', path: string, given?: unknown): Promise<Json> => {
    const body = method === 'POST' ? { requestId: randomUUID(), ...(given as object | undefined) } : given;
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

/**
 * Publishes the demo catalogue at head office (services/pricing/demo-catalogue.ts: prices, residential limits,
 * fee items), as an administrator does before counters sell: counters pull it, and head office checks their
 * sales against it. Answers the residential price version's id.
 */
export async function publishDemoCatalogue(
  ho: Pick<TestHeadOffice, 'admin'> & { store?: Store },
): Promise<{ residential: string }> {
  const [held] =
    (await ho.store?.query<{ id: string }>(
      `SELECT id FROM price_versions WHERE data->>'userClass' = 'residential' AND data->>'effectiveFrom' = $1`,
      [DEMO_PRICES[0]!.effectiveFrom],
    )) ?? [];
  if (held) return { residential: held.id }; // published already (by another test of this head office)
  let residential = '';
  for (const p of DEMO_PRICES) {
    const v = await ho.admin('POST', '/admin/price-versions', p);
    if (p.userClass === 'residential') residential = v.id as string;
  }
  await ho.admin('POST', '/admin/purchase-limits', DEMO_LIMITS);
  for (const f of DEMO_FEES) await ho.admin('POST', '/admin/fee-items', { ...f, active: true });
  return { residential };
}

/** Registers hall and counter (creating the hall when new) and returns the one-time enrollment code. */
/** What a test needs of head office to call it over HTTP: in-process or its own process alike. */
export type HeadOfficeApi = Pick<TestHeadOffice, 'url' | 'admin'>;

export async function registerCounter(
  ho: HeadOfficeApi,
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
