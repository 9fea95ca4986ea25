import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';

export async function readAllNotifications() {
  return unwrap(await api().POST('/api/v1/me/notifications/read-all'));
}

export function useReadAllNotifications() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: readAllNotifications,
    onSettled: () => queryClient.invalidateQueries({ queryKey: ['notifications'] }),
  });
}
