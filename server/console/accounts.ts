/**
 * The console's accounts: created by an administrator (or, for the first one, with the administrator's
 * token), a password hashed as at the counter, five wrong passwords lock the account for 15 minutes. A
 * sign-in holds the account's row while its password is checked, so passwords sent in parallel are judged one
 * after another against the same count; an unknown name costs the same time as a known one. Runtime: Node.
 */
import { AppError } from '../../core/errors';
import { uuidv7 } from '../../core/ids';
import { DUMMY_HASH, hashPassword, verifyPassword } from '../../core/node/password';
import type {
  ConsoleRole,
  ConsoleUserInput,
  ConsoleUserView,
  consoleUserChangeSchema,
} from '../../core/sync/wire-console';
import type { z } from 'zod';
import type { Queryable, Store } from '../pg/store';

export const MAX_FAILED_LOGINS = 5;
export const LOCK_MS = 15 * 60_000;

export interface ConsoleUser {
  readonly id: string;
  readonly username: string;
  readonly displayName: string;
  readonly role: ConsoleRole;
  readonly halls: readonly string[];
}

interface UserRow {
  id: string;
  username: string;
  display_name: string;
  role: ConsoleRole;
  halls: string[];
  password_hash: string;
  failed_logins: number;
  locked_until: string | null;
  disabled_at: string | null;
  created_at: string;
}

const COLUMNS =
  'id, username, display_name, role, halls, password_hash, failed_logins, locked_until, disabled_at, created_at';

export const userOf = (r: UserRow): ConsoleUser => ({
  id: r.id,
  username: r.username,
  displayName: r.display_name,
  role: r.role,
  halls: r.halls,
});

const viewOf = (r: UserRow, nowMs: number): ConsoleUserView => ({
  ...userOf(r),
  halls: [...r.halls],
  locked: r.locked_until !== null && Date.parse(r.locked_until) > nowMs,
  disabled: r.disabled_at !== null,
  createdAt: r.created_at,
});

export async function createConsoleUser(
  store: Store,
  input: ConsoleUserInput,
  by: string,
  nowMs: number,
): Promise<ConsoleUserView> {
  const hash = await hashPassword(input.password);
  const rows = await store.query<UserRow>(
    `INSERT INTO console_users (id, username, display_name, role, halls, password_hash, created_at, created_by)
     VALUES ($1, $2, $3, $4, $5::jsonb, $6, $7, $8) ON CONFLICT (username) DO NOTHING RETURNING ${COLUMNS}`,
    [
      uuidv7(nowMs),
      input.username,
      input.displayName,
      input.role,
      JSON.stringify(input.halls),
      hash,
      new Date(nowMs).toISOString(),
      by,
    ],
  );
  if (!rows[0]) throw new AppError('CONSOLE_USER_EXISTS');
  return viewOf(rows[0], nowMs);
}

export async function listConsoleUsers(store: Queryable, nowMs: number): Promise<ConsoleUserView[]> {
  const rows = await store.query<UserRow>(`SELECT ${COLUMNS} FROM console_users ORDER BY username`);
  return rows.map((r) => viewOf(r, nowMs));
}

export async function consoleUserById(store: Queryable, id: string): Promise<ConsoleUser | undefined> {
  const [row] = await store.query<UserRow>(
    `SELECT ${COLUMNS} FROM console_users WHERE id = $1 AND disabled_at IS NULL`,
    [id],
  );
  return row && userOf(row);
}

/** A new password (which unlocks the account), or the account disabled or enabled again. */
export async function changeConsoleUser(
  store: Store,
  id: string,
  change: z.output<typeof consoleUserChangeSchema>,
  nowMs: number,
): Promise<ConsoleUserView> {
  const hash = change.password === undefined ? null : await hashPassword(change.password);
  return store.tx(async (q) => {
    const [row] = await q.query<UserRow>(`SELECT ${COLUMNS} FROM console_users WHERE id = $1 FOR UPDATE`, [
      id,
    ]);
    if (!row) throw new AppError('CONSOLE_USER_NOT_FOUND');
    if (change.disabled && row.role === 'admin' && row.disabled_at === null) {
      const [others] = await q.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM console_users WHERE role = 'admin' AND disabled_at IS NULL AND id <> $1`,
        [id],
      );
      if (!others || others.n === 0) throw new AppError('CONSOLE_LAST_ADMIN');
    }
    const [after] = await q.query<UserRow>(
      `UPDATE console_users SET
         password_hash = COALESCE($2, password_hash),
         failed_logins = CASE WHEN $2::text IS NULL THEN failed_logins ELSE 0 END,
         locked_until = CASE WHEN $2::text IS NULL THEN locked_until ELSE NULL END,
         disabled_at = CASE WHEN $3::boolean IS NULL THEN disabled_at
                            WHEN $3 THEN COALESCE(disabled_at, $4::timestamptz) ELSE NULL END
       WHERE id = $1 RETURNING ${COLUMNS}`,
      [id, hash, change.disabled ?? null, new Date(nowMs).toISOString()],
    );
    if (change.disabled)
      await q.query('UPDATE console_sessions SET ended_at = $2 WHERE user_id = $1 AND ended_at IS NULL', [
        id,
        new Date(nowMs).toISOString(),
      ]);
    return viewOf(after!, nowMs);
  });
}

/** Checks a sign-in; the account's row is held while the password is checked. */
export async function checkLogin(
  store: Store,
  username: string,
  password: string,
  nowMs: number,
): Promise<ConsoleUser> {
  const outcome = await store.tx(async (q) => {
    const [row] = await q.query<UserRow>(
      `SELECT ${COLUMNS} FROM console_users WHERE username = $1 AND disabled_at IS NULL FOR UPDATE`,
      [username],
    );
    if (!row) {
      await verifyPassword(password, DUMMY_HASH);
      return 'failed' as const;
    }
    if (row.locked_until !== null && Date.parse(row.locked_until) > nowMs) return 'locked' as const;
    if (await verifyPassword(password, row.password_hash)) {
      await q.query('UPDATE console_users SET failed_logins = 0, locked_until = NULL WHERE id = $1', [
        row.id,
      ]);
      return userOf(row);
    }
    const failed = row.failed_logins + 1;
    const lock = failed >= MAX_FAILED_LOGINS;
    await q.query('UPDATE console_users SET failed_logins = $2, locked_until = $3 WHERE id = $1', [
      row.id,
      lock ? 0 : failed,
      lock ? new Date(nowMs + LOCK_MS).toISOString() : null,
    ]);
    return lock ? ('locked' as const) : ('failed' as const);
  });
  if (outcome === 'failed') throw new AppError('CONSOLE_LOGIN_FAILED');
  if (outcome === 'locked') throw new AppError('CONSOLE_LOCKED');
  return outcome;
}

/** The signed-in user changes their own password, giving the old one. */
export async function changeOwnPassword(
  store: Store,
  user: ConsoleUser,
  oldPassword: string,
  newPassword: string,
  nowMs: number,
): Promise<void> {
  await checkLogin(store, user.username, oldPassword, nowMs);
  await store.query('UPDATE console_users SET password_hash = $2 WHERE id = $1', [
    user.id,
    await hashPassword(newPassword),
  ]);
}
