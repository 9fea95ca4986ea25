import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';

export async function applyOfferSet({ caseId, offerId }: { caseId: string; offerId: string }) {
  return unwrap(await api().POST('/api/v1/cases/{id}/offers/{offerId}/apply', { params: { path: { id: caseId, offerId } } }));
}

export function useApplyOfferSet() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: applyOfferSet,
    // The debts' offered payments change.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['cases'] }),
  });
}
