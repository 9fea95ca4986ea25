import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';
import type { components } from '@/types/api';
import { complianceQuery } from './get-compliance';

type TickRequest = components['schemas']['ComplianceTickRequest'];

// Ticks an item with a note of the case as its evidence, or removes the tick.
export async function tickCompliance({ caseId, body }: { caseId: string; body: TickRequest }) {
  return unwrap(await api().POST('/api/v1/cases/{id}/compliance', { params: { path: { id: caseId } }, body }));
}

export function useTickCompliance() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: tickCompliance,
    meta: { handlesErrors: true },
    onSuccess: (checklist, { caseId }) => queryClient.setQueryData(complianceQuery(caseId).queryKey, checklist),
  });
}
