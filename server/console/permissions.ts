/**
 * What each console role may do on the admin API. 管理员 (admin): everything. 稽核 (auditor): read
 * everything and resolve conflicts. 只读 (readonly): read everything. 营业厅经理 (hall_manager): read the
 * halls and counters of their own halls (the lists are cut to them), the prices, fees and limits, the staff,
 * cards and service-desk records of one of their halls, add staff to those halls, and run the
 * reports and the usage analysis of one of them (never the company's), and send a suspect of one of them for a
 * work order (稽核 may too). A route not named here is the administrator's alone.
 * Runtime: Node.
 */
import type { FastifyRequest } from 'fastify';
import { AppError } from '../../core/errors';
import type { ConsoleRole } from '../../core/sync/wire-console';
import { SYNC_ROUTES as R } from '../../core/sync/routes';
import type { ConsoleUser } from './accounts';

/** `hall`: where a hall manager's hall is named — the path (`hallCode`) or the query (`hall`, required then). */
type Rule = { readonly roles: readonly ConsoleRole[]; readonly hall?: 'param' | 'query' };

const EVERY_HALL: readonly ConsoleRole[] = ['admin', 'auditor', 'readonly'];
const key = (r: { method: string; path: string }) => `${r.method} ${r.path}`;

const RULES = new Map<string, Rule>([
  [key(R.listHalls), { roles: [...EVERY_HALL, 'hall_manager'] }],
  [key(R.listCounters), { roles: [...EVERY_HALL, 'hall_manager'] }],
  [key(R.listCounterOps), { roles: EVERY_HALL }],
  [key(R.listConflicts), { roles: EVERY_HALL }],
  [key(R.listQuarantine), { roles: EVERY_HALL }],
  [key(R.listReconciliation), { roles: EVERY_HALL }],
  [key(R.verifyReceipt), { roles: EVERY_HALL }],
  [key(R.getPullScope), { roles: EVERY_HALL }],
  [key(R.resolveConflict), { roles: ['admin', 'auditor'] }],
  [key(R.createStaff), { roles: ['admin', 'hall_manager'], hall: 'param' }],
  [key(R.report), { roles: [...EVERY_HALL, 'hall_manager'], hall: 'query' }],
  [key(R.reportExport), { roles: [...EVERY_HALL, 'hall_manager'], hall: 'query' }],
  [key(R.listPriceVersions), { roles: [...EVERY_HALL, 'hall_manager'] }],
  [key(R.listFeeItems), { roles: [...EVERY_HALL, 'hall_manager'] }],
  [key(R.listPurchaseLimits), { roles: [...EVERY_HALL, 'hall_manager'] }],
  [key(R.listStaff), { roles: [...EVERY_HALL, 'hall_manager'], hall: 'query' }],
  [key(R.listCards), { roles: [...EVERY_HALL, 'hall_manager'], hall: 'query' }],
  [key(R.listServiceRecords), { roles: [...EVERY_HALL, 'hall_manager'], hall: 'query' }],
  [key(R.usageAnalysis), { roles: [...EVERY_HALL, 'hall_manager'], hall: 'query' }],
  [key(R.usageAnalysisExport), { roles: [...EVERY_HALL, 'hall_manager'], hall: 'query' }],
  [key(R.sendUsageReferral), { roles: ['admin', 'auditor', 'hall_manager'], hall: 'param' }],
  [key(R.listUsageReferrals), { roles: [...EVERY_HALL, 'hall_manager'], hall: 'query' }],
]);

/** Refuses (CONSOLE_FORBIDDEN) a console user whose role may not use `method path`, or not for that hall. */
export function allow(
  user: ConsoleUser,
  method: string,
  path: string,
  where: { params?: unknown; query?: unknown },
): void {
  if (user.role === 'admin') return;
  const rule = RULES.get(`${method === 'HEAD' ? 'GET' : method} ${path}`);
  if (!rule?.roles.includes(user.role)) throw new AppError('CONSOLE_FORBIDDEN');
  if (user.role === 'hall_manager' && rule.hall) {
    const hall =
      rule.hall === 'param'
        ? (where.params as { hallCode?: unknown } | undefined)?.hallCode
        : (where.query as { hall?: unknown } | undefined)?.hall;
    if (typeof hall !== 'string' || !user.halls.includes(hall)) throw new AppError('CONSOLE_FORBIDDEN');
  }
}

const USER = Symbol('consoleUser');
type WithUser = FastifyRequest & { [USER]?: ConsoleUser };

export function rememberUser(req: FastifyRequest, user: ConsoleUser): void {
  (req as WithUser)[USER] = user;
}

/** The console user of this request; undefined for the administrator's token. */
export function consoleUserOf(req: FastifyRequest): ConsoleUser | undefined {
  return (req as WithUser)[USER];
}

/** The halls this request may see: null for every hall (the token, or a role that sees them all). */
export function hallScope(req: FastifyRequest): ReadonlySet<string> | null {
  const user = consoleUserOf(req);
  return user?.role === 'hall_manager' ? new Set(user.halls) : null;
}
