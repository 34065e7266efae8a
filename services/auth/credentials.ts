/**
 * Checks a user name and password, counting failures: MAX_FAILED_LOGINS wrong passwords lock the account
 * for LOCKOUT_MINUTES. Used by login, unlock and supervisor approval alike. Runtime: Node.
 */
import { AppError } from '../../core/errors';
import { LOCKOUT_MINUTES, MAX_FAILED_LOGINS } from '../../core/domain/roles';
import { findStaffByUsername, type StaffRow, updateStaff } from '../../db';
import type { App } from '../app';
import { outsideRequest } from '../requests/request-log';
import { verifyPassword } from './password';

export async function checkCredentials(
  app: App,
  username: string,
  password: string,
  purpose: string,
): Promise<StaffRow> {
  const row = findStaffByUsername(app.db, username);
  if (!row) {
    // A failed attempt is not the effect of the request it was part of (an approval typed wrong is retried).
    outsideRequest(() =>
      app.transaction(() =>
        app
          .ledger()
          .auditOnly(
            { action: 'auth.failed', summary: `${purpose}失败：无此账号 ${username}` },
            { entityType: 'staff', entityId: username, operatorId: null },
          ),
      ),
    );
    throw new AppError('BAD_CREDENTIALS');
  }
  const now = app.nowIso();
  if (row.lockedUntil && row.lockedUntil > now) throw new AppError('ACCOUNT_LOCKED');
  if (!row.active) throw new AppError('ACCOUNT_DISABLED');
  const ok = await verifyPassword(password, row.passwordHash);
  if (ok) {
    if (row.failedLogins > 0 || row.lockedUntil) {
      app.transaction(() =>
        updateStaff(app.db, row.id, { failedLogins: 0, lockedUntil: null, updatedAt: now }),
      );
    }
    return row;
  }
  const failed = row.failedLogins + 1;
  const lock = failed >= MAX_FAILED_LOGINS;
  outsideRequest(() =>
    app.transaction(() => {
      updateStaff(app.db, row.id, {
        failedLogins: lock ? 0 : failed,
        lockedUntil: lock
          ? new Date(app.clock.nowMs() + LOCKOUT_MINUTES * 60_000).toISOString()
          : row.lockedUntil,
        updatedAt: now,
      });
      app.ledger().auditOnly(
        {
          action: lock ? 'auth.lockedOut' : 'auth.failed',
          summary: lock
            ? `${purpose}：密码连续错误 ${failed} 次，账号锁定 ${LOCKOUT_MINUTES} 分钟`
            : `${purpose}失败：密码错误（第 ${failed} 次）`,
        },
        { entityType: 'staff', entityId: row.id, operatorId: row.id },
      );
    }),
  );
  throw new AppError(lock ? 'ACCOUNT_LOCKED' : 'BAD_CREDENTIALS');
}
