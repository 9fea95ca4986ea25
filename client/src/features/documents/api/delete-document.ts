import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, expectOk } from '@/lib/api/client';

export async function deleteDocument({ id }: { id: string; caseId: string }) {
  expectOk(await api().DELETE('/api/v1/documents/{id}', { params: { path: { id } } }));
}

// Soft: the document leaves the case's list and reads; its bytes stay until retention.
export function useDeleteDocument() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deleteDocument,
    meta: { handlesErrors: true },
    onSuccess: async (_data, { id, caseId }) => {
      queryClient.removeQueries({ queryKey: ['documents', id] });
      await queryClient.invalidateQueries({ queryKey: ['cases', caseId, 'documents'] });
    },
  });
}
