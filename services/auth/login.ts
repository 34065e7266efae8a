/** 登录 / 解锁 / 退出 / 锁屏 / 当前会话. Runtime: Node. */
import type { Handlers } from '../call';
import { LOCAL_TERMINAL, operatorOf } from '../call';
import { AppError } from '../../core/errors';
import { findStaffById, toStaff } from '../../db';
import type { App } from '../app';
import type { Session } from './sessions';
import { checkCredentials } from './credentials';

function sessionView(app: App, s: Session) {
  const row = findStaffById(app.db, s.staffId);
  const counter = app.counter();
  if (!row || !counter) throw new AppError('NOT_LOGGED_IN');
  const { demo: _demo, ...counterInfo } = counter;
  return {
    sessionId: s.id,
    staff: toStaff(row, app.nowIso()),
    counter: counterInfo,
    idleLockMinutes: app.sessions.idleLockMinutes,
    locked: s.locked,
  };
}

export const login: Handlers['auth.login'] = async (input, { app, terminal = LOCAL_TERMINAL }) => {
  const row = await checkCredentials(app, input.username, input.password, '登录', terminal);
  const session = app.sessions.create(row.id, row.roles);
  app.transaction(() =>
    app
      .ledger()
      .auditOnly(
        { action: 'auth.login', summary: `${row.displayName} 登录` },
        { entityType: 'staff', entityId: row.id, operatorId: row.id },
      ),
  );
  return sessionView(app, session);
};

export const me: Handlers['auth.me'] = (_input, call) => sessionView(call.app, operatorOf(call));

export const logout: Handlers['auth.logout'] = (_input, call) => {
  const s = operatorOf(call);
  call.app.sessions.end(s.id);
  call.app.transaction(() =>
    call.app
      .ledger()
      .auditOnly(
        { action: 'auth.logout', summary: '退出登录' },
        { entityType: 'staff', entityId: s.staffId, operatorId: s.staffId },
      ),
  );
  return { ok: true as const };
};

export const lock: Handlers['auth.lock'] = (_input, call) => {
  call.app.sessions.lock(operatorOf(call).id);
  return { ok: true as const };
};

export const unlock: Handlers['auth.unlock'] = async (input, call) => {
  const s = operatorOf(call);
  const row = findStaffById(call.app.db, s.staffId);
  if (!row) throw new AppError('NOT_LOGGED_IN');
  await checkCredentials(call.app, row.username, input.password, '解锁', call.terminal ?? LOCAL_TERMINAL);
  call.app.sessions.unlock(s.id);
  return sessionView(call.app, s);
};
