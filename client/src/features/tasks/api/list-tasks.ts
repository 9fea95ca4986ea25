import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';
import type { components } from '@/types/api';

export type Task = components['schemas']['Task'];
export type TaskPriority = components['schemas']['TaskPriority'];
export const taskPriorities: readonly TaskPriority[] = ['urgent', 'high', 'normal', 'low'];

// A case's tasks, by due date. Admins name the case's centre (`centreId`); others leave it out.
export const caseTasksQuery = (caseId: string, centreId: string | undefined) =>
  queryOptions({
    queryKey: ['tasks', 'case', caseId, centreId],
    queryFn: async () => unwrap(await api().GET('/api/v1/tasks', { params: { query: { caseId, centreId, limit: 100 } } })),
  });

export function useCaseTasks(caseId: string, centreId: string | undefined) {
  return useQuery(caseTasksQuery(caseId, centreId));
}

export type TaskStatus = components['schemas']['TaskStatus'];
export const taskStatuses: readonly TaskStatus[] = ['open', 'done', 'cancelled'];
export type CentreTaskFilters = { centreId?: string | undefined; assigneeId?: string | undefined; status?: TaskStatus | undefined; cursor?: string | undefined };

// A centre's tasks, with or without a case, by due date; admins name the centre.
export const centreTasksQuery = (filters: CentreTaskFilters) =>
  queryOptions({
    queryKey: ['tasks', 'centre', filters],
    queryFn: async () => unwrap(await api().GET('/api/v1/tasks', { params: { query: { limit: 50, ...filters } } })),
    placeholderData: keepPreviousData,
  });

export function useCentreTasks(filters: CentreTaskFilters) {
  return useQuery(centreTasksQuery(filters));
}
