import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';
import type { components } from '@/types/api';

export type Job = components['schemas']['Job'];
export type JobState = components['schemas']['JobState'];
export type JobFilters = { state?: string | undefined; kind?: string | undefined; cursor?: string | undefined };

export const JOB_STATES: readonly JobState[] = ['queued', 'running', 'done', 'dead', 'cancelled'];

function isJobState(value: string | undefined): value is JobState {
  return JOB_STATES.some((s) => s === value);
}

// Every centre's jobs and the system's, newest first. A state the URL names that the API does not
// know is left out rather than sent, so a mistyped link shows every job instead of an error.
export const jobsQuery = (filters: JobFilters) =>
  queryOptions({
    queryKey: ['jobs', 'list', filters],
    queryFn: async () =>
      unwrap(
        await api().GET('/api/v1/jobs', {
          params: {
            query: {
              limit: 50,
              ...(isJobState(filters.state) ? { state: filters.state } : {}),
              ...(filters.kind !== undefined ? { kind: filters.kind } : {}),
              ...(filters.cursor !== undefined ? { cursor: filters.cursor } : {}),
            },
          },
        }),
      ),
    placeholderData: keepPreviousData,
  });

export function useJobs(filters: JobFilters) {
  return useQuery(jobsQuery(filters));
}
