import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';

// Whether the caller's calendar feed is on; its URL is shown only when issued.
export const calendarFeedQuery = () =>
  queryOptions({
    queryKey: ['me', 'calendar-feed'],
    queryFn: async () => unwrap(await api().GET('/api/v1/me/calendar-feed')),
  });

export function useCalendarFeed() {
  return useQuery(calendarFeedQuery());
}
