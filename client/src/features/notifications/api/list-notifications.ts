import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';
import type { components } from '@/types/api';

export type Notification = components['schemas']['Notification'];
export type NotificationFilters = { unread?: string | undefined; cursor?: string | undefined };

// How often the bell asks for the unread count: modest, as many advisers keep the app open all day.
export const BELL_POLL_MS = 60_000;

// The caller's own notifications, newest first, with the unread count.
export const notificationsQuery = (filters: NotificationFilters, limit = 25) =>
  queryOptions({
    queryKey: ['notifications', 'list', filters, limit],
    queryFn: async () =>
      unwrap(
        await api().GET('/api/v1/me/notifications', {
          params: {
            query: {
              limit,
              ...(filters.unread === 'true' ? { unread: 'true' as const } : {}),
              ...(filters.cursor !== undefined ? { cursor: filters.cursor } : {}),
            },
          },
        }),
      ),
    placeholderData: keepPreviousData,
  });

export function useNotifications(filters: NotificationFilters) {
  return useQuery(notificationsQuery(filters));
}

// The latest few for the bell: polled, and read again when the window regains focus.
export function useLatestNotifications() {
  return useQuery({
    ...notificationsQuery({}, 8),
    refetchInterval: BELL_POLL_MS,
    refetchOnWindowFocus: true,
  });
}
