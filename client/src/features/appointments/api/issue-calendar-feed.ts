import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';
import { calendarFeedQuery } from './get-calendar-feed';

// A new secret feed URL; any earlier one stops working. The answer is the only time it is seen.
export async function issueCalendarFeed() {
  return unwrap(await api().POST('/api/v1/me/calendar-feed', { body: {} }));
}

export function useIssueCalendarFeed() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: issueCalendarFeed,
    meta: { handlesErrors: true },
    onSuccess: (feed) => queryClient.setQueryData(calendarFeedQuery().queryKey, { active: feed.active, createdAt: feed.createdAt }),
  });
}
