import { scryptLogN } from '../../core/node/password';
import { describe, expect, it } from 'vitest';
import { LOCKOUT_MINUTES, MAX_FAILED_LOGINS } from '../../core/domain/roles';
import { fullOpening } from '../fixtures/households';
import { testCounter } from '../support/app';
import { withRequestId } from '../support/request-id';

describe('staff, login and the counter lock', () => {
  it('a fresh counter asks for setup first, and only once', async () => {
    const t = await testCounter({ demo: false });
    expect(await t.ok('setup.status', {})).toEqual({ initialized: false });
    expect((await t.fails('auth.login', { username: 'admin', password: 'whatever1' })).code).toBe(
      'SETUP_REQUIRED',
    );
    const bad = await t.fails('setup.initialize', {
      hallCode: '12',
      hallName: '',
      counterCode: '1',
      counterName: 'x',
      admin: { username: '1x', displayName: 'A', password: 'short' },
    });
    expect(bad.code).toBe('VALIDATION_FAILED');
    expect(bad.issues!.map((i) => i.path.join('.'))).toEqual(
      expect.arrayContaining(['hallCode', 'hallName', 'counterCode', 'admin.username', 'admin.password']),
    );
    expect(t.count('staff')).toBe(0);
    const input = {
      hallCode: '0201',
      hallName: '城东营业厅',
      counterCode: '03',
      counterName: '3号窗口',
      admin: { username: 'boss', displayName: '赵主任', password: 'a-long-pass' },
    };
    await t.ok('setup.initialize', input);
    expect((await t.fails('setup.initialize', input)).code).toBe('ALREADY_SET_UP');
    const sid = await t.login('boss', 'a-long-pass');
    const me = await t.ok('auth.me', {}, sid);
    expect(me).toMatchObject({
      staff: { displayName: '赵主任', roles: ['admin'] },
      counter: { hallName: '城东营业厅', counterName: '3号窗口' },
      locked: false,
    });
  });

  it('stores passwords only as scrypt hashes', async () => {
    const t = await testCounter();
    const rows = t.app.gdb.sqlite.prepare('SELECT password_hash AS h FROM staff').all() as { h: string }[];
    for (const r of rows) {
      // scrypt at the cost in force: 2^15, lowered under the test runner (core/node/password.test.ts).
      expect(r.h).toMatch(new RegExp(`^scrypt\\$${scryptLogN()}\\$8\\$1\\$`));
      expect(r.h).not.toContain('demo1234');
    }
  });

  it(`locks an account after ${MAX_FAILED_LOGINS} wrong passwords, for ${LOCKOUT_MINUTES} minutes`, async () => {
    const t = await testCounter();
    // Each from its own terminal: one terminal alone would be slowed down first (credentials.test.ts).
    const attempt = (i: number, password: string) =>
      t.d.invoke('auth.login', withRequestId('auth.login', { username: 'zhangli', password }), {
        terminal: `t${i}`,
      });
    for (let i = 1; i < MAX_FAILED_LOGINS; i++)
      expect(await attempt(i, 'wrong-pass')).toMatchObject({ error: { code: 'BAD_CREDENTIALS' } });
    expect(await attempt(MAX_FAILED_LOGINS, 'wrong-pass')).toMatchObject({
      error: { code: 'ACCOUNT_LOCKED' },
    });
    const locked = await attempt(0, 'demo1234');
    expect(locked).toMatchObject({
      error: { code: 'ACCOUNT_LOCKED', message: expect.stringContaining('锁定') },
    });
    t.clock.advanceMinutes(LOCKOUT_MINUTES + 1);
    expect(await t.login('zhangli')).toBeTruthy();
    const audit = t.app.gdb.sqlite
      .prepare("SELECT count(*) AS n FROM audit WHERE action IN ('auth.lockedOut', 'auth.unlocked')")
      .get() as { n: number };
    expect(audit.n).toBe(2);
  });

  it('an administrator reset unlocks at once', async () => {
    const t = await testCounter();
    for (let i = 0; i < MAX_FAILED_LOGINS; i++)
      await t.d.invoke(
        'auth.login',
        withRequestId('auth.login', { username: 'zhangli', password: 'wrong-pass' }),
        { terminal: `t${i}` },
      );
    const admin = await t.login('admin');
    const staff = await t.ok('staff.list', {}, admin);
    const zhang = staff.items.find((s) => s.username === 'zhangli')!;
    expect(zhang.locked).toBe(true);
    await t.ok('staff.resetPassword', { staffId: zhang.id, newPassword: 'new-pass-123' }, admin);
    expect(await t.login('zhangli', 'new-pass-123')).toBeTruthy();
  });

  it('locks an idle session; only the operator’s password unlocks it', async () => {
    const t = await testCounter();
    const sid = await t.login('zhangli');
    t.clock.advanceMinutes(11);
    const r = await t.fails('customers.search', { query: '街道' }, sid);
    expect(r).toMatchObject({ code: 'SESSION_LOCKED', status: 423 });
    expect((await t.ok('auth.me', {}, sid)).locked).toBe(true);
    expect((await t.fails('auth.unlock', { password: 'wrong-pass' }, sid)).code).toBe('BAD_CREDENTIALS');
    await t.ok('auth.unlock', { password: 'demo1234' }, sid);
    expect((await t.ok('customers.search', { query: '街道' }, sid)).items.length).toBeGreaterThan(0);
    await t.ok('auth.lock', {}, sid);
    expect((await t.fails('customers.search', { query: '街道' }, sid)).code).toBe('SESSION_LOCKED');
  });

  it('follows the configured idle time', async () => {
    const t = await testCounter();
    const admin = await t.login('admin');
    await t.ok('settings.update', { idleLockMinutes: 30 }, admin);
    const sid = await t.login('zhangli');
    t.clock.advanceMinutes(20);
    expect((await t.ok('customers.search', { query: '街道' }, sid)).items.length).toBeGreaterThan(0);
  });

  it('roles decide who may do what', async () => {
    const t = await testCounter();
    const cashier = await t.login('wangfang');
    const clerk = await t.login('zhangli');
    expect((await t.fails('customers.open', fullOpening(), cashier)).code).toBe('PERMISSION_DENIED');
    expect(
      (
        await t.fails(
          'staff.create',
          { username: 'newbie', displayName: '新人', roles: ['clerk'], password: 'pass-1234' },
          clerk,
        )
      ).code,
    ).toBe('PERMISSION_DENIED');
    expect((await t.fails('ledger.verify', {}, clerk)).code).toBe('PERMISSION_DENIED');
    expect((await t.fails('customers.search', { query: 'x' })).code).toBe('NOT_LOGGED_IN');
    expect((await t.fails('customers.search', { query: 'x' }, 'forged-session')).code).toBe('NOT_LOGGED_IN');
  });

  it('a disabled account cannot log in and its sessions end', async () => {
    const t = await testCounter();
    const admin = await t.login('admin');
    const clerk = await t.login('zhangli');
    const zhang = (await t.ok('staff.list', {}, admin)).items.find((s) => s.username === 'zhangli')!;
    await t.ok('staff.setActive', { staffId: zhang.id, active: false }, admin);
    expect((await t.fails('customers.search', { query: '街道' }, clerk)).code).toBe('NOT_LOGGED_IN');
    expect((await t.fails('auth.login', { username: 'zhangli', password: 'demo1234' })).code).toBe(
      'ACCOUNT_DISABLED',
    );
  });

  it('an administrator gives staff several roles; the approval right comes with 班长 alone', async () => {
    const t = await testCounter();
    const admin = await t.login('admin');
    const clerk = await t.login('zhangli');
    const zhang = (await t.ok('staff.list', {}, admin)).items.find((s) => s.username === 'zhangli')!;
    const bad = await t.fails('staff.setRoles', { staffId: zhang.id, roles: [] }, admin);
    expect(bad.issues).toEqual([expect.objectContaining({ path: ['roles'], message: '请至少选择一个岗位' })]);
    expect((await t.fails('staff.setRoles', { staffId: zhang.id, roles: ['boss'] }, admin)).code).toBe(
      'VALIDATION_FAILED',
    );
    expect((await t.fails('staff.setRoles', { staffId: zhang.id, roles: ['clerk'] }, clerk)).code).toBe(
      'PERMISSION_DENIED',
    );
    const price = {
      userClass: 'residential' as const,
      effectiveFrom: '2026-12-01',
      baseHouseholdSize: 4,
      periodStart: '01-01',
      tiers: [{ width: null, priceLi: 3000 }],
      note: '调价',
    };
    const approval = { username: 'zhangli', password: 'demo1234' };
    expect((await t.fails('prices.create', { version: price, approval }, admin)).code).toBe(
      'APPROVAL_INVALID',
    );
    const changed = await t.ok(
      'staff.setRoles',
      { staffId: zhang.id, roles: ['supervisor', 'clerk'] },
      admin,
    );
    expect(changed.roles).toEqual(['clerk', 'supervisor']);
    // Her session carried the roles it was opened with: she logs in again under the new ones.
    expect((await t.fails('auth.me', {}, clerk)).code).toBe('NOT_LOGGED_IN');
    expect((await t.ok('auth.me', {}, await t.login('zhangli'))).staff.roles).toEqual([
      'clerk',
      'supervisor',
    ]);
    await t.ok('prices.create', { version: price, approval }, admin);
    const op = t.app.gdb.sqlite
      .prepare("SELECT payload FROM outbox WHERE type = 'staff.rolesChanged'")
      .get() as { payload: string };
    expect(JSON.parse(op.payload)).toEqual({ v: 1, staffId: zhang.id, roles: ['clerk', 'supervisor'] });
    const audit = t.app.gdb.sqlite
      .prepare("SELECT summary FROM audit WHERE action = 'staff.rolesChanged'")
      .get() as { summary: string };
    expect(audit.summary).toBe('张丽 的岗位：客服员 → 客服员、班长');
    // The administrator keeps their own role (nobody else could give it back).
    const me = (await t.ok('auth.me', {}, admin)).staff;
    expect((await t.fails('staff.setRoles', { staffId: me.id, roles: ['supervisor'] }, admin)).code).toBe(
      'PERMISSION_DENIED',
    );
  });

  it('creates staff with unique user names', async () => {
    const t = await testCounter();
    const admin = await t.login('admin');
    const s = await t.ok(
      'staff.create',
      { username: 'Xiaoli', displayName: '小李', roles: ['cashier'], password: 'pass-1234' },
      admin,
    );
    expect(s).toMatchObject({ roles: ['cashier'], active: true, locked: false });
    expect(
      (
        await t.fails(
          'staff.create',
          { username: 'xiaoli', displayName: '另一个', roles: ['clerk'], password: 'pass-1234' },
          admin,
        )
      ).code,
    ).toBe('DUPLICATE_USERNAME');
    expect(await t.login('XIAOLI', 'pass-1234')).toBeTruthy();
  });
});
