import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';

export async function readNotification(id: string) {
  return unwrap(await api().POST('/api/v1/me/notifications/{id}/read', { params: { path: { id } } }));
}

export function useReadNotification() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: readNotification,
    onSettled: () => queryClient.invalidateQueries({ queryKey: ['notifications'] }),
  });
}
