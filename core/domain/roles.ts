/** Staff roles and what each may do. Runtime: any. */
export const ROLES = ['clerk', 'cashier', 'supervisor', 'admin'] as const;
export type Role = (typeof ROLES)[number];
export const ROLE_ZH: Record<Role, string> = {
  clerk: '客服员',
  cashier: '收费员',
  supervisor: '班长',
  admin: '系统管理员',
};

/** Roles whose holder may approve sensitive steps on another operator's screen. */
export const APPROVER_ROLES: readonly Role[] = ['supervisor', 'admin'];

export const MAX_FAILED_LOGINS = 5;
export const LOCKOUT_MINUTES = 15;
export const DEFAULT_IDLE_LOCK_MINUTES = 10;
export const MIN_PASSWORD_LENGTH = 8;
