/**
 * Head office's database connection: embedded PGlite in a data folder by default, PostgreSQL when a URL is
 * given. Both answer the same two calls — `query` and `tx` — so the rest of the server never knows which.
 * Every coordination between instances goes through the database (unique keys, row and advisory locks).
 * Runtime: Node.
 */
import { existsSync, mkdirSync } from 'node:fs';

export type Row = Record<string, unknown>;

export interface Queryable {
  query<R = Row>(text: string, params?: unknown[]): Promise<R[]>;
}

export interface Store extends Queryable {
  readonly kind: 'pglite' | 'postgres';
  /** Runs fn in one transaction (READ COMMITTED); rolls back when it throws. */
  tx<T>(fn: (q: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

const INT8 = 20;
const TIMESTAMPTZ = 1184;
const toIso = (v: string) => new Date(v).toISOString();

export interface StoreOptions {
  /** PostgreSQL connection string; without it, PGlite in `dataDir` (or in memory when dataDir is absent). */
  readonly url?: string;
  readonly dataDir?: string;
  /** PostgreSQL pool size per instance. */
  readonly poolSize?: number;
}

export async function openStore(opts: StoreOptions): Promise<Store> {
  return opts.url ? openPostgres(opts.url, opts.poolSize ?? 8) : openPglite(opts.dataDir);
}

async function openPglite(dataDir?: string): Promise<Store> {
  const { PGlite } = await import('@electric-sql/pglite');
  // The trigram indexes of the customer search (migration 0015) need pg_trgm, which PGlite ships as a contrib.
  // Its files sit beside the bundle in a build (build/build.js copies them with PGlite's own), where the
  // contrib's own path (one folder up from itself) does not lead.
  const { pg_trgm: contrib } = await import('@electric-sql/pglite/contrib/pg_trgm');
  const beside = new URL('./pg_trgm.tar.gz', import.meta.url);
  const pg_trgm = existsSync(beside) ? { ...contrib, setup: async () => ({ bundlePath: beside }) } : contrib;
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const db = await PGlite.create(dataDir, {
    extensions: { pg_trgm },
    parsers: { [INT8]: (v: string) => Number(v), [TIMESTAMPTZ]: toIso },
  });
  const q: Queryable = {
    async query<R>(text: string, params: unknown[] = []) {
      return (await db.query<R>(text, params)).rows;
    },
  };
  return {
    kind: 'pglite',
    query: q.query,
    tx: (fn) =>
      db.transaction(async (t) =>
        fn({
          async query<R>(text: string, params: unknown[] = []) {
            return (await t.query<R>(text, params)).rows;
          },
        }),
      ),
    close: () => db.close(),
  };
}

async function openPostgres(url: string, max: number): Promise<Store> {
  const pg = (await import('pg')).default;
  const types = {
    getTypeParser(oid: number, format?: string) {
      if (oid === INT8) return (v: string) => Number(v);
      if (oid === TIMESTAMPTZ) return toIso;
      return pg.types.getTypeParser(oid, format as 'text');
    },
  };
  const pool = new pg.Pool({ connectionString: url, max, types: types as never });
  pool.on('error', () => {}); // an idle client lost its connection: the next query reconnects
  await pool.query('SELECT 1');
  return {
    kind: 'postgres',
    async query<R>(text: string, params: unknown[] = []) {
      return (await pool.query(text, params)).rows as R[];
    },
    async tx(fn) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const out = await fn({
          async query<R>(text: string, params: unknown[] = []) {
            return (await client.query(text, params)).rows as R[];
          },
        });
        await client.query('COMMIT');
        return out;
      } catch (e) {
        await client.query('ROLLBACK').catch(() => {});
        throw e;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}
