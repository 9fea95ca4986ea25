import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';
import type { components } from '@/types/api';

export type WebhookDelivery = components['schemas']['WebhookDelivery'];

// A webhook's delivery history, newest first.
export const deliveriesQuery = (id: string, cursor: string | undefined) =>
  queryOptions({
    queryKey: ['webhooks', 'deliveries', id, cursor],
    queryFn: async () =>
      unwrap(
        await api().GET('/api/v1/webhooks/{id}/deliveries', {
          params: { path: { id }, query: { limit: 50, ...(cursor !== undefined ? { cursor } : {}) } },
        }),
      ),
    placeholderData: keepPreviousData,
  });

export function useDeliveries(id: string, cursor: string | undefined) {
  return useQuery(deliveriesQuery(id, cursor));
}
