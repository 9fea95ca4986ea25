import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';

export const offerSetsQuery = (caseId: string) =>
  queryOptions({
    queryKey: ['cases', caseId, 'offers', 'saved'],
    queryFn: async () =>
      unwrap(await api().GET('/api/v1/cases/{id}/offers', { params: { path: { id: caseId }, query: { limit: 100 } } })),
  });

export function useOfferSets(caseId: string) {
  return useQuery(offerSetsQuery(caseId));
}
