/**
 * Which roles see which counter functions (the server checks again: core/contract access). A person holds one
 * or several roles and sees what any of them may do. Runtime: browser.
 */
import { hasAnyRole, ROLES, type Role } from '../../core/domain/roles';

/** May open accounts and change customer files. */
export const CLERK_ROLES: ReadonlySet<Role> = new Set(['clerk', 'supervisor', 'admin']);
/** May take payments, run shifts and see the day report. */
export const SELLER_ROLES: ReadonlySet<Role> = new Set(['cashier', 'supervisor', 'admin']);
/** May close the business day and verify the ledger (approving is the 班长's alone: core/domain/roles.ts). */
export const SUPERVISOR_ROLES: ReadonlySet<Role> = new Set(['supervisor', 'admin']);

/** Whether someone holding `roles` may do what `allowed` may. */
export const may = (roles: readonly Role[], allowed: ReadonlySet<Role>): boolean =>
  hasAnyRole(roles, allowed);

/** "客服员/收费员": the roles in their usual order, in the screen's language. */
export function rolesText(names: Record<Role, string>, roles: readonly Role[]): string {
  return ROLES.filter((r) => roles.includes(r))
    .map((r) => names[r])
    .join('/');
}
