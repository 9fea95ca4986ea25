import { useMutation, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { api, unwrap } from '@/lib/api/client';

// The server checks more (https, public addresses; docs/webhooks.md) and answers 422 on `url`.
export const webhookSchema = z.object({
  url: z.string().trim().min(1, 'Enter the address to send events to').max(2048).url('Enter a full address, like https://crm.example.org/hooks'),
  events: z.array(z.enum(['case.created', 'case.status_changed', 'appointment.scheduled', 'document.processed'])).min(1, 'Choose at least one event'),
  description: z.string().trim().max(500),
});
export type WebhookInput = z.infer<typeof webhookSchema>;
export const webhookFields = ['url', 'events', 'description'] as const;

export async function createWebhook(input: WebhookInput) {
  return unwrap(
    await api().POST('/api/v1/webhooks', {
      body: { url: input.url, events: input.events, description: input.description },
    }),
  );
}

export function useCreateWebhook() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createWebhook,
    meta: { handlesErrors: true },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['webhooks'] }),
  });
}
