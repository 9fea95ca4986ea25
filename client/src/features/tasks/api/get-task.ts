import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';

// One task by its id: the caller's centre's, or any centre's for an admin.
export const taskQuery = (id: string) =>
  queryOptions({
    queryKey: ['tasks', 'detail', id],
    queryFn: async () => unwrap(await api().GET('/api/v1/tasks/{id}', { params: { path: { id } } })),
  });

export function useTask(id: string) {
  return useQuery(taskQuery(id));
}
