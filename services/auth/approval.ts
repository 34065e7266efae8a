/**
 * The supervisor-approval primitive: a supervisor types their credentials on the clerk's screen; the step
 * goes ahead only if they are valid and the approver's role may approve. The approver is recorded with the
 * operation. Runtime: Node.
 */
import type { Approval } from '../../core/contract';
import { APPROVER_ROLES } from '../../core/domain/roles';
import { AppError } from '../../core/errors';
import type { StaffRow } from '../../db';
import type { App } from '../app';
import { checkCredentials } from './credentials';

export async function requireApproval(
  app: App,
  approval: Approval | undefined,
  what: string,
): Promise<StaffRow> {
  if (!approval) throw new AppError('APPROVAL_REQUIRED');
  let approver: StaffRow;
  try {
    approver = await checkCredentials(app, approval.username, approval.password, `审批（${what}）`);
  } catch (e) {
    if (e instanceof AppError && e.code === 'BAD_CREDENTIALS') throw new AppError('APPROVAL_INVALID');
    throw e;
  }
  if (!APPROVER_ROLES.includes(approver.role)) throw new AppError('APPROVAL_INVALID');
  return approver;
}
