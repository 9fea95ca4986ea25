import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';
import type { components } from '@/types/api';

export type CaseDetail = components['schemas']['CaseDetail'];

export const caseQuery = (id: string) =>
  queryOptions({
    queryKey: ['cases', 'detail', id],
    queryFn: async () => unwrap(await api().GET('/api/v1/cases/{id}', { params: { path: { id } } })),
  });

export function useCase(id: string) {
  return useQuery(caseQuery(id));
}
