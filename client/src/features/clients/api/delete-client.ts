import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';

// Managers and admins: deletes a client (kept, but no longer listed or found). Refused with 409
// while the client has a case that is not finished.
export async function deleteClient(id: string) {
  return unwrap(await api().DELETE('/api/v1/clients/{id}', { params: { path: { id } } }));
}

export function useDeleteClient() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deleteClient,
    meta: { handlesErrors: true },
    // The deleted record answers 404 from now on: it is dropped, not refetched; the lists are.
    onSuccess: (_r, id) => {
      queryClient.removeQueries({ queryKey: ['clients', 'detail', id] });
      return queryClient.invalidateQueries({ queryKey: ['clients'], predicate: (q) => q.queryKey[1] !== 'detail' });
    },
  });
}
