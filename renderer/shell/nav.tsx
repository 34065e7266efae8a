/** In-app navigation between pages (a desktop app needs no URL router). Runtime: browser. */
import { createContext, useContext } from 'react';
import type { Installation } from '../../core/contract';

export type Route =
  | { name: 'search' }
  | { name: 'open'; installation?: Installation }
  | { name: 'customer'; id: string; offerCard?: boolean }
  | { name: 'cardRead'; customerId?: string }
  | { name: 'sale'; customerId?: string }
  | { name: 'fees' }
  | {
      name: 'serviceDesk';
      tab?:
        | 'accept'
        | 'complaints'
        | 'followups'
        | 'appointments'
        | 'workOrders'
        | 'inspections'
        | 'installations';
    }
  | { name: 'shift' }
  | { name: 'day' }
  | { name: 'reports' }
  | { name: 'prices' }
  | { name: 'feeCatalogue' }
  | { name: 'invoices' }
  | { name: 'limits' }
  | { name: 'staff' }
  | { name: 'settings' };

export interface Nav {
  readonly route: Route;
  go(route: Route): void;
  /** Increases each time the operator asks for the search box (F3 or /). */
  readonly searchFocus: number;
  focusSearch(): void;
  /** Increases each time the operator presses F2 on the sale screen (back to its customer box). */
  readonly saleFocus: number;
  /** Increases each time the operator presses F5 (read the card in the reader again). */
  readonly readTick: number;
}

export const NavContext = createContext<Nav>({
  route: { name: 'search' },
  go: () => {},
  searchFocus: 0,
  focusSearch: () => {},
  saleFocus: 0,
  readTick: 0,
});

export function useNav(): Nav {
  return useContext(NavContext);
}
