import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';
import type { components } from '@/types/api';

export type User = components['schemas']['User'];
export type UserFilters = { centreId?: string | undefined; cursor?: string | undefined };

export const usersQuery = (filters: UserFilters) =>
  queryOptions({
    queryKey: ['users', filters],
    queryFn: async () =>
      unwrap(
        await api().GET('/api/v1/users', {
          params: { query: { limit: 50, centreId: filters.centreId, cursor: filters.cursor } },
        }),
      ),
    placeholderData: keepPreviousData,
  });

export function useUsers(filters: UserFilters) {
  return useQuery(usersQuery(filters));
}
