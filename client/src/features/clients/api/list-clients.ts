import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';
import type { components } from '@/types/api';

export type Client = components['schemas']['Client'];
export type ClientFilters = { q?: string | undefined; centreId?: string | undefined; cursor?: string | undefined };

export const clientsQuery = (filters: ClientFilters) =>
  queryOptions({
    queryKey: ['clients', filters],
    queryFn: async () =>
      unwrap(await api().GET('/api/v1/clients', { params: { query: { limit: 25, ...filters } } })),
    placeholderData: keepPreviousData,
  });

export function useClients(filters: ClientFilters) {
  return useQuery(clientsQuery(filters));
}
