import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';
import { ApiError } from '@/lib/api/problem';
import type { components } from '@/types/api';

export type Budget = components['schemas']['Budget'];

// The current version, or null while the case has none (the API answers 404 then).
export const budgetQuery = (caseId: string) =>
  queryOptions({
    queryKey: ['cases', caseId, 'budget', 'current'],
    queryFn: async (): Promise<Budget | null> => {
      try {
        return unwrap(await api().GET('/api/v1/cases/{id}/budget', { params: { path: { id: caseId } } }));
      } catch (error) {
        if (error instanceof ApiError && error.status === 404) return null;
        throw error;
      }
    },
  });

export function useBudget(caseId: string) {
  return useQuery(budgetQuery(caseId));
}
