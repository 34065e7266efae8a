/** The last search, kept while the operator opens a file and comes back; cleared at logout. Runtime: browser. */
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

export function resetSearchState(): void {
  state = EMPTY;
}
