/**
 * Staff administration: create, change roles (one or several), reset password (also unlocks), enable/disable,
 * list. Runtime: Node.
 */
import { type Role, rolesZh } from '../../core/domain/roles';
import { AppError } from '../../core/errors';
import { findStaffById, findStaffByUsername, insertStaff, listStaff, toStaff, updateStaff } from '../../db';
import type { App } from '../app';
import { type Handlers, operatorOf } from '../call';
import { hashPassword } from '../../core/node/password';

export async function createStaff(
  app: App,
  operatorId: string,
  input: { username: string; displayName: string; roles: Role[]; password: string },
) {
  if (findStaffByUsername(app.db, input.username)) throw new AppError('DUPLICATE_USERNAME');
  const passwordHash = await hashPassword(input.password);
  const id = app.newId();
  const now = app.nowIso();
  app.transaction(() => {
    if (findStaffByUsername(app.db, input.username)) throw new AppError('DUPLICATE_USERNAME');
    insertStaff(app.db, { id, ...input, passwordHash, createdAt: now, updatedAt: now });
    app.ledger().append({
      type: 'staff.created',
      payload: { id, username: input.username, displayName: input.displayName, roles: input.roles },
      operatorId,
      audit: {
        action: 'staff.created',
        summary: `新建${rolesZh(input.roles)} ${input.displayName}（${input.username}）`,
      },
    });
  });
  return toStaff(findStaffById(app.db, id)!, now);
}

export const staffList: Handlers['staff.list'] = (_input, { app }) => ({
  items: listStaff(app.db).map((r) => toStaff(r, app.nowIso())),
});

export const staffCreate: Handlers['staff.create'] = (input, call) =>
  createStaff(call.app, operatorOf(call).staffId, input);

export const staffResetPassword: Handlers['staff.resetPassword'] = async (input, call) => {
  const { app } = call;
  const target = findStaffById(app.db, input.staffId);
  if (!target) throw new AppError('NOT_FOUND');
  const passwordHash = await hashPassword(input.newPassword);
  app.transaction(() => {
    updateStaff(app.db, target.id, {
      passwordHash,
      failedLogins: 0,
      lockedUntil: null,
      updatedAt: app.nowIso(),
    });
    app.ledger().append({
      type: 'staff.passwordReset',
      payload: { staffId: target.id },
      operatorId: operatorOf(call).staffId,
      audit: { action: 'staff.passwordReset', summary: `重置 ${target.displayName} 的密码并解除锁定` },
    });
  });
  app.sessions.endAllFor(target.id);
  return { ok: true as const };
};

export const staffSetRoles: Handlers['staff.setRoles'] = (input, call) => {
  const { app } = call;
  const target = findStaffById(app.db, input.staffId);
  if (!target) throw new AppError('NOT_FOUND');
  if (target.id === operatorOf(call).staffId && !input.roles.includes('admin'))
    throw new AppError('PERMISSION_DENIED', { detail: 'cannot take the administrator role from yourself' });
  const now = app.nowIso();
  app.transaction(() => {
    updateStaff(app.db, target.id, { roles: input.roles, updatedAt: now });
    app.ledger().append({
      type: 'staff.rolesChanged',
      payload: { staffId: target.id, roles: input.roles },
      operatorId: operatorOf(call).staffId,
      audit: {
        action: 'staff.rolesChanged',
        summary: `${target.displayName} 的岗位：${rolesZh(target.roles)} → ${rolesZh(input.roles)}`,
        changes: [{ field: 'roles', before: target.roles, after: input.roles }],
      },
    });
  });
  // A session carries the roles it was opened with: the person logs in again under the new ones.
  app.sessions.endAllFor(target.id);
  return toStaff(findStaffById(app.db, target.id)!, now);
};

export const staffSetActive: Handlers['staff.setActive'] = (input, call) => {
  const { app } = call;
  const target = findStaffById(app.db, input.staffId);
  if (!target) throw new AppError('NOT_FOUND');
  if (target.id === operatorOf(call).staffId && !input.active)
    throw new AppError('PERMISSION_DENIED', { detail: 'cannot disable yourself' });
  app.transaction(() => {
    updateStaff(app.db, target.id, { active: input.active, updatedAt: app.nowIso() });
    app.ledger().append({
      type: input.active ? 'staff.enabled' : 'staff.disabled',
      payload: { staffId: target.id, active: input.active },
      operatorId: operatorOf(call).staffId,
      audit: {
        action: input.active ? 'staff.enabled' : 'staff.disabled',
        summary: `${input.active ? '启用' : '停用'}账号 ${target.displayName}`,
      },
    });
  });
  if (!input.active) app.sessions.endAllFor(target.id);
  return toStaff(findStaffById(app.db, target.id)!, app.nowIso());
};
