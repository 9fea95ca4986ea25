import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';
import type { components } from '@/types/api';

export type Debt = components['schemas']['Debt'];

export const debtsQuery = (caseId: string, cursor: string | undefined) =>
  queryOptions({
    queryKey: ['cases', caseId, 'debts', 'list', cursor],
    queryFn: async () =>
      unwrap(await api().GET('/api/v1/cases/{id}/debts', { params: { path: { id: caseId }, query: { limit: 100, cursor } } })),
    placeholderData: keepPreviousData,
  });

export function useDebts(caseId: string, cursor: string | undefined) {
  return useQuery(debtsQuery(caseId, cursor));
}
