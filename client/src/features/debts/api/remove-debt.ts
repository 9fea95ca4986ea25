import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';

// Takes a debt off a case (kept, but no longer listed or counted in the case's figures). A debt
// of a finished case answers 409.
export async function removeDebt({ caseId, debtId }: { caseId: string; debtId: string }) {
  return unwrap(await api().DELETE('/api/v1/cases/{id}/debts/{debtId}', { params: { path: { id: caseId, debtId } } }));
}

export function useRemoveDebt() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: removeDebt,
    meta: { handlesErrors: true },
    onSuccess: () => Promise.all([queryClient.invalidateQueries({ queryKey: ['cases'] }), queryClient.invalidateQueries({ queryKey: ['dashboard'] })]),
  });
}
