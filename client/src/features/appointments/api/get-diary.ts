import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';
import type { components } from '@/types/api';

export type Appointment = components['schemas']['Appointment'];
export type AppointmentMode = components['schemas']['AppointmentMode'];
export const appointmentModes: readonly AppointmentMode[] = ['in_person', 'phone', 'video'];

export type DiaryView = 'day' | 'week';

// One London day, or week (Monday to Sunday), of the diary: one adviser's, or the centre's
// (admins name the centre; others get their own).
export const diaryQuery = (view: DiaryView, date: string, adviserId: string | undefined, centreId: string | undefined) =>
  queryOptions({
    queryKey: ['appointments', 'diary', view, date, adviserId ?? 'centre', centreId],
    queryFn: async () =>
      unwrap(await api().GET('/api/v1/diary', { params: { query: { view, date, adviserId, centreId, limit: 100 } } })),
    placeholderData: keepPreviousData,
  });

export function useDiary(view: DiaryView, date: string, adviserId: string | undefined, centreId: string | undefined) {
  return useQuery(diaryQuery(view, date, adviserId, centreId));
}
