import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';
import { calendarFeedQuery } from './get-calendar-feed';

export async function revokeCalendarFeed() {
  return unwrap(await api().DELETE('/api/v1/me/calendar-feed'));
}

export function useRevokeCalendarFeed() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: revokeCalendarFeed,
    meta: { handlesErrors: true },
    onSuccess: (feed) => queryClient.setQueryData(calendarFeedQuery().queryKey, feed),
  });
}
