import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { graphql } from '../gql/gql.ts';
import type { SearchUnitsQuery } from '../gql/graphql.ts';
import { request } from '../lib/graphql.ts';

const searchUnitsQuery = graphql(`
  query SearchUnits($query: String!, $first: Int, $includeArchived: Boolean) {
    searchUnits(query: $query, first: $first, includeArchived: $includeArchived) {
      id
      code
      name
      level
      archivedAt
      childCount
      kind {
        code
        nameVi
        nameEn
      }
      ancestors {
        id
        name
      }
    }
  }
`);

export type FoundUnit = SearchUnitsQuery['searchUnits'][number];

export type UnitSearchState =
  | { status: 'idle' }
  | { status: 'searching' }
  | { status: 'done'; query: string; units: FoundUnit[] }
  | { status: 'failed'; error: unknown };

const debounceMs = 250;
const QUERY_MAX = 100;

/**
 * Accent-insensitive unit search as the person types: waits for a pause, cancels the question it
 * replaces, and ignores answers that come back out of order.
 */
export function useUnitSearch(text: string, options: { first?: number; includeArchived?: boolean } = {}) {
  const state = useSignal<UnitSearchState>({ status: 'idle' });
  const { first = 20, includeArchived = false } = options;
  useEffect(() => {
    const query = text.trim().slice(0, QUERY_MAX);
    if (!query) {
      state.value = { status: 'idle' };
      return;
    }
    const controller = new AbortController();
    const timer = setTimeout(async () => {
      state.value = { status: 'searching' };
      try {
        const data = await request(searchUnitsQuery, { query, first, includeArchived }, { signal: controller.signal });
        if (!controller.signal.aborted) state.value = { status: 'done', query, units: data.searchUnits };
      } catch (error) {
        if (!controller.signal.aborted) state.value = { status: 'failed', error };
      }
    }, debounceMs);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [text, first, includeArchived]);
  return state.value;
}
