/**
 * The supervisor-approval primitive: a second person, a 班长, types their credentials on the operator's screen;
 * the step goes ahead only if they are valid, the approver holds the supervisor role (holding several roles,
 * or being the administrator, gives no approval right) and the approver is not the operator — nobody approves
 * their own operation. The approver is recorded with the operation. Runtime: Node.
 */
import type { Approval } from '../../core/contract';
import { APPROVER_ROLES, hasAnyRole } from '../../core/domain/roles';
import { AppError } from '../../core/errors';
import { findStaffById, type StaffRow } from '../../db';
import type { App } from '../app';
import { checkCredentials } from './credentials';

export async function requireApproval(
  app: App,
  approval: Approval | undefined,
  what: string,
  operatorId: string,
): Promise<StaffRow> {
  if (!approval) throw new AppError('APPROVAL_REQUIRED');
  // Refused before the password is checked: the operator's own name is no approval, whatever the password.
  const operator = findStaffById(app.db, operatorId);
  if (operator?.username.toLowerCase() === approval.username.toLowerCase())
    throw new AppError('APPROVAL_SELF');
  let approver: StaffRow;
  try {
    // The approval is typed on the operator's screen: the operator's attempts are the terminal's.
    const terminal = `operator:${operatorId}`;
    approver = await checkCredentials(app, approval.username, approval.password, `审批（${what}）`, terminal);
  } catch (e) {
    if (e instanceof AppError && e.code === 'BAD_CREDENTIALS') throw new AppError('APPROVAL_INVALID');
    throw e;
  }
  if (approver.id === operatorId) throw new AppError('APPROVAL_SELF');
  if (!hasAnyRole(approver.roles, APPROVER_ROLES)) throw new AppError('APPROVAL_INVALID');
  return approver;
}
