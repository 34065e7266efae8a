/** The logged-in operator's session, shared with every page. Runtime: browser. */
import { createContext, useContext } from 'react';
import type { OpOutput } from '../../core/contract';

export type Session = OpOutput<'auth.login'>;

export interface SessionApi {
  readonly session: Session;
  /** Merge fresh values (e.g. idleLockMinutes after the settings change). */
  update(patch: Partial<Session>): void;
  lock(): Promise<void>;
  logout(): Promise<void>;
}

export const SessionContext = createContext<SessionApi | null>(null);

export function useSession(): SessionApi {
  const s = useContext(SessionContext);
  if (!s) throw new Error('useSession outside a logged-in shell');
  return s;
}
