/**
 * One administrator request, one effect at head office (server/admin/once.ts): each /admin write repeated
 * after its answer, three at once, and after head office was killed and started again on the same database,
 * leaves one effect and answers the same; a different body under a used requestId is refused; a write without
 * one is refused. On PostgreSQL when DATABASE_URL is set, PGlite otherwise.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../services/setup/demo';
import { tempDir } from '../support/app';
import { ADMIN_TOKEN, freshPostgres, startHeadOffice, type TestHeadOffice } from '../support/head-office';
import { spawnHeadOffice } from '../support/head-office-process';
import type { Json } from '../support/json';

let ho: TestHeadOffice;
beforeAll(async () => {
  ho = await startHeadOffice();
  await ho.admin('POST', '/admin/halls', { code: '0101', name: '城东营业厅' });
});
afterAll(() => ho?.close());

let n = 0;
const next = () => ++n;

interface Write {
  readonly name: string;
  /** Makes what one effect needs; returns the route and its body (without a requestId). */
  prepare(): Promise<{ path: string; body: Record<string, unknown> }>;
}

async function newCounter(): Promise<string> {
  const c = await ho.admin('POST', '/admin/halls/0101/counters', {
    code: String((next() % 90) + 10),
    name: `${n}号窗口`,
  });
  return (c.counter as { slotId: string }).slotId;
}

const WRITES: Write[] = [
  {
    name: 'register a hall',
    prepare: async () => ({ path: '/admin/halls', body: { code: String(2000 + next()), name: '新营业厅' } }),
  },
  {
    name: 'register a counter',
    prepare: async () => ({
      path: '/admin/halls/0101/counters',
      body: { code: String((next() % 90) + 10), name: '窗口' },
    }),
  },
  {
    name: 'a new enrolment code',
    prepare: async () => ({ path: `/admin/counters/${await newCounter()}/enrollment-code`, body: {} }),
  },
  {
    name: 'revoke a counter',
    prepare: async () => ({
      path: `/admin/counters/${await newCounter()}/revoke`,
      body: { reason: '电脑报废' },
    }),
  },
  {
    name: 'publish a price version',
    prepare: async () => ({
      path: '/admin/price-versions',
      body: {
        userClass: 'commercial',
        effectiveFrom: `2027-${String((next() % 12) + 1).padStart(2, '0')}-01`,
        periodStart: '01-01',
        tiers: [{ width: null, priceLi: 3_800 + n }],
        note: '商业用气调价',
      },
    }),
  },
  {
    name: 'save a fee item',
    prepare: async () => ({
      path: '/admin/fee-items',
      body: { code: `ITEM_${next()}`, name: '燃气报警器', amountFen: 28_000 },
    }),
  },
  {
    name: 'save purchase limits',
    prepare: async () => ({
      path: '/admin/purchase-limits',
      body: { userClass: 'commercial', perPurchase: 100_000 + next(), perMonth: null, perYear: null },
    }),
  },
  {
    name: 'create a member of staff',
    prepare: async () => ({
      path: '/admin/halls/0101/staff',
      body: { username: `staff${next()}`, displayName: '新员工', roles: ['clerk'], password: DEMO_PASSWORD },
    }),
  },
];

/** Rows in every table of head office (its request log aside). */
async function rowCounts(): Promise<Record<string, number>> {
  const tables = await ho.store.query<{ name: string }>(
    `SELECT table_name AS name FROM information_schema.tables
     WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> 'admin_requests'`,
  );
  const out: Record<string, number> = {};
  for (const { name } of tables) {
    const [r] = await ho.store.query<{ n: number }>(`SELECT count(*)::int AS n FROM "${name}"`);
    out[name] = r!.n;
  }
  return out;
}

async function post(path: string, body: unknown): Promise<{ status: number; json: Json }> {
  const r = await fetch(`${ho.url}${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: r.status, json: (await r.json()) as Json };
}

describe('one administrator request, one effect', () => {
  for (const w of WRITES) {
    it(`${w.name}: a repeat and three at once have one effect and the first answer; another body is refused`, async () => {
      const warm = await w.prepare(); // a first effect (it may create what later ones update)
      expect((await post(warm.path, { ...warm.body, requestId: randomUUID() })).status).toBe(200);
      const { path, body } = await w.prepare();
      const sent = { ...body, requestId: randomUUID() };
      const before = await rowCounts();
      const first = await post(path, sent);
      expect(first.status, JSON.stringify(first.json)).toBe(200);
      const once = await rowCounts();
      expect(await post(path, sent)).toEqual(first);
      expect(await rowCounts()).toEqual(once);
      const other = await post(path, { ...sent, reason: '另一件事', name: '另一个名字' });
      expect(other).toMatchObject({ status: 409, json: { code: 'REQUEST_ID_REUSED' } });

      const again = await w.prepare();
      const sentAgain = { ...again.body, requestId: randomUUID() };
      const mid = await rowCounts();
      const answers = await Promise.all([1, 2, 3].map(() => post(again.path, sentAgain)));
      expect(answers.map((a) => a.status)).toEqual([200, 200, 200]);
      expect(answers[1]).toEqual(answers[0]);
      expect(answers[2]).toEqual(answers[0]);
      const grew = (a: Record<string, number>, b: Record<string, number>) =>
        Object.fromEntries(Object.keys(b).map((k) => [k, b[k]! - (a[k] ?? 0)]));
      expect(grew(mid, await rowCounts())).toEqual(grew(before, once));
    });
  }

  it('refuses a write without a requestId, writing nothing', async () => {
    const before = await rowCounts();
    const r = await post('/admin/fee-items', { code: 'NO_ID', name: '无编号', amountFen: 1 });
    expect(r).toMatchObject({ status: 400, json: { code: 'VALIDATION_FAILED' } });
    expect(await rowCounts()).toEqual(before);
  });

  it('answers a repeat after head office was killed and started again, from its database', async () => {
    const pg = await freshPostgres();
    const data = pg ? undefined : tempDir('gasdesk-ho-');
    const start = () => spawnHeadOffice(pg ? { url: pg.url } : { dataDir: data });
    let p = await start();
    try {
      const sent = { code: '0909', name: '城西营业厅', requestId: randomUUID() };
      const first = await p.admin('POST', '/admin/halls', sent);
      await p.stop('SIGKILL');
      p = await start();
      expect(await p.admin('POST', '/admin/halls', sent)).toEqual(first);
      const halls = (await p.admin('GET', '/admin/halls')) as { halls: { code: string }[] };
      expect(halls.halls.filter((h) => h.code === '0909')).toHaveLength(1);
    } finally {
      await p.stop();
      await pg?.drop();
    }
  }, 60_000);
});
