/** First run: the hall, the counter and its administrator, in one transaction. Runtime: Node. */
import { DEFAULT_TIME_ZONE, requireTimeZone } from '../../core/business-day';
import type { SetupInput } from '../../core/contract';
import { AppError } from '../../core/errors';
import { insertCounter, insertStaff, putSetting } from '../../db';
import type { App } from '../app';
import type { Handlers } from '../call';
import { hashPassword } from '../../core/node/password';
import { DEFAULT_IDLE_LOCK_MINUTES } from '../../core/domain/roles';

/** The setup input; a caller other than the contract (demo, tests) may leave the zone out: China's. */
export type SetupRequest = Omit<SetupInput, 'timeZone'> & { readonly timeZone?: string };

export async function initializeCounter(
  app: App,
  input: SetupRequest,
  demo = false,
): Promise<{ counterId: string; adminId: string }> {
  if (app.counter()) throw new AppError('ALREADY_SET_UP');
  const timeZone = requireTimeZone(input.timeZone ?? DEFAULT_TIME_ZONE);
  const passwordHash = await hashPassword(input.admin.password);
  const counterId = app.newId();
  const adminId = app.newId();
  const now = app.nowIso();
  app.transaction(() => {
    if (app.counter()) throw new AppError('ALREADY_SET_UP');
    const { hallCode, hallName, counterCode, counterName } = input;
    insertCounter(app.db, {
      counterId,
      hallCode,
      hallName,
      counterCode,
      counterName,
      timeZone,
      demo,
      createdAt: now,
    });
    putSetting(app.db, 'idleLockMinutes', String(DEFAULT_IDLE_LOCK_MINUTES));
    insertStaff(app.db, {
      id: adminId,
      username: input.admin.username,
      displayName: input.admin.displayName,
      roles: ['admin'],
      passwordHash,
      createdAt: now,
      updatedAt: now,
    });
    const ledger = app.ledger();
    ledger.append({
      type: 'counter.initialized',
      payload: { counterId, hallCode, hallName, counterCode, counterName, demo },
      operatorId: adminId,
      audit: {
        action: 'counter.initialized',
        summary: `初始化柜台：${hallName} ${counterName}（营业日时区 ${timeZone}）`,
      },
    });
    ledger.append({
      type: 'staff.created',
      payload: {
        id: adminId,
        username: input.admin.username,
        displayName: input.admin.displayName,
        roles: ['admin'],
      },
      operatorId: adminId,
      audit: {
        action: 'staff.created',
        summary: `新建管理员 ${input.admin.displayName}（${input.admin.username}）`,
      },
    });
  });
  app.sessions.idleLockMinutes = DEFAULT_IDLE_LOCK_MINUTES;
  return { counterId, adminId };
}

export const setupStatus: Handlers['setup.status'] = (_input, { app }) => {
  const c = app.counter();
  return c ? { initialized: true, hallName: c.hallName, counterName: c.counterName } : { initialized: false };
};

export const setupInitialize: Handlers['setup.initialize'] = async (input, { app }) => {
  const { counterId } = await initializeCounter(app, input);
  return { counterId };
};
