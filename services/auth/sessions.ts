/**
 * Staff sessions of this counter process, with idle auto-lock. A locked session keeps its operator but
 * accepts nothing until the operator's password unlocks it. Runtime: Node.
 */
import { randomBytes } from 'node:crypto';
import type { Role } from '../../core/domain/roles';

export interface Session {
  readonly id: string;
  readonly staffId: string;
  /** Every role the operator held at login (a change of roles ends their sessions). */
  readonly roles: readonly Role[];
  lastSeenMs: number;
  locked: boolean;
}

export class SessionStore {
  private readonly sessions = new Map<string, Session>();
  idleLockMinutes = 10;

  constructor(private readonly clock: { nowMs(): number }) {}

  create(staffId: string, roles: readonly Role[]): Session {
    const s: Session = {
      id: randomBytes(24).toString('base64url'),
      staffId,
      roles,
      lastSeenMs: this.clock.nowMs(),
      locked: false,
    };
    this.sessions.set(s.id, s);
    return s;
  }

  /** The session, locked if it has been idle too long; touching it counts as activity when unlocked. */
  get(id: string | undefined): Session | undefined {
    if (!id) return undefined;
    const s = this.sessions.get(id);
    if (!s) return undefined;
    const now = this.clock.nowMs();
    if (!s.locked && now - s.lastSeenMs > this.idleLockMinutes * 60_000) s.locked = true;
    if (!s.locked) s.lastSeenMs = now;
    return s;
  }

  lock(id: string): void {
    const s = this.sessions.get(id);
    if (s) s.locked = true;
  }

  unlock(id: string): void {
    const s = this.sessions.get(id);
    if (s) {
      s.locked = false;
      s.lastSeenMs = this.clock.nowMs();
    }
  }

  end(id: string): void {
    this.sessions.delete(id);
  }

  endAllFor(staffId: string): void {
    for (const [id, s] of this.sessions) if (s.staffId === staffId) this.sessions.delete(id);
  }
}
