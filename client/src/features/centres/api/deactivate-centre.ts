import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';

export async function deactivateCentre(id: string) {
  return unwrap(await api().POST('/api/v1/centres/{id}/deactivate', { params: { path: { id } } }));
}

export function useDeactivateCentre() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deactivateCentre,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['centres'] }),
  });
}
