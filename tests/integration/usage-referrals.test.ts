/**
 * A suspect meter of the usage analysis opens a 工单 in one action: a console user sends the household to its
 * hall (核表请求, once per household and month, once per requestId, audited; a hall manager only for their own
 * hall, 只读 never); the hall's counter receives it on its pull and shows it on the clerk's to-do board; one
 * action there opens the work order with the flags and evidence as its 工单内容, once; head office's list then
 * names that work order. Real head office (PGlite, or PostgreSQL when DATABASE_URL is set), real counter.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { fakeHousehold, mulberry32 } from '../../services/setup/fake-households';
import { ConsoleClient } from '../support/console-client';
import type { Json } from '../support/json';
import { serviceSyncRig } from '../support/service-sync';

const rig = serviceSyncRig('gasdesk-referral-');
const PASSWORD = 'Zongbu2026pass';
const codeOf = (b: Json) => (b.error as { code?: string } | undefined)?.code ?? b.code;
const FLAGS = [
  { code: 'zero_after_purchase', text: '2026-02-10 购气 50 m³，本月表具累计用气 0 m³' },
  { code: 'leak', text: '2026-03-01 读卡时表具报 泄漏' },
];

let customerId = '';

async function signedIn(username: string): Promise<ConsoleClient> {
  const c = new ConsoleClient(rig.ho.url);
  expect((await c.login(username, PASSWORD)).status).toBe(200);
  return c;
}

beforeAll(async () => {
  await rig.ho.admin('POST', '/admin/halls', { code: '0202', name: '城西营业厅' });
  for (const [username, role, halls] of [
    ['sunli', 'hall_manager', ['0101']],
    ['wangwu', 'hall_manager', ['0202']],
    ['qianyu', 'readonly', []],
  ] as const)
    await rig.ho.admin('POST', '/admin/console-users', {
      username,
      displayName: `经理${username}`,
      role,
      halls,
      password: PASSWORD,
    });
  const x = await rig.A.ok(
    'customers.open',
    {
      ...fakeHousehold(mulberry32(22), 1),
      meters: [{ meterNo: 'REF-M1', maker: '金卡', model: 'G2.5', cardType: 'SLE4442' }],
    },
    rig.A.adminSid,
  );
  customerId = x.id;
  await rig.sync();
}, 60_000);

describe('a suspect meter sent for a work order', () => {
  it('refuses another hall’s manager, a read-only user, bad flags and a month to come; writes nothing', async () => {
    const body = { customerId, month: '2026-03', flags: FLAGS };
    const other = await signedIn('wangwu');
    const a = await other.call('POST', '/admin/halls/0101/usage-referrals', body);
    expect([a.status, codeOf(a.body)]).toEqual([403, 'CONSOLE_FORBIDDEN']);
    // Their own hall's path does not reach a customer of another hall.
    const b = await other.call('POST', '/admin/halls/0202/usage-referrals', body);
    expect([b.status, codeOf(b.body)]).toEqual([404, 'NOT_FOUND']);
    const ro = await signedIn('qianyu');
    const c = await ro.call('POST', '/admin/halls/0101/usage-referrals', body);
    expect([c.status, codeOf(c.body)]).toEqual([403, 'CONSOLE_FORBIDDEN']);
    const manager = await signedIn('sunli');
    const d = await manager.call('POST', '/admin/halls/0101/usage-referrals', {
      ...body,
      flags: [{ code: 'made_up', text: 'x' }],
    });
    expect([d.status, codeOf(d.body)]).toEqual([400, 'VALIDATION_FAILED']);
    const e = await manager.call('POST', '/admin/halls/0101/usage-referrals', { ...body, month: '2026-04' });
    expect([e.status, codeOf(e.body)]).toEqual([400, 'REPORT_PERIOD_IN_FUTURE']);
    expect(await rig.rows('SELECT 1 FROM usage_referrals')).toEqual([]);
    expect(await rig.rows("SELECT 1 FROM feed WHERE kind = 'usage_referral'")).toEqual([]);
  });

  it('records it once, audited, and the hall’s counter opens one work order from it in one action', async () => {
    const manager = await signedIn('sunli');
    const body = { requestId: 'ref-2026-03-0001', customerId, month: '2026-03', flags: FLAGS };
    const sent = await manager.call('POST', '/admin/halls/0101/usage-referrals', body);
    expect(sent.status).toBe(200);
    const again = await manager.call('POST', '/admin/halls/0101/usage-referrals', body);
    expect(again).toEqual(sent);
    const twice = await manager.call('POST', '/admin/halls/0101/usage-referrals', {
      ...body,
      requestId: 'ref-2026-03-0002',
    });
    expect([twice.status, codeOf(twice.body)]).toEqual([409, 'USAGE_ALREADY_REFERRED']);
    expect(await rig.rows('SELECT customer_id FROM usage_referrals')).toEqual([{ customer_id: customerId }]);
    const audited = await rig.rows<{ actor: string; status: number }>(
      "SELECT actor, status FROM console_audit WHERE action = 'POST /admin/halls/:hallCode/usage-referrals' AND status = 200",
    );
    expect(audited).toEqual([{ actor: 'sunli', status: 200 }]);
    const referral = sent.body as { id: string; no: string; description: string; createdBy: string };
    expect(referral.createdBy).toBe('经理sunli（sunli）');
    expect(referral.description).toContain('购气后零用气——2026-02-10 购气 50 m³');
    expect(referral.description).toContain('表具报警：泄漏——2026-03-01 读卡时表具报 泄漏');

    await rig.sync();
    const todo = await rig.A.ok('fieldWork.todo', {}, rig.A.adminSid);
    expect(todo.referrals.map((r) => [r.id, r.customerId, r.description])).toEqual([
      [referral.id, customerId, referral.description],
    ]);
    const w = await rig.A.ok(
      'workOrders.open',
      { sourceType: 'referral', sourceId: referral.id, kind: 'repair', description: referral.description },
      rig.A.adminSid,
    );
    expect(w).toMatchObject({
      source: { type: 'referral', id: referral.id, no: referral.no },
      party: { customerId },
      status: 'pending',
      description: referral.description,
    });
    expect((await rig.A.ok('fieldWork.todo', {}, rig.A.adminSid)).referrals).toEqual([]);
    const repeat = await rig.A.call(
      'workOrders.open',
      { sourceType: 'referral', sourceId: referral.id, kind: 'repair', description: '再开一次' },
      rig.A.adminSid,
    );
    expect(repeat.ok ? null : repeat.error.code).toBe('USAGE_REFERRAL_TAKEN');
    expect(rig.A.count("SELECT count(*) AS n FROM work_orders WHERE source_type = 'referral'")).toBe(1);

    // A pull that brings the request again changes nothing at the counter.
    await rig.ho.store.query(
      "UPDATE feed SET cursor = nextval('feed_cursor_seq') WHERE kind = 'usage_referral'",
    );
    await rig.sync();
    expect(rig.A.count('SELECT count(*) AS n FROM usage_referrals')).toBe(1);

    const list = await manager.call('GET', '/admin/usage-referrals?hall=0101&month=2026-03');
    expect(
      (list.body.referrals as { id: string; workOrderNo: string | null }[]).map((r) => [r.id, r.workOrderNo]),
    ).toEqual([[referral.id, w.no]]);
    const foreign = await (await signedIn('wangwu')).call(
      'GET',
      '/admin/usage-referrals?hall=0101&month=2026-03',
    );
    expect(foreign.status).toBe(403);
  });
});
