/** Which roles see which counter functions (the server checks again: core/contract access). Runtime: browser. */
import type { Role } from '../../core/domain/roles';

/** May open accounts and change customer files. */
export const CLERK_ROLES: ReadonlySet<Role> = new Set(['clerk', 'supervisor', 'admin']);
/** May take payments, run shifts and see the day report. */
export const SELLER_ROLES: ReadonlySet<Role> = new Set(['cashier', 'supervisor', 'admin']);
/** May close the business day and approve. */
export const APPROVER_ROLES_UI: ReadonlySet<Role> = new Set(['supervisor', 'admin']);
