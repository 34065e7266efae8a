import { performance } from 'node:perf_hooks';
import { describe, expect, it, vi } from 'vitest';
import {
  LOCKOUT_MINUTES,
  MAX_FAILED_LOGINS,
  TERMINAL_BACKOFF_SECONDS,
  TERMINAL_FREE_FAILURES,
} from '../../core/domain/roles';
import { DEMO_PASSWORD } from '../../services/setup/demo';
import { type TestCounter, testCounter } from '../support/app';
import { withRequestId } from '../support/request-id';

// This file measures what a refusal costs, which scrypt must dominate as it does in production: its hashes (the
// demo staff's and the dummy one) are made at the production cost 2^15, not at the suite's lowered 2^10
// (vitest.config.ts), before any module computes one.
vi.hoisted(() => {
  process.env.GASDESK_TEST_SCRYPT_LOG_N = '15';
});

/** A login from one terminal (as a transport names it), answering the error code or 'ok'. */
async function login(t: TestCounter, username: string, password: string, terminal: string) {
  const r = await t.d.invoke('auth.login', withRequestId('auth.login', { username, password }), { terminal });
  return r.ok ? 'ok' : r.error.code;
}

function staffRow(t: TestCounter, username: string) {
  return t.app.gdb.sqlite
    .prepare('SELECT id, failed_logins AS failed, locked_until AS lockedUntil FROM staff WHERE username = ?')
    .get(username) as { id: string; failed: number; lockedUntil: string | null };
}

/** The audit entries of attempts on one account (or one unknown name), oldest first. */
function attemptAudit(t: TestCounter, entityId: string) {
  return t.app.gdb.sqlite
    .prepare(
      "SELECT action, summary FROM audit WHERE entity_id = ? AND action LIKE 'auth.%' AND action NOT IN ('auth.login', 'auth.logout') ORDER BY rowid",
    )
    .all(entityId) as { action: string; summary: string }[];
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

describe('checking passwords under attack', () => {
  it(`30 wrong passwords sent at once lock the account after the ${MAX_FAILED_LOGINS}th; the right one in the burst is refused`, async () => {
    const t = await testCounter();
    // From 30 terminals, so that no terminal's own backoff stops them: only the account's count is in play.
    const tries = Array.from({ length: 30 }, (_, i) =>
      login(t, 'zhangli', i === 10 ? DEMO_PASSWORD : `wrong-pass-${i}`, `attacker-${i}`),
    );
    const codes = await Promise.all(tries);
    expect(codes.slice(0, MAX_FAILED_LOGINS - 1)).toEqual(
      Array(MAX_FAILED_LOGINS - 1).fill('BAD_CREDENTIALS'),
    );
    expect(codes.slice(MAX_FAILED_LOGINS - 1)).toEqual(
      Array(30 - MAX_FAILED_LOGINS + 1).fill('ACCOUNT_LOCKED'),
    );
    expect(codes[10]).toBe('ACCOUNT_LOCKED'); // the right password, after the lock
    const row = staffRow(t, 'zhangli');
    expect(row.lockedUntil).toBe(new Date(t.clock.ms + LOCKOUT_MINUTES * 60_000).toISOString());
    expect(row.failed).toBe(0);
    // One entry when the burst began, one when it locked the account: not a row per try.
    expect(attemptAudit(t, row.id)).toEqual([
      { action: 'auth.failed', summary: '登录：密码错误（第 1 次）' },
      {
        action: 'auth.lockedOut',
        summary: `登录：密码连续错误 ${MAX_FAILED_LOGINS} 次，账号锁定 ${LOCKOUT_MINUTES} 分钟；本轮共 5 次失败`,
      },
    ]);
    t.clock.advanceMinutes(LOCKOUT_MINUTES);
    expect(await login(t, 'zhangli', DEMO_PASSWORD, 'desk')).toBe('ok');
    expect(attemptAudit(t, row.id).slice(2)).toEqual([
      { action: 'auth.unlocked', summary: '登录：锁定期满，自动解除；锁定期间共 25 次失败（被拒 25 次）' },
    ]);
  });

  it('an unknown name costs as much to refuse as a known one (medians of several tries, within 20 %)', async () => {
    const t = await testCounter();
    const tries = {
      unknown: { cpu: [] as number[], wall: [] as number[] },
      known: { cpu: [] as number[], wall: [] as number[] },
    };
    const time = async (kind: 'unknown' | 'known', username: string, terminal: string) => {
      const [wall, cpu] = [performance.now(), process.cpuUsage()];
      expect(await login(t, username, 'wrong-pass', terminal)).toBe('BAD_CREDENTIALS');
      const used = process.cpuUsage(cpu);
      tries[kind].cpu.push(used.user + used.system);
      tries[kind].wall.push(performance.now() - wall);
    };
    for (let i = 0; i < 9; i++) {
      // Interleaved, each first in turn; every unknown name is a new one, as when someone probes for names.
      if (i % 2) await time('unknown', `nobody${i}`, `u${i}`);
      await time('known', 'zhangli', `k${i}`);
      if (!(i % 2)) await time('unknown', `nobody${i}`, `u${i}`);
      expect(await login(t, 'zhangli', DEMO_PASSWORD, `k${i}`)).toBe('ok'); // the count starts again
    }
    const gap = (k: 'cpu' | 'wall') => {
      const [u, n] = [median(tries.unknown[k]), median(tries.known[k])];
      return { u, n, gap: Math.abs(u - n) / Math.max(u, n) };
    };
    // The work done (this process's CPU time, the scrypt threads included) is what a stranger's clock measures
    // on an idle counter; the wall clock of a machine this busy swings by more than the bound, so it only has to
    // be of the same order (the defect was 20 ms against 200–660 ms).
    const cpu = gap('cpu');
    const wall = gap('wall');
    const say = `CPU ${cpu.u.toFixed(0)} / ${cpu.n.toFixed(0)} µs, wall ${wall.u.toFixed(0)} / ${wall.n.toFixed(0)} ms`;
    expect(cpu.gap, say).toBeLessThan(0.2);
    expect(wall.gap, say).toBeLessThan(0.5);
  });

  it('one terminal is slowed down before it could lock anyone out', async () => {
    const t = await testCounter();
    for (let i = 0; i < TERMINAL_FREE_FAILURES; i++)
      expect(await login(t, 'liuqiang', 'wrong-pass', 'stranger')).toBe('BAD_CREDENTIALS');
    // Even the right password waits: the terminal, not the answer, is slowed down; the account counts nothing.
    const waiting = await t.d.invoke(
      'auth.login',
      withRequestId('auth.login', { username: 'liuqiang', password: DEMO_PASSWORD }),
      { terminal: 'stranger' },
    );
    expect(waiting).toMatchObject({
      ok: false,
      status: 429,
      error: { code: 'TOO_MANY_ATTEMPTS', fields: { retryAfterSeconds: TERMINAL_BACKOFF_SECONDS } },
    });
    for (let i = 0; i < 10; i++)
      expect(await login(t, 'liuqiang', 'wrong-pass', 'stranger')).toBe('TOO_MANY_ATTEMPTS');
    expect(staffRow(t, 'liuqiang')).toMatchObject({ failed: TERMINAL_FREE_FAILURES, lockedUntil: null });
    // Each further failure doubles the wait: the 5th try that would lock comes 15 + 30 + 60 s later at the earliest.
    t.clock.ms += TERMINAL_BACKOFF_SECONDS * 1000;
    expect(await login(t, 'liuqiang', 'wrong-pass', 'stranger')).toBe('BAD_CREDENTIALS');
    const r = await t.d.invoke(
      'auth.login',
      withRequestId('auth.login', { username: 'liuqiang', password: 'wrong-pass' }),
      { terminal: 'stranger' },
    );
    expect(r).toMatchObject({
      ok: false,
      error: { fields: { retryAfterSeconds: 2 * TERMINAL_BACKOFF_SECONDS } },
    });
    // The 班长 at their own terminal is not slowed, and logging in starts the account's count again.
    expect(await login(t, 'liuqiang', DEMO_PASSWORD, 'supervisor-desk')).toBe('ok');
    expect(staffRow(t, 'liuqiang')).toMatchObject({ failed: 0, lockedUntil: null });
    // The stranger's burst is audited once, then summed up when the account's owner got in.
    expect(attemptAudit(t, staffRow(t, 'liuqiang').id)).toEqual([
      { action: 'auth.failed', summary: '登录：密码错误（第 1 次）' },
      { action: 'auth.failures', summary: '登录：共 15 次失败（密码错误 3 次，被拒 12 次），随后验证成功' },
    ]);
  });

  it('a flood on an unknown name is one entry, summed up when the burst has ended', async () => {
    const t = await testCounter();
    for (let i = 0; i < 6; i++)
      expect(await login(t, 'ghost', 'wrong-pass', `t${i}`)).toBe('BAD_CREDENTIALS');
    expect(attemptAudit(t, 'ghost')).toEqual([{ action: 'auth.failed', summary: '登录：无此账号 ghost' }]);
    t.clock.advanceMinutes(LOCKOUT_MINUTES + 1);
    expect(await login(t, 'ghost', 'wrong-pass', 'later')).toBe('BAD_CREDENTIALS');
    expect(attemptAudit(t, 'ghost')).toEqual([
      { action: 'auth.failed', summary: '登录：无此账号 ghost' },
      { action: 'auth.failures', summary: '登录：共 6 次失败，此后无人再试' },
      { action: 'auth.failed', summary: '登录：无此账号 ghost' },
    ]);
  });

  it('a disabled account says so only to someone who knows its password', async () => {
    const t = await testCounter();
    const admin = await t.login('admin');
    const zhang = (await t.ok('staff.list', {}, admin)).items.find((s) => s.username === 'zhangli')!;
    await t.ok('staff.setActive', { staffId: zhang.id, active: false }, admin);
    expect(await login(t, 'zhangli', 'wrong-pass', 'a')).toBe('BAD_CREDENTIALS');
    expect(await login(t, 'zhangli', DEMO_PASSWORD, 'b')).toBe('ACCOUNT_DISABLED');
  });
});
