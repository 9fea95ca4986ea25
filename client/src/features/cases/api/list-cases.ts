import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';
import type { components } from '@/types/api';

export type Case = components['schemas']['Case'];
export type CaseStatus = components['schemas']['CaseStatus'];
export type CasePriority = components['schemas']['CasePriority'];
export const caseStatuses = ['open', 'in_progress', 'closed', 'referred', 'cancelled'] as const satisfies readonly CaseStatus[];
export const casePriorities = ['urgent', 'high', 'normal', 'low'] as const satisfies readonly CasePriority[];
export const caseSorts = ['-opened', 'opened', 'reference'] as const;
export type CaseSort = (typeof caseSorts)[number];

export type CaseFilters = {
  centreId?: string | undefined;
  status?: CaseStatus | undefined;
  adviserId?: string | undefined;
  priority?: CasePriority | undefined;
  openedFrom?: string | undefined;
  openedTo?: string | undefined;
  q?: string | undefined;
  sort?: CaseSort | undefined;
  cursor?: string | undefined;
};

export const casesQuery = (filters: CaseFilters, limit = 25) =>
  queryOptions({
    queryKey: ['cases', 'list', filters, limit],
    queryFn: async () => unwrap(await api().GET('/api/v1/cases', { params: { query: { limit, ...filters } } })),
    placeholderData: keepPreviousData,
  });

export function useCases(filters: CaseFilters, limit = 25) {
  return useQuery(casesQuery(filters, limit));
}
