import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';

// Sends a delivery again: it goes back to `pending`. An inactive webhook answers 409.
export async function redeliver({ webhookId, deliveryId }: { webhookId: string; deliveryId: string }) {
  return unwrap(
    await api().POST('/api/v1/webhooks/{id}/deliveries/{deliveryId}/redeliver', {
      params: { path: { id: webhookId, deliveryId } },
    }),
  );
}

export function useRedeliver() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: redeliver,
    meta: { handlesErrors: true },
    onSettled: (_d, _e, v) => queryClient.invalidateQueries({ queryKey: ['webhooks', 'deliveries', v.webhookId] }),
  });
}
