/**
 * The head-office console's doors (server/console/*): accounts made with the administrator's token, sign-in
 * with a lockout that holds against passwords sent in parallel, sessions that end when idle, on sign-out and
 * when the account is disabled, requests from another origin refused, each role held to what it may do and a
 * hall manager to their halls, and every sign-in and write in the audit. PostgreSQL when DATABASE_URL is set,
 * PGlite otherwise.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConsoleClient } from '../support/console-client';
import { startHeadOffice, type TestHeadOffice } from '../support/head-office';
import type { Json } from '../support/json';

let ho: TestHeadOffice;
let clock = Date.parse('2026-12-07T02:00:00Z');
const PASSWORD = 'Zongbu2026pass';

beforeAll(async () => {
  ho = await startHeadOffice({ now: () => clock });
  await ho.admin('POST', '/admin/halls', { code: '0101', name: '城东营业厅' });
  await ho.admin('POST', '/admin/halls', { code: '0202', name: '城西营业厅' });
  await ho.admin('POST', '/admin/halls/0101/counters', { code: '01', name: '1号窗口' });
  await ho.admin('POST', '/admin/halls/0202/counters', { code: '01', name: '1号窗口' });
  for (const [username, role, halls] of [
    ['wangjing', 'admin', []],
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
  const r = await c.login(username, PASSWORD);
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return c;
}

const codeOf = (b: Json) => (b.error as { code?: string } | undefined)?.code ?? b.code;

describe('console accounts', () => {
  it('refuses a weak password, a hall manager without halls, and a name taken', async () => {
    const weak = await fetch(`${ho.url}/admin/console-users`, {
      method: 'POST',
      headers: { authorization: 'Bearer test-admin-token-0123456789', 'content-type': 'application/json' },
      body: JSON.stringify({
        requestId: crypto.randomUUID(),
        username: 'lihua',
        displayName: '李华',
        role: 'admin',
        halls: [],
        password: 'short',
      }),
    });
    expect(weak.status).toBe(400);
    expect(JSON.stringify(await weak.json())).toContain('总部密码至少 10 位');
    await expect(
      ho.admin('POST', '/admin/console-users', {
        username: 'lihua',
        displayName: '李华',
        role: 'hall_manager',
        halls: [],
        password: PASSWORD,
      }),
    ).rejects.toThrow('营业厅经理须指定所管网点');
    await expect(
      ho.admin('POST', '/admin/console-users', {
        username: 'sunli',
        displayName: '孙丽',
        role: 'readonly',
        password: PASSWORD,
      }),
    ).rejects.toThrow('CONSOLE_USER_EXISTS');
  });
});

describe('sign-in', () => {
  it('answers a wrong password and an unknown name alike, and keeps the session in an HttpOnly cookie', async () => {
    const c = new ConsoleClient(ho.url);
    const wrong = await c.login('zhaomin', 'not-the-password1');
    const unknown = await c.login('nobody', 'not-the-password1');
    expect([wrong.status, codeOf(wrong.body)]).toEqual([401, 'CONSOLE_LOGIN_FAILED']);
    expect([unknown.status, codeOf(unknown.body)]).toEqual([401, 'CONSOLE_LOGIN_FAILED']);
    const r = await fetch(`${ho.url}/console/api/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: ho.url },
      body: JSON.stringify({ username: 'zhaomin', password: PASSWORD }),
    });
    expect(r.headers.get('set-cookie')).toMatch(
      /^gasdesk_console=[\w-]{43}; Path=\/; HttpOnly; SameSite=Strict$/,
    );
    const me = await (await signedIn('zhaomin')).call('GET', '/console/api/me');
    expect(me.body).toMatchObject({ username: 'zhaomin', role: 'auditor', idleTimeoutS: 1800 });
  });

  it('locks after five wrong passwords sent at once, even for the right one after them, for 15 minutes', async () => {
    await ho.admin('POST', '/admin/console-users', {
      username: 'zhoujie',
      displayName: '周杰',
      role: 'readonly',
      password: PASSWORD,
    });
    const c = new ConsoleClient(ho.url);
    const tries = await Promise.all(Array.from({ length: 8 }, () => c.login('zhoujie', 'Wrong-password-9')));
    expect(tries.filter((t) => t.status === 401)).toHaveLength(4);
    expect(tries.filter((t) => t.status === 423)).toHaveLength(4);
    expect(codeOf((await c.login('zhoujie', PASSWORD)).body)).toBe('CONSOLE_LOCKED');
    clock += 15 * 60_000 + 1;
    expect((await c.login('zhoujie', PASSWORD)).status).toBe(200);
  });
});

describe('sessions', () => {
  it('end after 30 minutes idle, on sign-out, and when the account is disabled', async () => {
    const idle = await signedIn('qianyu');
    clock += 29 * 60_000;
    expect((await idle.call('GET', '/console/api/me')).status).toBe(200);
    clock += 30 * 60_000 + 1;
    expect(codeOf((await idle.call('GET', '/console/api/me')).body)).toBe('CONSOLE_SESSION_REQUIRED');

    const out = await signedIn('qianyu');
    expect((await out.call('POST', '/console/api/logout')).status).toBe(200);
    expect((await out.call('GET', '/admin/halls')).status).toBe(401);

    await ho.admin('POST', '/admin/console-users', {
      username: 'wuyan',
      displayName: '吴燕',
      role: 'readonly',
      password: PASSWORD,
    });
    const gone = await signedIn('wuyan');
    const admin = await signedIn('wangjing');
    const { users } = (await admin.call('GET', '/admin/console-users')).body as {
      users: { id: string; username: string }[];
    };
    const wuyan = users.find((u) => u.username === 'wuyan')!;
    expect((await admin.call('POST', `/admin/console-users/${wuyan.id}`, { disabled: true })).status).toBe(
      200,
    );
    expect((await gone.call('GET', '/admin/halls')).status).toBe(401);
    expect(codeOf((await gone.login('wuyan', PASSWORD)).body)).toBe('CONSOLE_LOGIN_FAILED');
  });

  it('refuse a request from another page, and a write with no Origin at all', async () => {
    const admin = await signedIn('wangjing');
    const foreign = new ConsoleClient(ho.url, 'http://evil.example');
    foreign.cookie = admin.cookie;
    const r = await foreign.call('POST', '/admin/halls', { code: '0303', name: '城南营业厅' });
    expect([r.status, codeOf(r.body)]).toEqual([403, 'CONSOLE_ORIGIN']);
    expect((await foreign.call('GET', '/admin/halls')).status).toBe(403);
    const bare = new ConsoleClient(ho.url, null);
    bare.cookie = admin.cookie;
    expect(codeOf((await bare.call('POST', '/admin/halls', { code: '0303', name: '城南营业厅' })).body)).toBe(
      'CONSOLE_ORIGIN',
    );
    const halls = (await admin.call('GET', '/admin/halls')).body.halls as { code: string }[];
    expect(halls.map((h) => h.code)).not.toContain('0303');
  });

  it('do not let the last administrator be disabled', async () => {
    const admin = await signedIn('wangjing');
    const { users } = (await admin.call('GET', '/admin/console-users')).body as {
      users: { id: string; username: string }[];
    };
    const self = users.find((u) => u.username === 'wangjing')!;
    const r = await admin.call('POST', `/admin/console-users/${self.id}`, { disabled: true });
    expect([r.status, codeOf(r.body)]).toEqual([409, 'CONSOLE_LAST_ADMIN']);
  });
});

describe('roles', () => {
  it('lets read-only and auditors read, not write; an auditor resolves conflicts', async () => {
    for (const name of ['qianyu', 'zhaomin']) {
      const c = await signedIn(name);
      expect((await c.call('GET', '/admin/halls')).status).toBe(200);
      expect((await c.call('GET', '/admin/quarantine')).status).toBe(200);
      const w = await c.call('POST', '/admin/halls', { code: '0404', name: '城北营业厅' });
      expect([w.status, codeOf(w.body)]).toEqual([403, 'CONSOLE_FORBIDDEN']);
      expect((await c.call('GET', '/admin/console-users')).status).toBe(403);
    }
    const auditor = await signedIn('zhaomin');
    const resolve = await auditor.call('POST', '/admin/conflicts/nope/resolve', {
      resolution: 'keep',
      by: 'x',
    });
    expect(resolve.status).not.toBe(403);
  });

  it('shows a hall manager their halls only, and lets them add staff there and nowhere else', async () => {
    const c = await signedIn('sunli');
    const halls = (await c.call('GET', '/admin/halls')).body.halls as { code: string }[];
    expect(halls.map((h) => h.code)).toEqual(['0101']);
    const counters = (await c.call('GET', '/admin/counters')).body.counters as { hallCode: string }[];
    expect(counters.length).toBeGreaterThan(0);
    expect(new Set(counters.map((x) => x.hallCode))).toEqual(new Set(['0101']));
    const staff = { username: 'zhangsan', displayName: '张三', roles: ['clerk'], password: 'demo12345' };
    expect((await c.call('POST', '/admin/halls/0101/staff', staff)).status).toBe(200);
    const other = await c.call('POST', '/admin/halls/0202/staff', { ...staff, username: 'lisi' });
    expect([other.status, codeOf(other.body)]).toEqual([403, 'CONSOLE_FORBIDDEN']);
    expect((await c.call('GET', '/admin/quarantine')).status).toBe(403);
  });

  it('leaves reassigning and closing a service-desk record to the administrator', async () => {
    const step = { action: 'close', reason: '总部结案', by: '某人' };
    for (const name of ['sunli', 'qianyu', 'zhaomin']) {
      const c = await signedIn(name);
      const r = await c.call(
        'POST',
        '/admin/service-records/0190aaaa-0000-7000-8000-000000000000/steps',
        step,
      );
      expect([name, r.status, codeOf(r.body)]).toEqual([name, 403, 'CONSOLE_FORBIDDEN']);
    }
  });
});

describe('reports', () => {
  it('lets a hall manager run their own hall’s reports only, and a read-only user the company’s', async () => {
    const month = 'period=month&month=2026-11';
    const m = await signedIn('sunli');
    expect((await m.call('GET', `/admin/reports/gas?${month}&hall=0101`)).status).toBe(200);
    expect((await m.call('GET', `/admin/reports/gas/export.xlsx?${month}&hall=0202`)).status).toBe(403);
    expect(codeOf((await m.call('GET', `/admin/reports/gas?${month}`)).body)).toBe('CONSOLE_FORBIDDEN');
    const r = await signedIn('qianyu');
    expect((await r.call('GET', `/admin/reports/gas?${month}`)).status).toBe(200);
  });
});

describe('audit', () => {
  it('names who signed in, who failed, and who wrote or was refused', async () => {
    const admin = await signedIn('wangjing');
    const reader = await signedIn('qianyu');
    await reader.call('POST', '/admin/halls', { code: '0505', name: '新区营业厅' });
    await admin.call('POST', '/admin/halls', { code: '0606', name: '开发区营业厅' });
    await new ConsoleClient(ho.url).login('wangjing', 'Wrong-password-9');
    const { entries } = (await admin.call('GET', '/admin/console-audit?limit=500')).body as {
      entries: { actor: string; action: string; status: number }[];
    };
    const seen = entries.map((e) => `${e.actor} ${e.action} ${e.status}`);
    expect(seen).toContain('wangjing login 200');
    expect(seen).toContain('wangjing login 401');
    expect(seen).toContain('qianyu POST /admin/halls 403');
    expect(seen).toContain('wangjing POST /admin/halls 200');
    expect(seen).toContain('admin-token POST /admin/console-users 200');
  });
});
