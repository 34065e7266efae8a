/** 修改本人密码. Runtime: Node. */
import { AppError } from '../../core/errors';
import { findStaffById, updateStaff } from '../../db';
import { type Handlers, LOCAL_TERMINAL, operatorOf } from '../call';
import { checkCredentials } from './credentials';
import { hashPassword } from '../../core/node/password';

export const changePassword: Handlers['auth.changePassword'] = async (input, call) => {
  const { app } = call;
  const s = operatorOf(call);
  const row = findStaffById(app.db, s.staffId);
  if (!row) throw new AppError('NOT_LOGGED_IN');
  await checkCredentials(app, row.username, input.oldPassword, '修改密码', call.terminal ?? LOCAL_TERMINAL);
  const passwordHash = await hashPassword(input.newPassword);
  app.transaction(() => {
    updateStaff(app.db, row.id, { passwordHash, updatedAt: app.nowIso() });
    app.ledger().append({
      type: 'staff.passwordChanged',
      payload: { staffId: row.id },
      operatorId: row.id,
      audit: { action: 'staff.passwordChanged', summary: `${row.displayName} 修改了自己的密码` },
    });
  });
  return { ok: true as const };
};
