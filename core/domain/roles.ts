/** Staff roles and what each may do. A person holds one or several roles. Runtime: any. */
export const ROLES = ['clerk', 'cashier', 'supervisor', 'admin'] as const;
export type Role = (typeof ROLES)[number];
export const ROLE_ZH: Record<Role, string> = {
  clerk: '客服员',
  cashier: '收费员',
  supervisor: '班长',
  admin: '系统管理员',
};

/**
 * Roles whose holder may approve sensitive steps on another operator's screen: the 班长 only. Holding
 * several roles gives no approval right by itself, and an administrator manages the system, not the money.
 */
export const APPROVER_ROLES: readonly Role[] = ['supervisor'];

/** Whether someone holding `held` has any of the `allowed` roles. */
export function hasAnyRole(held: readonly Role[], allowed: Iterable<Role>): boolean {
  for (const r of allowed) if (held.includes(r)) return true;
  return false;
}

/** The roles in ROLES order, without repeats ("客服员、收费员"). */
export function rolesZh(roles: readonly Role[]): string {
  return ROLES.filter((r) => roles.includes(r))
    .map((r) => ROLE_ZH[r])
    .join('、');
}

export const MAX_FAILED_LOGINS = 5;
export const LOCKOUT_MINUTES = 15;
/**
 * One terminal may get a password wrong this many times in a row freely; after that it waits before each
 * further try, TERMINAL_BACKOFF_SECONDS doubled for every further failure (at most LOCKOUT_MINUTES) — so one
 * terminal is slowed down well before it could lock an account.
 */
export const TERMINAL_FREE_FAILURES = 2;
export const TERMINAL_BACKOFF_SECONDS = 15;
export const DEFAULT_IDLE_LOCK_MINUTES = 10;
export const MIN_PASSWORD_LENGTH = 8;
