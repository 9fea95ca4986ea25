import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';

// Clients matching what was typed (name, reference or postcode), to book an appointment for.
export const clientSearchQuery = (q: string) =>
  queryOptions({
    queryKey: ['clients', { q, limit: 10 }],
    queryFn: async () => unwrap(await api().GET('/api/v1/clients', { params: { query: { q, limit: 10 } } })),
    placeholderData: keepPreviousData,
  });

export function useClientSearch(q: string) {
  return useQuery({ ...clientSearchQuery(q), enabled: q.trim().length >= 2 });
}
