import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';
import type { components } from '@/types/api';

export type Webhook = components['schemas']['Webhook'];
export type WebhookEvent = components['schemas']['WebhookEvent'];

// The events a webhook may subscribe to, as the contract's enum has them.
export const WEBHOOK_EVENTS: readonly WebhookEvent[] = ['case.created', 'case.status_changed', 'appointment.scheduled', 'document.processed'];

// The caller's centre's webhooks (every centre's for admins), newest first.
export const webhooksQuery = (cursor: string | undefined) =>
  queryOptions({
    queryKey: ['webhooks', 'list', cursor],
    queryFn: async () =>
      unwrap(await api().GET('/api/v1/webhooks', { params: { query: { limit: 50, ...(cursor !== undefined ? { cursor } : {}) } } })),
    placeholderData: keepPreviousData,
  });

export function useWebhooks(cursor: string | undefined) {
  return useQuery(webhooksQuery(cursor));
}
