import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';

export const clientQuery = (id: string) =>
  queryOptions({
    queryKey: ['clients', 'detail', id],
    queryFn: async () => unwrap(await api().GET('/api/v1/clients/{id}', { params: { path: { id } } })),
  });

export function useClient(id: string) {
  return useQuery(clientQuery(id));
}
