import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';
import type { components } from '@/types/api';

export type Screening = components['schemas']['Screening'];

// Screening on `date` (today when not given); stores nothing.
export const screeningQuery = (caseId: string, date: string | undefined) =>
  queryOptions({
    queryKey: ['cases', caseId, 'solutions', date ?? 'today'],
    queryFn: async () =>
      unwrap(await api().GET('/api/v1/cases/{id}/solutions', { params: { path: { id: caseId }, query: { date } } })),
  });

export function useScreening(caseId: string, date: string | undefined) {
  return useQuery(screeningQuery(caseId, date));
}
