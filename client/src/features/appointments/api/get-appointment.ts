import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';

// One appointment by its id: the caller's centre's, or any centre's for an admin.
export const appointmentQuery = (id: string) =>
  queryOptions({
    queryKey: ['appointments', 'detail', id],
    queryFn: async () => unwrap(await api().GET('/api/v1/appointments/{id}', { params: { path: { id } } })),
  });

export function useAppointment(id: string) {
  return useQuery(appointmentQuery(id));
}
