import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';

export async function setUserStatus({ id, active }: { id: string; active: boolean }) {
  const params = { params: { path: { id } } };
  return unwrap(
    active
      ? await api().POST('/api/v1/users/{id}/reactivate', params)
      : await api().POST('/api/v1/users/{id}/deactivate', params),
  );
}

export function useSetUserStatus() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: setUserStatus,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['users'] }),
  });
}
