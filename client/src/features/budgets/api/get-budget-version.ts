import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';

export const budgetVersionQuery = (caseId: string, version: number) =>
  queryOptions({
    queryKey: ['cases', caseId, 'budget', 'version', version],
    queryFn: async () =>
      unwrap(
        await api().GET('/api/v1/cases/{id}/budget/versions/{version}', { params: { path: { id: caseId, version } } }),
      ),
    staleTime: Infinity, // a saved version never changes
  });

export function useBudgetVersion(caseId: string, version: number | null) {
  return useQuery({ ...budgetVersionQuery(caseId, version ?? 0), enabled: version !== null });
}
