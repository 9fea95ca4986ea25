import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';
import type { components } from '@/types/api';

export type CaseCompliance = components['schemas']['CaseCompliance'];
export type ComplianceItem = CaseCompliance['items'][number];

export const complianceQuery = (caseId: string) =>
  queryOptions({
    queryKey: ['cases', caseId, 'compliance'],
    queryFn: async () => unwrap(await api().GET('/api/v1/cases/{id}/compliance', { params: { path: { id: caseId } } })),
  });

export function useCompliance(caseId: string) {
  return useQuery(complianceQuery(caseId));
}
