import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';
import type { components, operations } from '@/types/api';

export type SearchResults = components['schemas']['SearchResults'];
export type SearchHit = SearchResults['items'][number];
export type SearchKind = NonNullable<operations['search']['parameters']['query']['kind']>;
export const searchKinds: readonly SearchKind[] = ['client', 'case', 'note', 'document'];

// Clients, cases, notes and documents (by their extracted text) of one centre matching every word of `q` (admins name the centre).
// A query without a letter or digit is not sent: the API refuses it.
export const searchQuery = (q: string, kind: SearchKind | undefined, centreId: string | undefined) =>
  queryOptions({
    queryKey: ['search', q, kind, centreId],
    queryFn: async () => unwrap(await api().GET('/api/v1/search', { params: { query: { q, kind, centreId, limit: 50 } } })),
    enabled: /[\p{L}\p{N}]/u.test(q),
    placeholderData: keepPreviousData,
  });

export function useSearch(q: string, kind: SearchKind | undefined, centreId: string | undefined) {
  return useQuery(searchQuery(q, kind, centreId));
}
