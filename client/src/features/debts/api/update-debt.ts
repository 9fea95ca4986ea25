import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';
import { formToBody, type DebtFormValues } from './debt-form';

export async function updateDebt({ caseId, debtId, values }: { caseId: string; debtId: string; values: DebtFormValues }) {
  return unwrap(
    await api().PATCH('/api/v1/cases/{id}/debts/{debtId}', { params: { path: { id: caseId, debtId } }, body: formToBody(values) }),
  );
}

export function useUpdateDebt() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateDebt,
    meta: { handlesErrors: true },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['cases'] }),
  });
}
