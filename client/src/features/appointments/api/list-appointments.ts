import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';

// A case's appointments, by start time.
export const caseAppointmentsQuery = (caseId: string) =>
  queryOptions({
    queryKey: ['appointments', 'case', caseId],
    queryFn: async () => unwrap(await api().GET('/api/v1/appointments', { params: { query: { caseId, limit: 100 } } })),
  });

export function useCaseAppointments(caseId: string) {
  return useQuery(caseAppointmentsQuery(caseId));
}
