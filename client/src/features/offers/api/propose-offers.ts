import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';
import type { components } from '@/types/api';

export type OfferSet = components['schemas']['OfferSet'];

// Computed from the case's current budget and debts; nothing is stored.
export const offerProposalQuery = (caseId: string) =>
  queryOptions({
    queryKey: ['cases', caseId, 'offers', 'proposal'],
    queryFn: async () => unwrap(await api().GET('/api/v1/cases/{id}/offers/proposal', { params: { path: { id: caseId } } })),
    staleTime: 0,
  });

export function useOfferProposal(caseId: string) {
  return useQuery(offerProposalQuery(caseId));
}
