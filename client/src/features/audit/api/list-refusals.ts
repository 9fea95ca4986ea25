import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';
import type { components } from '@/types/api';

export type AccessRefusal = components['schemas']['AccessRefusal'];
export type RefusalFilters = { centreId?: string | undefined; userId?: string | undefined; cursor?: string | undefined };

// Refused requests (403), counted per user, action and minute, newest first; scoped as the audit
// trail is. Not hash-chained.
export const refusalsQuery = (filters: RefusalFilters) =>
  queryOptions({
    queryKey: ['audit', 'refusals', filters],
    queryFn: async () => unwrap(await api().GET('/api/v1/audit/refusals', { params: { query: { limit: 50, ...filters } } })),
    placeholderData: keepPreviousData,
  });

export function useRefusals(filters: RefusalFilters) {
  return useQuery(refusalsQuery(filters));
}
