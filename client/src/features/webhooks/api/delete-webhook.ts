import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, expectOk } from '@/lib/api/client';

export async function deleteWebhook(id: string) {
  expectOk(await api().DELETE('/api/v1/webhooks/{id}', { params: { path: { id } } }));
}

export function useDeleteWebhook() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deleteWebhook,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['webhooks'] }),
  });
}
