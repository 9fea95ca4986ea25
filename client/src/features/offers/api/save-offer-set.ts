import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';

export async function saveOfferSet(caseId: string) {
  return unwrap(await api().POST('/api/v1/cases/{id}/offers', { params: { path: { id: caseId } } }));
}

export function useSaveOfferSet() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: saveOfferSet,
    onSuccess: (_set, caseId) => queryClient.invalidateQueries({ queryKey: ['cases', caseId, 'offers'] }),
  });
}
