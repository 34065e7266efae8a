/** In-app navigation between pages (a desktop app needs no URL router). Runtime: browser. */
import { createContext, useContext } from 'react';

export type Route =
  | { name: 'search' }
  | { name: 'open' }
  | { name: 'customer'; id: string }
  | { name: 'staff' }
  | { name: 'settings' };

export interface Nav {
  readonly route: Route;
  go(route: Route): void;
  /** Increases each time the operator asks for the search box (F3 or /). */
  readonly searchFocus: number;
  focusSearch(): void;
}

export const NavContext = createContext<Nav>({
  route: { name: 'search' },
  go: () => {},
  searchFocus: 0,
  focusSearch: () => {},
});

export function useNav(): Nav {
  return useContext(NavContext);
}
