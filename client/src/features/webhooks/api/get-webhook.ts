import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';

export const webhookQuery = (id: string) =>
  queryOptions({
    queryKey: ['webhooks', 'one', id],
    queryFn: async () => unwrap(await api().GET('/api/v1/webhooks/{id}', { params: { path: { id } } })),
  });

export function useWebhook(id: string) {
  return useQuery(webhookQuery(id));
}
