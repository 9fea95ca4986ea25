import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';
import type { components } from '@/types/api';

export type BudgetVersion = components['schemas']['BudgetVersion'];

export const budgetVersionsQuery = (caseId: string) =>
  queryOptions({
    queryKey: ['cases', caseId, 'budget', 'versions'],
    queryFn: async () =>
      unwrap(await api().GET('/api/v1/cases/{id}/budget/versions', { params: { path: { id: caseId }, query: { limit: 100 } } })),
  });

export function useBudgetVersions(caseId: string) {
  return useQuery(budgetVersionsQuery(caseId));
}
