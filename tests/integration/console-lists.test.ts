/**
 * The console's read-only lists (core/sync/routes-lists.ts) and who may read them: prices, fees and limits
 * for every role; a hall's staff, cards and service-desk records for a hall manager only of their own hall
 * (named), for the others any hall; the usage analysis like the reports; imports and writes to master data
 * the administrator's alone. PostgreSQL when DATABASE_URL is set, PGlite otherwise.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConsoleClient } from '../support/console-client';
import { publishDemoCatalogue, startHeadOffice, type TestHeadOffice } from '../support/head-office';
import type { Json } from '../support/json';

let ho: TestHeadOffice;
const PASSWORD = 'Zongbu2026pass';

beforeAll(async () => {
  ho = await startHeadOffice();
  await ho.admin('POST', '/admin/halls', { code: '0101', name: '城东营业厅' });
  await ho.admin('POST', '/admin/halls', { code: '0202', name: '城西营业厅' });
  await publishDemoCatalogue(ho);
  for (const hall of ['0101', '0202'])
    await ho.admin('POST', `/admin/halls/${hall}/staff`, {
      username: `clerk${hall}`,
      displayName: `收费员${hall}`,
      roles: ['clerk', 'cashier'],
      password: 'demo12345',
    });
  for (const [username, role, halls] of [
    ['zhaomin', 'auditor', []],
    ['sunli', 'hall_manager', ['0101']],
    ['qianyu', 'readonly', []],
  ] as const)
    await ho.admin('POST', '/admin/console-users', {
      username,
      displayName: username,
      role,
      halls,
      password: PASSWORD,
    });
});
afterAll(() => ho?.close());

async function signedIn(username: string): Promise<ConsoleClient> {
  const c = new ConsoleClient(ho.url);
  expect((await c.login(username, PASSWORD)).status).toBe(200);
  return c;
}
const codeOf = (b: Json) => (b.error as { code?: string } | undefined)?.code ?? b.code;

describe('the console’s lists', () => {
  it('lists the published prices, fees and limits to every role', async () => {
    for (const user of ['zhaomin', 'sunli', 'qianyu']) {
      const c = await signedIn(user);
      const prices = (await c.call('GET', '/admin/price-versions')).body.priceVersions as {
        userClass: string;
      }[];
      expect(prices.map((p) => p.userClass).sort()).toEqual([
        'commercial',
        'industrial',
        'public_welfare',
        'residential',
      ]);
      const fees = (await c.call('GET', '/admin/fee-items')).body.feeItems as { code: string }[];
      expect(fees.map((f) => f.code)).toContain('CARD_REPLACEMENT');
      const limits = (await c.call('GET', '/admin/purchase-limits')).body.limits as { userClass: string }[];
      expect(limits).toMatchObject([{ userClass: 'residential', perPurchase: 30_000 }]);
    }
  });

  it('lists a hall’s staff without their password, any hall to an auditor', async () => {
    const a = await signedIn('zhaomin');
    const all = (await a.call('GET', '/admin/staff')).body.staff as Record<string, unknown>[];
    expect(all.map((s) => [s.hallCode, s.username])).toEqual([
      ['0101', 'clerk0101'],
      ['0202', 'clerk0202'],
    ]);
    expect(JSON.stringify(all)).not.toMatch(/hash|password/i);
    const one = (await a.call('GET', '/admin/staff?hall=0202')).body.staff as { username: string }[];
    expect(one.map((s) => s.username)).toEqual(['clerk0202']);
  });

  it('gives a hall manager their own hall’s staff, cards and records only, and refuses them unnamed or another hall', async () => {
    const m = await signedIn('sunli');
    const own = await m.call('GET', '/admin/staff?hall=0101');
    expect((own.body.staff as { hallCode: string }[]).map((s) => s.hallCode)).toEqual(['0101']);
    for (const path of [
      '/admin/staff',
      '/admin/cards',
      '/admin/service-records',
      '/admin/usage-analysis?month=2026-11',
    ])
      expect(codeOf((await m.call('GET', path)).body)).toBe('CONSOLE_FORBIDDEN');
    for (const path of [
      '/admin/staff?hall=0202',
      '/admin/cards?hall=0202',
      '/admin/service-records?hall=0202',
    ])
      expect((await m.call('GET', path)).status).toBe(403);
    expect((await m.call('GET', '/admin/cards?hall=0101')).body).toEqual({ cards: [] });
    expect((await m.call('GET', '/admin/service-records?hall=0101&kind=complaint')).body).toEqual({
      records: [],
    });
    expect((await m.call('GET', '/admin/usage-analysis?month=2026-11&hall=0101')).status).toBe(200);
  });

  it('keeps imports and master-data writes to the administrator', async () => {
    for (const user of ['zhaomin', 'sunli', 'qianyu']) {
      const c = await signedIn(user);
      expect((await c.call('GET', '/admin/imports')).status).toBe(403);
      const fee = await c.call('POST', '/admin/fee-items', { code: 'X_TEST', name: '测试', amountFen: 100 });
      expect([fee.status, codeOf(fee.body)]).toEqual([403, 'CONSOLE_FORBIDDEN']);
      expect((await c.call('POST', '/admin/cards/0101010000000001/block', { reason: '测试' })).status).toBe(
        403,
      );
    }
  });

  it('refuses a bad query with a Chinese message', async () => {
    const c = await signedIn('zhaomin');
    const r = await c.call('GET', '/admin/service-records?kind=party');
    expect([r.status, codeOf(r.body)]).toEqual([400, 'VALIDATION_FAILED']);
    expect(String(r.body.message)).toMatch(/[\u4e00-\u9fff]/);
    expect((await c.call('GET', '/admin/staff?hall=9999')).status).toBe(404);
  });
});
