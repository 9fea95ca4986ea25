import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';

// A `webhook.ping` event to this webhook only; it shows in the deliveries.
export async function pingWebhook(id: string) {
  return unwrap(await api().POST('/api/v1/webhooks/{id}/ping', { params: { path: { id } } }));
}

export function usePingWebhook() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: pingWebhook,
    onSuccess: (_d, id) => queryClient.invalidateQueries({ queryKey: ['webhooks', 'deliveries', id] }),
  });
}
