/**
 * Console sessions: a random token in an HttpOnly, SameSite=Strict cookie, kept at head office only as its
 * SHA-256. A session ends when its user signs out, after `idleMs` without a request, after 12 hours in any
 * case, or when the account is disabled. Runtime: Node.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ConsoleRole } from '../../core/sync/wire-console';
import type { Queryable } from '../pg/store';
import type { ConsoleUser } from './accounts';

export const COOKIE = 'gasdesk_console';
export const DEFAULT_IDLE_MS = 30 * 60_000;
export const MAX_SESSION_MS = 12 * 3_600_000;

const hashOf = (token: string) => createHash('sha256').update(token).digest('hex');

export function cookieToken(req: FastifyRequest): string | undefined {
  const header = req.headers.cookie;
  if (typeof header !== 'string') return undefined;
  for (const part of header.split(';')) {
    const [name, ...rest] = part.trim().split('=');
    if (name === COOKIE) {
      const value = rest.join('=');
      return /^[A-Za-z0-9_-]{32,64}$/.test(value) ? value : undefined;
    }
  }
  return undefined;
}

export async function startSession(q: Queryable, userId: string, nowMs: number): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  const at = new Date(nowMs).toISOString();
  await q.query(
    'INSERT INTO console_sessions (token_hash, user_id, created_at, last_seen_at) VALUES ($1, $2, $3, $3)',
    [hashOf(token), userId, at],
  );
  return token;
}

/** The session's user, its last request moved to now; undefined when it ended, timed out or never was. */
export async function touchSession(
  q: Queryable,
  token: string,
  nowMs: number,
  idleMs: number,
): Promise<ConsoleUser | undefined> {
  const now = new Date(nowMs).toISOString();
  const [row] = await q.query<{
    id: string;
    username: string;
    display_name: string;
    role: ConsoleRole;
    halls: string[];
  }>(
    `UPDATE console_sessions s SET last_seen_at = $2
       FROM console_users u
      WHERE s.token_hash = $1 AND s.ended_at IS NULL AND u.id = s.user_id AND u.disabled_at IS NULL
        AND s.last_seen_at > $2::timestamptz - make_interval(secs => $3::double precision / 1000)
        AND s.created_at > $2::timestamptz - make_interval(secs => $4::double precision / 1000)
      RETURNING u.id, u.username, u.display_name, u.role, u.halls`,
    [hashOf(token), now, idleMs, MAX_SESSION_MS],
  );
  return (
    row && {
      id: row.id,
      username: row.username,
      displayName: row.display_name,
      role: row.role,
      halls: row.halls,
    }
  );
}

export async function endSession(q: Queryable, token: string, nowMs: number): Promise<void> {
  await q.query('UPDATE console_sessions SET ended_at = $2 WHERE token_hash = $1 AND ended_at IS NULL', [
    hashOf(token),
    new Date(nowMs).toISOString(),
  ]);
}

export function setSessionCookie(reply: FastifyReply, token: string, secure: boolean): void {
  void reply.header(
    'set-cookie',
    `${COOKIE}=${token}; Path=/; HttpOnly; SameSite=Strict${secure ? '; Secure' : ''}`,
  );
}

export function clearSessionCookie(reply: FastifyReply): void {
  void reply.header('set-cookie', `${COOKIE}=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0`);
}
