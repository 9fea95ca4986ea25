import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';
import type { components } from '@/types/api';

export type Centre = components['schemas']['Centre'];

export const centresQuery = () =>
  infiniteQueryOptions({
    queryKey: ['centres'],
    queryFn: async ({ pageParam }) =>
      unwrap(await api().GET('/api/v1/centres', { params: { query: { limit: 100, cursor: pageParam } } })),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });

export function useCentres() {
  return useInfiniteQuery(centresQuery());
}
