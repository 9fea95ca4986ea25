import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';

// One debt, its account reference in full (the list masks it).
export const debtQuery = (caseId: string, debtId: string) =>
  queryOptions({
    queryKey: ['cases', caseId, 'debts', 'detail', debtId],
    queryFn: async () =>
      unwrap(await api().GET('/api/v1/cases/{id}/debts/{debtId}', { params: { path: { id: caseId, debtId } } })),
    staleTime: 0,
  });

export function useDebt(caseId: string, debtId: string) {
  return useQuery(debtQuery(caseId, debtId));
}
