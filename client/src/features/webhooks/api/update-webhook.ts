import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';
import type { components } from '@/types/api';

type WebhookUpdate = components['schemas']['WebhookUpdate'];

export async function updateWebhook({ id, body }: { id: string; body: WebhookUpdate }) {
  return unwrap(await api().PATCH('/api/v1/webhooks/{id}', { params: { path: { id } }, body }));
}

export function useUpdateWebhook() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateWebhook,
    meta: { handlesErrors: true },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['webhooks'] }),
  });
}
