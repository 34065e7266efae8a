/**
 * The console's side of head office's gates: a request with the session cookie is the console's only when it
 * comes from the console's own page (an Origin, when the browser sends one, of this host; a write must carry
 * it), its session is alive, and, on the admin API, its role allows the route. Runtime: Node.
 */
import type { FastifyRequest } from 'fastify';
import { AppError } from '../../core/errors';
import type { HeadOffice } from '../context';
import { Refusal } from '../http/refusal';
import type { ConsoleUser } from './accounts';
import { allow, rememberUser } from './permissions';
import { cookieToken, touchSession } from './sessions';

function checkOrigin(req: FastifyRequest): void {
  const origin = req.headers.origin;
  if (origin === undefined) {
    if (req.method !== 'GET' && req.method !== 'HEAD')
      throw new Refusal('CONSOLE_ORIGIN', 'a console write without an Origin');
    return;
  }
  let host: string;
  try {
    host = new URL(origin).host;
  } catch {
    throw new Refusal('CONSOLE_ORIGIN', `unreadable Origin ${origin}`);
  }
  if (host !== req.headers.host)
    throw new Refusal('CONSOLE_ORIGIN', `Origin ${origin} on ${req.headers.host}`);
}

/** The request's console user (its session moved on); refused without a live session from the console page. */
export async function sessionUser(ho: HeadOffice, req: FastifyRequest): Promise<ConsoleUser> {
  const token = cookieToken(req);
  if (!token) throw new AppError('CONSOLE_SESSION_REQUIRED');
  checkOrigin(req);
  const user = await touchSession(ho.store, token, ho.now(), ho.consoleIdleMs);
  if (!user) throw new AppError('CONSOLE_SESSION_REQUIRED');
  rememberUser(req, user);
  return user;
}

/** The admin API for a console session: the route must be one the user's role may use. */
export async function consoleAdmin(ho: HeadOffice, req: FastifyRequest): Promise<void> {
  const user = await sessionUser(ho, req);
  allow(user, req.method, req.routeOptions.url ?? '', { params: req.params, query: req.query });
}
