/**
 * The console's routes: sign-in, sign-out, who is signed in and their own password under /console/api; the
 * console's accounts and its audit under /admin (the administrator's token, or an administrator's session:
 * server/console/permissions.ts names no other role for them). Runtime: Node.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { AppError } from '../../core/errors';
import { SYNC_ROUTES as R } from '../../core/sync/routes';
import {
  consoleAuditQuerySchema,
  consoleLoginSchema,
  consolePasswordChangeSchema,
  consoleUserChangeSchema,
  consoleUserInputSchema,
} from '../../core/sync/wire-console';
import { adminOnce } from '../admin/once';
import {
  type ConsoleUser,
  changeConsoleUser,
  changeOwnPassword,
  checkLogin,
  createConsoleUser,
  listConsoleUsers,
} from '../console/accounts';
import { actorOf, audit, listAudit } from '../console/audit';
import { consoleUserOf } from '../console/permissions';
import {
  clearSessionCookie,
  cookieToken,
  endSession,
  setSessionCookie,
  startSession,
} from '../console/sessions';
import type { HeadOffice } from '../context';
import { parseBody, validate } from '../http/errors';

export function registerConsoleRoutes(app: FastifyInstance, ho: HeadOffice): void {
  const me = (user: ConsoleUser) => ({
    ...user,
    halls: [...user.halls],
    locked: false,
    disabled: false,
    createdAt: '',
    idleTimeoutS: Math.round(ho.consoleIdleMs / 1000),
  });
  const signedIn = (req: FastifyRequest) => {
    const user = consoleUserOf(req);
    if (!user) throw new AppError('CONSOLE_SESSION_REQUIRED');
    return user;
  };

  app.post(R.consoleLogin.path, async (req: FastifyRequest, reply: FastifyReply) => {
    const { username, password } = parseBody(consoleLoginSchema, req.body);
    const at = ho.now();
    try {
      const user = await checkLogin(ho.store, username, password, at);
      const token = await ho.store.tx(async (q) => {
        await audit(q, { actor: user.username, action: 'login', status: 200, address: req.ip }, at);
        return startSession(q, user.id, at);
      });
      setSessionCookie(reply, token, ho.secureCookies);
      return me(user);
    } catch (e) {
      const status = e instanceof AppError && e.code === 'CONSOLE_LOCKED' ? 423 : 401;
      await audit(ho.store, { actor: username, action: 'login', status, address: req.ip }, at);
      throw e;
    }
  });

  app.post(R.consoleLogout.path, async (req, reply) => {
    const user = signedIn(req);
    const token = cookieToken(req)!;
    await ho.store.tx(async (q) => {
      await endSession(q, token, ho.now());
      await audit(q, { actor: user.username, action: 'logout', status: 200, address: req.ip }, ho.now());
    });
    clearSessionCookie(reply);
    return { ok: true as const };
  });

  app.get(R.consoleMe.path, async (req) => me(signedIn(req)));

  app.post(R.consolePassword.path, async (req) => {
    const user = signedIn(req);
    const input = parseBody(consolePasswordChangeSchema, req.body);
    await changeOwnPassword(ho.store, user, input.oldPassword, input.newPassword, ho.now());
    await audit(
      ho.store,
      { actor: user.username, action: 'password', status: 200, address: req.ip },
      ho.now(),
    );
    return { ok: true as const };
  });

  app.get(R.listConsoleUsers.path, async () => ({ users: await listConsoleUsers(ho.store, ho.now()) }));

  app.post(R.createConsoleUser.path, (req) =>
    adminOnce(
      ho.store,
      req,
      (store, body) =>
        createConsoleUser(store, parseBody(consoleUserInputSchema, body), actorOf(req), ho.now()),
      ho.now(),
    ),
  );

  const idParam = z.object({ id: z.string().min(1).max(64) });
  app.post(R.changeConsoleUser.path, (req) =>
    adminOnce(
      ho.store,
      req,
      (store, body) =>
        changeConsoleUser(
          store,
          validate(idParam, req.params).id,
          parseBody(consoleUserChangeSchema, body),
          ho.now(),
        ),
      ho.now(),
    ),
  );

  app.get(R.listConsoleAudit.path, async (req) => {
    const q = validate(consoleAuditQuerySchema, req.query ?? {});
    return { entries: await listAudit(ho.store, q.before, q.limit) };
  });
}
