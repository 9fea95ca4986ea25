import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';
import type { components } from '@/types/api';

export type MyTask = components['schemas']['MyTask'];

// The caller's open tasks, overdue first, each with its bucket judged in London.
export const myTasksQuery = () =>
  queryOptions({
    queryKey: ['tasks', 'mine'],
    queryFn: async () => unwrap(await api().GET('/api/v1/me/tasks', { params: { query: { limit: 100 } } })),
  });

export function useMyTasks() {
  return useQuery(myTasksQuery());
}
