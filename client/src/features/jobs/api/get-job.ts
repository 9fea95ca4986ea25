import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';

// One job as it is now, with its payload and lease: what the details panel shows.
export const jobQuery = (id: string) =>
  queryOptions({
    queryKey: ['jobs', 'one', id],
    queryFn: async () => unwrap(await api().GET('/api/v1/jobs/{id}', { params: { path: { id } } })),
  });

export function useJob(id: string | null) {
  return useQuery({ ...jobQuery(id ?? ''), enabled: id !== null });
}
