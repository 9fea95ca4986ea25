import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';
import { formToBody, type DebtFormValues } from './debt-form';

export async function createDebt({ caseId, values }: { caseId: string; values: DebtFormValues }) {
  return unwrap(await api().POST('/api/v1/cases/{id}/debts', { params: { path: { id: caseId } }, body: formToBody(values) }));
}

export function useCreateDebt() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createDebt,
    meta: { handlesErrors: true },
    // The case's figures, offers and screening all follow from its debts.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['cases'] }),
  });
}
