import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';

// A case's appointments, by start time. Admins name the case's centre (`centreId`).
export const caseAppointmentsQuery = (caseId: string, centreId: string | undefined) =>
  queryOptions({
    queryKey: ['appointments', 'case', caseId, centreId],
    queryFn: async () => unwrap(await api().GET('/api/v1/appointments', { params: { query: { caseId, centreId, limit: 100 } } })),
  });

export function useCaseAppointments(caseId: string, centreId: string | undefined) {
  return useQuery(caseAppointmentsQuery(caseId, centreId));
}

// A client's appointments, with or without a case, by start time (admins name the centre).
export const clientAppointmentsQuery = (clientId: string, centreId: string | undefined) =>
  queryOptions({
    queryKey: ['appointments', 'client', clientId, centreId],
    queryFn: async () => unwrap(await api().GET('/api/v1/appointments', { params: { query: { clientId, centreId, limit: 100 } } })),
  });

export function useClientAppointments(clientId: string, centreId: string | undefined) {
  return useQuery(clientAppointmentsQuery(clientId, centreId));
}
