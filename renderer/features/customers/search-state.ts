/**
 * The last search, kept while the operator opens a file and comes back, and the files opened lately; both
 * cleared at logout. Runtime: browser.
 */
import type { OpOutput } from '../../../core/contract';
import type { SearchKind } from '../../../core/domain/search';

export interface SearchState {
  readonly query: string;
  readonly kind: SearchKind;
  readonly result: OpOutput<'customers.search'> | null;
}

const EMPTY: SearchState = { query: '', kind: 'auto', result: null };
let state: SearchState = EMPTY;

export function getSearchState(): SearchState {
  return state;
}

export function saveSearchState(next: SearchState): void {
  state = next;
}

/** The files the operator opened lately (newest first), for the start page; kept until logout. */
export interface RecentCustomer {
  readonly id: string;
  readonly name: string;
  readonly accountNo: string;
}
const RECENT_MAX = 8;
let recent: RecentCustomer[] = [];

export function rememberCustomer(c: RecentCustomer): void {
  recent = [{ id: c.id, name: c.name, accountNo: c.accountNo }, ...recent.filter((r) => r.id !== c.id)].slice(
    0,
    RECENT_MAX,
  );
}

export function recentCustomers(): readonly RecentCustomer[] {
  return recent;
}

export function resetSearchState(): void {
  state = EMPTY;
  recent = [];
}
