/**
 * Checks a user name and password: for login, unlock, changing one's password and supervisor approval alike.
 *
 * - Attempts on one account, and from one terminal, are evaluated one after another (attempts.ts), so that a
 *   burst sent in parallel meets the count each earlier attempt left.
 * - The account's failure count is raised in a transaction before the password hash is checked (a crash
 *   mid-check cannot give a free try), reset on success; MAX_FAILED_LOGINS wrong passwords lock the account
 *   for LOCKOUT_MINUTES. The lock ends by itself (audited at the next attempt) or by an administrator's reset.
 * - An unknown name is checked against a dummy hash of the same parameters: it takes as long as a known one.
 * - A terminal that got it wrong TERMINAL_FREE_FAILURES times waits before each further try (the wait doubles),
 *   so one terminal is slowed down long before it could lock anyone out.
 * - A burst of failures on one name is audited as its first failure and one summary when it ends (success,
 *   lock, unlock, or a quiet gap), never as a row per attempt.
 *
 * Runtime: Node.
 */
import { LOCKOUT_MINUTES, MAX_FAILED_LOGINS } from '../../core/domain/roles';
import { AppError } from '../../core/errors';
import { findStaffByUsername, type StaffRow, updateStaff } from '../../db';
import type { App } from '../app';
import { outsideRequest } from '../requests/request-log';
import { attemptsOf, burstSize, burstText } from './attempts';
import { DUMMY_HASH, verifyPassword } from '../../core/node/password';

export async function checkCredentials(
  app: App,
  username: string,
  password: string,
  purpose: string,
  terminal: string,
): Promise<StaffRow> {
  const attempts = attemptsOf(app);
  const name = username.toLowerCase();
  // What a check writes (the count, the audit) is not the effect of the request it is part of: an approval
  // typed wrong is retried under the same requestId (services/requests/once.ts).
  return outsideRequest(() =>
    attempts.serial(`terminal:${terminal}`, () =>
      attempts.serial(`name:${name}`, () => attempt(app, username, password, purpose, terminal)),
    ),
  );
}

async function attempt(
  app: App,
  username: string,
  password: string,
  purpose: string,
  terminal: string,
): Promise<StaffRow> {
  const attempts = attemptsOf(app);
  const name = username.toLowerCase();
  const nowMs = app.clock.nowMs();
  const audit = auditor(app, username, purpose);
  const ended = attempts.takeEnded(name, nowMs);
  const row = findStaffByUsername(app.db, username);
  if (ended && burstSize(ended) > 1)
    app.transaction(() => audit(row, 'auth.failures', `${burstText(ended)}，此后无人再试`));
  const wait = attempts.terminalWait(terminal, nowMs);
  if (wait > 0) {
    attempts.count(name, 'refused', nowMs);
    throw new AppError('TOO_MANY_ATTEMPTS', {
      detail: `请 ${wait} 秒后再试`,
      fields: { retryAfterSeconds: wait },
    });
  }
  const counted = row && countAttempt(app, row, audit);
  const ok = await verifyPassword(password, row?.passwordHash ?? DUMMY_HASH);
  if (row && ok) {
    attempts.terminalSucceeded(terminal);
    const burst = attempts.end(name);
    app.transaction(() => {
      updateStaff(app.db, row.id, { failedLogins: 0, updatedAt: app.nowIso() });
      if (burst && burstSize(burst) > 1) audit(row, 'auth.failures', `${burstText(burst)}，随后验证成功`);
    });
    if (!row.active) throw new AppError('ACCOUNT_DISABLED');
    return row;
  }
  attempts.terminalFailed(terminal, nowMs);
  if (row && counted !== undefined && counted >= MAX_FAILED_LOGINS) {
    attempts.count(name, 'wrong', nowMs);
    const burst = attempts.end(name)!;
    app.transaction(() => {
      updateStaff(app.db, row.id, {
        failedLogins: 0,
        lockedUntil: new Date(nowMs + LOCKOUT_MINUTES * 60_000).toISOString(),
        updatedAt: app.nowIso(),
      });
      audit(
        row,
        'auth.lockedOut',
        `密码连续错误 ${counted} 次，账号锁定 ${LOCKOUT_MINUTES} 分钟；本轮${burstText(burst)}`,
      );
    });
    throw new AppError('ACCOUNT_LOCKED');
  }
  if (attempts.count(name, 'wrong', nowMs))
    app.transaction(() =>
      audit(row, 'auth.failed', row ? `密码错误（第 ${counted} 次）` : `无此账号 ${username}`),
    );
  throw new AppError('BAD_CREDENTIALS');
}

type Audit = (row: StaffRow | undefined, action: string, what: string) => void;

/** Audits an attempt on the name (inside the caller's transaction, or its own). */
function auditor(app: App, username: string, purpose: string): Audit {
  return (row, action, what) =>
    app
      .ledger()
      .auditOnly(
        { action, summary: `${purpose}：${what}` },
        { entityType: 'staff', entityId: row?.id ?? username, operatorId: row?.id ?? null },
      );
}

/**
 * Before the hash is checked: refuses a locked account, ends an expired lock (audited), and raises the
 * failure count in one transaction. Returns the raised count.
 */
function countAttempt(app: App, row: StaffRow, audit: Audit): number {
  const attempts = attemptsOf(app);
  const name = row.username.toLowerCase();
  const nowMs = app.clock.nowMs();
  return app.transaction(() => {
    const now = app.nowIso();
    const current = findStaffByUsername(app.db, row.username) ?? row;
    if (current.lockedUntil && current.lockedUntil > now) {
      attempts.count(name, 'refused', nowMs);
      throw new AppError('ACCOUNT_LOCKED');
    }
    if (current.lockedUntil) {
      const during = attempts.end(name);
      updateStaff(app.db, row.id, { lockedUntil: null, failedLogins: 0, updatedAt: now });
      audit(row, 'auth.unlocked', `锁定期满，自动解除${during ? `；锁定期间${burstText(during)}` : ''}`);
    }
    const r = app.gdb.sqlite
      .prepare('UPDATE staff SET failed_logins = failed_logins + 1 WHERE id = ? RETURNING failed_logins AS n')
      .get(row.id) as { n: number };
    return r.n;
  });
}
